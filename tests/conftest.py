"""Shared test set-up: every test gets a review store of its own."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    """`checker check` records into a store; each test's is a fresh SQLite file, so no test
    sees another's findings or decisions (subprocesses inherit it through the environment)."""
    location = tmp_path / "review-store.sqlite"
    monkeypatch.setenv("CHECKER_STORE", str(location))
    return location
