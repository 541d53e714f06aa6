"""Progress on standard error: plain lines off a terminal (the first after 5 s, then one every
15 s, so short runs print nothing), a tqdm bar on one."""

from __future__ import annotations

import io

from click.testing import CliRunner

from cablewire.cli import main
from cablewire.cli.progress import Meter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_off_a_terminal() -> None:
    out, clock = io.StringIO(), Clock()
    meter = Meter("ingest", "sources", stream=out, clock=clock)
    assert meter.use_bar is False  # a StringIO is no terminal
    meter.update(10, 302, "10 documents, 0 failed")
    clock.now += 4.9
    meter.update(40, 302, "40 documents, 0 failed")
    assert out.getvalue() == ""  # a short run says nothing
    clock.now += 0.2
    meter.update(151, 302, "151 documents, 1 failed")
    clock.now += 10
    meter.update(200, 302, "200 documents, 1 failed")  # within 15 s of the last line
    clock.now += 5
    meter.update(302, 302, "302 documents, 1 failed")
    meter.close()
    meter.close()
    assert out.getvalue().splitlines() == [
        "ingest: 151/302 sources (50%), 151 documents, 1 failed, 5s",
        "ingest: 302/302 sources (100%), 302 documents, 1 failed, 20s",
        "ingest: 302/302 sources (100%), 302 documents, 1 failed, 20s (done)",
    ]


def test_no_total_no_share() -> None:
    out, clock = io.StringIO(), Clock()
    meter = Meter("reindex", "documents", stream=out, clock=clock)
    clock.now += 6
    meter.update(200)
    assert out.getvalue() == "reindex: 200 documents, 6s\n"


def test_a_bar_on_a_terminal() -> None:
    out = io.StringIO()
    meter = Meter("enrich", "documents", stream=out, bar=True)
    meter.update(5, 10)
    meter.update(10, 10)
    meter.close()
    text = out.getvalue()
    assert "enrich: 100%" in text and "10/10" in text and "documents" in text


def test_reindex_prints_only_its_answer_on_stdout(sample_archive: str) -> None:
    result = CliRunner().invoke(main, ["reindex", "--db", sample_archive],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.startswith("indexed ") and result.stdout.count("\n") == 1
