"""Shared fixtures for the golden tests: the dev corpus, extracted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.evaluation import load_gold
from marsad.pipeline import default_pipeline

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"


@pytest.fixture(scope="session")
def dev_items():
    return load_gold(DEV)


@pytest.fixture(scope="session")
def dev_docs(dev_items):
    """(article, gold events, finished Doc) for every dev article."""
    pipeline = default_pipeline()
    return [(article, gold, pipeline.run(article)) for article, gold in dev_items]
