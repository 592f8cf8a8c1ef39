"""Which review store a command uses, and opening it: the --store options, the default file,
and the one-line error for a store (or a review command) without the review extra."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from checker.clikit import fail
from checker.config import Settings
from checker.review.states import StoreError

if TYPE_CHECKING:
    from checker.review.store import Store

DEFAULT_STORE = ".checker/store.sqlite"   # (the review commands'; a check has none by default)

store_option = click.option(
    "--store", "store_location", metavar="PATH|URL", envvar="CHECKER_STORE",
    help=f"The review store: a SQLite file or a database URL (postgresql://user@host/db). "
         f"Default: $CHECKER_STORE, else the configuration's store, else {DEFAULT_STORE}.")
check_store_option = click.option(
    "--store", "store_location", metavar="PATH|URL", envvar="CHECKER_STORE",
    help="Record the check in this review store (a SQLite file or a database URL, "
         "postgresql://user@host/db; needs the review extra): editors' decisions then apply "
         "and --changed checks new articles against the corpus it keeps. Default: "
         "$CHECKER_STORE, else the configuration's store, else none (nothing is written).")
# What the review extra brings (`pip install 'checker[review]'`): the store and the page.
REVIEW_MODULES = {"sqlalchemy", "alembic", "starlette", "jinja2", "itsdangerous", "multipart",
                  "python_multipart", "argon2", "uvicorn"}


def missing_review_extra(err: ModuleNotFoundError) -> bool:
    """The module that could not be imported is one the review extra installs."""
    return (err.name or "").split(".")[0] in REVIEW_MODULES


def configured_store(location: str | None, settings: Settings) -> str | None:
    """The store a check records into: one named on the command line (or $CHECKER_STORE) or
    in the configuration; none by default, as a linter writes nothing it was not asked to."""
    return location or settings.store


def chosen_store(location: str | None, settings: Settings) -> str:
    """The store named on the command line (or $CHECKER_STORE), else in the configuration,
    else the default file."""
    return location or settings.store or DEFAULT_STORE


def open_store(location: str | None, settings: Settings) -> Store:
    """The store named on the command line, else in the configuration, else the default;
    migrated when empty. A store that cannot be used ends the command (exit status 2)."""
    from checker.review.store import Store  # SQLAlchemy: loaded only when a store is used

    try:
        return Store.open(chosen_store(location, settings))
    except StoreError as err:
        fail(str(err))
