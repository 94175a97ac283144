"""What the server tests do when the front-end packages or the browser are missing: skip with the
reason, or fail under CI=true (CI must run the UI tests)."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def _missing(what: str, fix: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing: CI must run the web UI tests ({fix}; ./dev test does it)", pytrace=False)
    pytest.skip(f"{what} is missing ({fix}; ./dev test does it)")


def frontend_missing() -> NoReturn:
    """The npm packages are not installed."""
    _missing("the front-end packages (node_modules)", "run `npm ci` at the repository root")


def browser_missing() -> NoReturn:
    """Debian's chromium is not installed."""
    _missing("Debian's chromium (/usr/bin/chromium)", "apt-get install chromium")
