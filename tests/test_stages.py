"""Stages as plugins: a toy stage registered by a test plugin is run, stored, re-run alone on a
version bump, and listed by `cablewire stages`; the executor forks before any connection."""

from __future__ import annotations

import json
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cablewire.cli import main
from cablewire.errors import StageError
from cablewire.hookspecs import hookimpl
from cablewire.pipeline import enrich, ingest
from cablewire.plugins import plugin_manager
from cablewire.settings import Settings
from cablewire.stages import Stage, ordered, registered, with_needs
from cablewire.store import open_store

from .conftest import SEEDS


def count_words(doc: dict[str, Any], needs: dict[str, Any]) -> dict[str, Any]:
    return {"words": len((doc.get("body") or "").split()), "by": "toy"}


def count_words_again(doc: dict[str, Any], needs: dict[str, Any]) -> dict[str, Any]:
    return {"words": len((doc.get("body") or "").split()), "by": "toy 2"}


def _plugin(version: str, run: Any) -> types.SimpleNamespace:
    @hookimpl
    def cablewire_stages() -> list[Stage]:
        return [Stage("toy", version, run, description="counts words")]

    return types.SimpleNamespace(cablewire_stages=cablewire_stages)


@pytest.fixture
def toy() -> Iterator[Any]:
    """Registers the toy stage plugin at a version; unregisters it afterwards."""
    pm = plugin_manager()
    registered_now: list[Any] = []

    def register(version: str, run: Any = count_words) -> None:
        for plugin in registered_now:
            pm.unregister(plugin)
        registered_now.clear()
        plugin = _plugin(version, run)
        pm.register(plugin, name=f"toy-{version}")
        registered_now.append(plugin)

    yield register
    for plugin in registered_now:
        pm.unregister(plugin)


def test_a_toy_stage_is_stored_rerun_on_a_version_bump_and_listed(
        toy: Any, new_archive: str) -> None:
    pytest.importorskip("spacy", reason="the entities stage needs the NLP extra")
    db = new_archive
    settings = Settings.resolve(env={}, db=db, workers=1, enrich="yes")
    ingest([SEEDS], settings)
    store = open_store(db)
    before = {i: store.results(i) for i in ("09BAMAKO387",)}
    entities_before = store.entities(limit=1000)
    seq_before = store.max_seq()
    store.close()

    toy("1")
    report = enrich(settings, names=["toy"])
    assert report.written == {"toy": 2}
    store = open_store(db)
    words = len(store.get("09BAMAKO387")["body"].split())  # type: ignore[index]
    assert words > 1000
    assert store.result("09BAMAKO387", "toy") == {"words": words, "by": "toy"}
    store.close()

    toy("2", count_words_again)
    report = enrich(settings)  # every stage: only the toy one has work to do
    assert report.written == {"toy": 2}
    store = open_store(db)
    assert store.result("09BAMAKO387", "toy") == {"words": words, "by": "toy 2"}
    after = store.results("09BAMAKO387")
    assert {k: v for k, v in after.items() if k != "toy"} == before["09BAMAKO387"]
    assert store.entities(limit=1000) == entities_before  # the enrichment rows untouched
    assert store.max_seq() == seq_before  # nothing the index reads changed
    assert store.stage_counts()["toy"] == {"2": 2}
    store.close()

    out = CliRunner().invoke(main, ["stages", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    rows = {r["name"]: r for r in json.loads(out.output)}
    assert rows["toy"] == {"name": "toy", "version": "2", "needs": [], "available": True,
                           "pending": 0, "done": 2, "description": "counts words"}
    assert rows["events"]["needs"] == ["dates", "entities"]
    assert all(r["pending"] == 0 for r in rows.values())
    text = CliRunner().invoke(main, ["stages", "--db", db]).output
    assert "toy" in text and "up to date" in text


def test_built_in_stages_in_running_order() -> None:
    names = [s.name for s in registered()]
    assert set(names) >= {"entities", "dates", "events", "quotes", "jargon"}
    assert names.index("events") > max(names.index("dates"), names.index("entities"))
    assert names.index("quotes") > names.index("entities")
    assert [s.name for s in with_needs(["quotes"])] == ["entities", "quotes"]
    with pytest.raises(StageError, match="no stage named 'nope'"):
        with_needs(["nope"])


def test_stage_declarations_are_checked() -> None:
    with pytest.raises(StageError, match="either run, or feed and flush"):
        Stage("bad", "1")
    a = Stage("a", "1", count_words, needs=("b",))
    b = Stage("b", "1", count_words, needs=("a",))
    with pytest.raises(StageError, match="in a circle"):
        ordered([a, b])
    with pytest.raises(StageError, match="needs 'c', which no plugin provides"):
        ordered([Stage("a", "1", count_words, needs=("c",))])


def test_a_feed_and_flush_stage_sees_every_document(toy: Any, new_archive: str) -> None:
    seen: list[str] = []

    def feed(doc: dict[str, Any], needs: dict[str, Any]) -> None:
        seen.append(doc["id"])

    def flush() -> list[tuple[str, dict[str, Any]]]:
        return [(i, {"rank": n, "of": len(seen)}) for n, i in enumerate(sorted(seen))]

    pm = plugin_manager()
    plugin = types.SimpleNamespace(cablewire_stages=hookimpl(
        lambda: [Stage("across", "1", feed=feed, flush=flush)]))
    pm.register(plugin, name="across")
    try:
        db = new_archive
        settings = Settings.resolve(env={}, db=db, workers=1, enrich="no")
        ingest([SEEDS], settings)
        report = enrich(settings, names=["across"])
        assert report.written == {"across": 2}
        store = open_store(db)
        assert store.result("09BAMAKO387", "across") == {"rank": 0, "of": 2}
        store.close()
    finally:
        pm.unregister(plugin)


def test_ingest_indexes_each_document_once(new_archive: str) -> None:
    pytest.importorskip("spacy", reason="the entities stage needs the NLP extra")
    settings = Settings.resolve(env={}, db=new_archive, workers=2, enrich="yes")
    report = ingest([SEEDS], settings)
    assert report.summary.new == 2
    assert report.indexed == 2  # not once for the document and again for its entities
    assert report.enriched == 2


def open_connections(_item: int) -> int:
    import gc
    import sqlite3

    return sum(isinstance(o, sqlite3.Connection) for o in gc.get_objects())


def test_the_local_executor_forks_before_any_connection(tmp_path: Path) -> None:
    from cablewire.pipeline import _working

    settings = Settings.resolve(env={}, db=str(tmp_path / "a.db"), workers=2)
    before = open_connections(0)  # (connections other tests of the session left to the collector)
    with _working(settings, None, create=True) as (executor, store):
        assert store.max_seq() == 0  # the store is open here, in the parent
        assert list(executor.map(open_connections, [1, 2, 3])) == [before] * 3
