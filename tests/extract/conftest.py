"""Fixtures shared by the relation-model tests: the rules-only pipeline and the model's lexicons."""

from __future__ import annotations

import pytest

from marsad.extract.relmodel.features import Lexicons
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline


@pytest.fixture(scope="session")
def rules() -> Pipeline:
    """The default pipeline without the relation model."""
    return Pipeline(DEFAULT_COMPONENTS, disable=("relation_model",))


@pytest.fixture(scope="session")
def lex(rules: Pipeline) -> Lexicons:
    """The relation model's lexicons, from the rules pipeline's knowledge base."""
    return Lexicons.from_kb(rules.resources.kb)  # type: ignore[union-attr]
