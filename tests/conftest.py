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


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL cluster for the whole run, stopped at its end."""
    from services import postgres_cluster

    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """An empty store on each kind of database the checker supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    from services import new_database

    return new_database(request.getfixturevalue("postgres_server"))
