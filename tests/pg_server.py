"""A throwaway PostgreSQL server for the tests: one cluster per test session, made with the
server's own `initdb` and `pg_ctl` in a temporary folder, listening on a unix socket only; each
test gets a database of its own (`PgServer.new_database`).

The binaries are Debian's `postgresql` package (/usr/lib/postgresql/VERSION/bin), which `.ci/run`
installs. PostgreSQL will not run as root: when the tests do, the cluster belongs to the
`postgres` user the package creates, and its commands run through `runuser`.

Without the binaries or the driver (psycopg) the PostgreSQL tests skip with that reason; in CI
(CI=true) they fail instead, so a CI machine that lost its server cannot pass by skipping.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

START_TIMEOUT_S = 60


def _bin_dir() -> Path | None:
    """The newest installed server's bin folder, None when there is none."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    return Path(found[-1]).parent if found else None


def unavailable() -> str | None:
    """Why no PostgreSQL server can be started here, None when one can."""
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        return "the PostgreSQL store needs its driver: pip install -e '.[postgres]'"
    if _bin_dir() is None:
        return ("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin): apt-get install"
                " postgresql")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no 'postgres' user to run the server as"
    return None


def skip_or_fail(reason: str) -> None:
    """Skip a PostgreSQL test with `reason`; in CI, fail it."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"CI must test the PostgreSQL store, and cannot: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class PgServer:
    """A PostgreSQL cluster in a temporary folder, on a unix socket in that folder."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        assert bin_dir is not None
        self.bin = bin_dir
        # Short: a unix socket path must stay under about 100 characters.
        self.root = Path(tempfile.mkdtemp(prefix="cwpg-", dir="/tmp"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.user = "postgres" if self.as_user else pwd.getpwuid(os.geteuid()).pw_name

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True,
                              timeout=START_TIMEOUT_S, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stdout}{done.stderr}")

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", self.user, "-A",
                  "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-k {self.root} -p {self.port} -c listen_addresses='' -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-t",
                  str(START_TIMEOUT_S), "-l", str(self.root / "server.log"), "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                      "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def uri(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@/{database}?host={self.root}&port={self.port}"

    def new_database(self, prefix: str = "t") -> str:
        """A new empty database's URI."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.uri(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.uri(name)

    def drop_database(self, uri: str) -> None:
        import psycopg

        name = uri.split("?", 1)[0].rsplit("/", 1)[1]
        with psycopg.connect(self.uri(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
