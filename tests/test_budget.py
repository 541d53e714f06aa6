"""A time budget per document: a source or a document over it is recorded as failed with the
reason, and the batch goes on (real slow inputs: a 2 MB line, a 300 kB paragraph of names)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import cablewire
from cablewire.archive import Archive
from cablewire.budget import OverBudget, within
from cablewire.pipeline import enrich, ingest
from cablewire.settings import Settings

from .conftest import FIXTURES, SEEDS

PAGE = FIXTURES / "news" / "html" / "amp-article.html"


def reason(seconds: float) -> str:
    return (f"over the time budget of {seconds:g} s per document; a longer budget"
            " (--time-budget SECONDS, 0 for none) lets it finish")


def test_within_stops_a_slow_pattern_and_restores_the_timer() -> None:
    import re
    import signal

    started = time.monotonic()
    with pytest.raises(OverBudget) as caught, within(0.2):
        re.match(r"(a+)+b", "a" * 40)  # exponential: hours without the budget
    assert time.monotonic() - started < 2.0
    assert caught.value.seconds == 0.2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler,
                                                None)
    with within(5):
        assert sum(range(10)) == 45  # under budget: nothing happens


@pytest.mark.parametrize("workers", [1, 2])
def test_a_source_over_budget_is_a_failure_and_the_batch_goes_on(tmp_path: Path,
                                                                  workers: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = PAGE.read_text("utf-8")
    at = text.index(" the ") + 5
    # 2 MB of words in a news page: the page extractor (trafilatura) takes about 10 s
    (folder / "slow.html").write_text(text[:at] + "Ab " * 700_000 + text[at:], "utf-8")
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    for path in folder.iterdir():  # the readers' first document loads their data: not timed
        if path.name != "slow.html":
            cablewire.parse_file(path)
    cablewire.parse_file(PAGE)
    settings = Settings.resolve(env={}, db=str(tmp_path / "a.db"), enrich="no",
                                workers=workers, time_budget=1.0)
    started = time.monotonic()
    report = ingest([str(folder)], settings).to_dict()
    assert time.monotonic() - started < 30
    assert (report["new"], report["failed"], report["sources"]) == (2, 1, 3)
    with Archive.open(settings) as archive:
        [failure] = archive.failures()
    assert failure["source"].endswith("slow.html")
    assert failure["error"] == reason(1.0)


def test_a_document_over_budget_in_enrichment_is_a_failure(tmp_path: Path) -> None:
    pytest.importorskip("spacy", reason="the entities stage needs the nlp extra")
    folder = tmp_path / "in"
    folder.mkdir()
    article = (SEEDS / "004_5010c02e115974d5.txt").read_text("utf-8")
    # 100,000 capitalised words for the model: about 30 s of one core, far over 2 s
    (folder / "long.txt").write_text(article.replace("conundrum", "Ab Cd " * 50_000), "utf-8")
    (folder / "seed.txt").write_text(article.replace("conundrum", "puzzle"), "utf-8")
    db = str(tmp_path / "a.db")
    ingest([str(folder)], Settings.resolve(env={}, db=db, enrich="no", workers=1))
    from cablewire.enrich.stages import run_entities

    [seed] = cablewire.parse_file(SEEDS / "004_5010c02e115974d5.txt")
    run_entities(seed.to_dict(), {})  # loads the model and its name lists: not timed
    started = time.monotonic()
    report = enrich(Settings.resolve(env={}, db=db, workers=1, time_budget=2.0),
                    names=["entities"])
    assert time.monotonic() - started < 60
    assert report.written == {"entities": 1}
    [failure] = report.failed
    assert (failure["stage"], failure["error"]) == ("entities", reason(2.0))
