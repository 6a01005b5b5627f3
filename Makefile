# The two quick-start commands (see README): `make demo` and `make test`.
.PHONY: demo test lint bench

demo:
	@bash scripts/setup.sh
	@.venv/bin/python scripts/demo.py

test:
	@bash scripts/setup.sh --test
	@.venv/bin/python -m pytest -q -n 2 --dist loadgroup

lint:
	@bash scripts/setup.sh --test
	@.venv/bin/ruff check .
