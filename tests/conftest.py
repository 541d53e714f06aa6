from __future__ import annotations

from pathlib import Path

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


@pytest.fixture(scope="session")
def sample_archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An archive of the seed pair and the bundled cable sample, ingested once per session."""
    from cablewire.pipeline import ingest
    from cablewire.settings import Settings

    db = str(tmp_path_factory.mktemp("archive") / "sample.db")
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
