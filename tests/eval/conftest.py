"""Fixtures for the evaluation tests (the builders live in eval_helpers.py)."""

from __future__ import annotations

from typing import Any

import pytest

from eval_helpers import gold_dict


@pytest.fixture()
def gold_data() -> dict[str, Any]:
    """A fresh copy of the test gold dict."""
    return gold_dict()
