from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_cable_path() -> Path:
    return SEEDS / "000_8f450616689684b3.txt"


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    return SEEDS / "004_5010c02e115974d5.txt"

SAMPLE = ROOT / "examples" / "sample"


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def sample_archive(request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> str:
    """An archive of the seed pair and the bundled cable sample, ingested once per session on
    each store (`STORE_KINDS`)."""
    from cablewire.pipeline import ingest
    from cablewire.settings import Settings

    db = archive_uri(request.param, tmp_path_factory.mktemp("archive"), request, "sample")
    settings = Settings.resolve(env={}, db=db, workers=2, enrich="no")
    ingest([SEEDS, SAMPLE / "cablegate-sample.tar.xz"], settings)
    return db


@pytest.fixture(scope="session")
def enriched_sample(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample archive with the entities stage run (about 45 s on two cores; it needs the
    NLP extra)."""
    pytest.importorskip("spacy", reason="the entities stage needs the NLP extra:"
                                        " pip install -e '.[nlp]'")
    from cablewire.pipeline import enrich, ingest
    from cablewire.settings import Settings

    db = str(tmp_path_factory.mktemp("enriched-sample") / "sample.db")
    settings = Settings.resolve(env={}, db=db, workers=2, enrich="no")
    ingest([SEEDS, SAMPLE / "cablegate-sample.tar.xz"], settings)
    enrich(settings, names=["entities"])
    return db


@pytest.fixture(scope="session")
def enriched_seeds(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed pair ingested with every stage run (about 20 s on one core; the NLP extra).
    Tests that write to it work on a copy (`copy_archive`)."""
    pytest.importorskip("spacy", reason="enrichment needs the NLP extra:"
                                        " pip install -e '.[nlp]'")
    from cablewire.pipeline import ingest
    from cablewire.settings import Settings

    db = str(tmp_path_factory.mktemp("enriched-seeds") / "seeds.db")
    report = ingest([SEEDS], Settings.resolve(env={}, db=db, workers=1, enrich="yes"))
    assert report.enriched == 2
    return db


def copy_archive(db: str, folder: Path) -> str:
    """A copy of the archive file `db` in `folder` (its search index is made again on open)."""
    import shutil

    target = folder / "archive.db"
    shutil.copyfile(db, target)
    if Path(db + "-wal").exists():  # an archive still open elsewhere: its last writes
        shutil.copyfile(db + "-wal", str(target) + "-wal")
    return str(target)


# -- the stores every archive test runs on -----------------------------------------------------

STORE_KINDS = ("sqlite", "postgres")
"""The archive stores the archive, search, stage and web tests run against (`new_archive`)."""


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One throwaway PostgreSQL server for the whole session (`tests/pg_server.py`); skips,
    or in CI fails, when none can be started. Derived indexes of its archives go to a
    temporary folder, not ~/.cache."""
    from tests.pg_server import PgServer, skip_or_fail, unavailable

    reason = unavailable()
    if reason is not None:
        skip_or_fail(reason)
    import cablewire.store.postgres as postgres

    postgres.INDEX_ROOT = tmp_path_factory.mktemp("pg-indexes")
    server = PgServer()
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        skip_or_fail(f"the PostgreSQL test server did not start: {exc}")
    yield server
    server.stop()


def archive_uri(kind: str, folder: Path, request: pytest.FixtureRequest,
                name: str = "archive") -> str:
    """A new, empty archive address of the store `kind`: a SQLite file in `folder`, or a new
    database on the session's PostgreSQL server."""
    if kind == "sqlite":
        return str(folder / f"{name}.db")
    if kind == "postgres":
        server = request.getfixturevalue("pg_server")
        return str(server.new_database(name.replace("-", "_")[:20]))
    raise ValueError(kind)


@pytest.fixture(params=STORE_KINDS)
def store_kind(request: pytest.FixtureRequest) -> str:
    kind: str = request.param
    return kind


@pytest.fixture
def new_archive(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """The address (`--db`) of a new, empty archive, once on each store of `STORE_KINDS`."""
    return archive_uri(store_kind, tmp_path, request)
