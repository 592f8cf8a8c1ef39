"""Real servers and browsers for the tests: a throwaway PostgreSQL cluster, Debian's chromium.

`.ci/run` installs them from Debian's packages and sets CHECKER_REQUIRE_SERVICES=1, so in
CI a missing one fails the run; on a developer's machine without them those tests skip.
"""
from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")


def missing(what: str) -> None:
    """Fail in CI (where the service must be there), skip elsewhere."""
    if os.environ.get("CHECKER_REQUIRE_SERVICES"):
        pytest.fail(f"{what} is required here (CHECKER_REQUIRE_SERVICES is set)")
    pytest.skip(f"{what} is not installed (.ci/run installs it)")


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian keeps them versioned)."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"),
                      key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0)
    if versions:
        return versions[-1].parent
    found = shutil.which("postgres")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A new cluster in a temporary folder, listening on a Unix socket only; its URL.

    PostgreSQL will not run as root, so as root it runs as Debian's `postgres` user."""
    binaries = postgres_bin()
    if binaries is None:
        missing("a PostgreSQL server")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="checker-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True, text=True)

    try:
        run(str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "checker",
            "--no-sync", "-E", "UTF8")
        run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
            f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off", "start")
    except subprocess.CalledProcessError as err:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {err.stderr or err.stdout}")
    try:
        yield f"postgresql+psycopg://checker@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run([*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                        "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def new_database(server_url: str) -> str:
    """A fresh, empty database on the cluster; its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(host=url.query["host"], port=url.query["port"], user=url.username,
                         dbname="postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)
