"""Errors a user can act on, each with its documented exit code (see README, "Exit codes")."""

from __future__ import annotations

EXIT_OK = 0  # nothing at or above --fail-on
EXIT_FINDINGS = 1  # findings at or above --fail-on
EXIT_USAGE = 2  # usage, config or input error
EXIT_NOTHING_AUDITED = 3  # nothing could be audited (unreachable target, empty folder)
EXIT_INTERRUPTED = 130  # Ctrl-C: what was gathered is checked and reported, then this code


class SeotoolError(Exception):
    """An error reported as one line on stderr with ``exit_code``."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class ConfigError(SeotoolError):
    exit_code = EXIT_USAGE


class InputError(SeotoolError):
    exit_code = EXIT_USAGE


class NothingAudited(SeotoolError):
    exit_code = EXIT_NOTHING_AUDITED
