#!/usr/bin/env bash
# Set up seotool in .venv (idempotent and quick when nothing changed).
#   scripts/setup.sh          the tool itself
#   scripts/setup.sh --test   plus test tools and Debian's chromium for the HTML report test
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "seotool needs Python 3.11 or newer (found: $("$PY" --version 2>&1)); set PYTHON=/path/to/python3.11" >&2
  exit 2
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv

extras=""
[ $want_test = 1 ] && extras="[test]"
stamp=".venv/.seotool-installed${extras}"
digest=$(cat pyproject.toml | sha1sum | cut -c1-40)
installed() { [ -f "$1" ] && [ "$(cat "$1")" = "$digest" ]; }
# an install with the test extras has everything the tool needs: reinstalling while tests run
# (the quick-start test runs this script) would pull files from under the other test workers
if ! installed "$stamp" && ! installed ".venv/.seotool-installed[test]"; then
  echo "setting up .venv (seotool${extras})..." >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" >&2 || true
  .venv/bin/python -c "import seotool, checks, reports" || { echo "install failed" >&2; exit 2; }
  echo "$digest" > "$stamp"
fi
# Byte-compile our own modules: an editable install does not, and where PYTHONDONTWRITEBYTECODE
# is set Python never would, so every run would compile them again (~0.1 s). Quick when current.
.venv/bin/python -m compileall -q seotool checks reports >/dev/null 2>&1 || true

if [ $want_test = 1 ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian's chromium for the HTML report test..." >&2
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
      || echo "warning: could not install chromium; the browser test will be skipped" >&2
  else
    echo "warning: /usr/bin/chromium is missing (sudo apt-get install chromium); the browser test will be skipped" >&2
  fi
fi
