"""Fixtures shared across test files."""

from __future__ import annotations

import pytest

from consilience.extract.nlp import Nlp, load_nlp
from consilience.settings import Settings


@pytest.fixture(scope="session")
def nlp() -> Nlp:
    """The installed spaCy pipeline, loaded once; tests that need a parse skip without one."""
    loaded = load_nlp(Settings())
    if not loaded.has_parser:
        pytest.skip("no spaCy model installed")
    return loaded


@pytest.fixture(scope="session", params=["auto", "none"])
def engine(request: pytest.FixtureRequest) -> Nlp:
    """Each way of parsing in turn: the installed spaCy model, then the rule fallback."""
    return load_nlp(Settings(spacy_model=request.param))
