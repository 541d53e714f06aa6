"""`cablewire related`: the seed article finds its background cable, from a file or stdin."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cablewire.cli import main

from .conftest import SEEDS

ARTICLE = SEEDS / "004_5010c02e115974d5.txt"


def test_the_seed_article_finds_the_seed_cable(sample_archive: str) -> None:
    out = CliRunner().invoke(main, ["related", str(ARTICLE), "--db", sample_archive,
                                    "--kind", "cable", "--json"])
    assert out.exit_code == 0, out.output
    found = json.loads(out.output)
    ids = [hit["id"] for hit in found["hits"]]
    # Terms alone here (the sample archive is not enriched): the seed cable is among the first
    # five; with entities, on the whole corpus, it is second (benchmarks/linking_eval.py).
    assert "09BAMAKO387" in ids[:5]
    assert all(hit["kind"] == "cable" for hit in found["hits"])
    assert found["probe"]["kind"] == "article" and found["probe"]["id"] is None  # not stored
    hit = found["hits"][ids.index("09BAMAKO387")]
    assert "aqim" in hit["reasons"]["lexical"]["terms"]
    # Background predates the story: nothing after the article's date estimate.
    assert all((h["date"] or "")[:10] <= found["filters"]["before"] for h in found["hits"])


def test_pasted_text_and_a_stored_id(sample_archive: str) -> None:
    pasted = CliRunner().invoke(main, ["related", "-", "--db", sample_archive, "--limit", "5"],
                                input=ARTICLE.read_bytes())
    assert pasted.exit_code == 0, pasted.output
    assert "09BAMAKO387" in pasted.output and "terms" in pasted.output
    stored = CliRunner().invoke(main, ["related", "09BAMAKO387", "--db", sample_archive,
                                       "--json"])
    found = json.loads(stored.output)
    assert found["probe"]["id"] == "09BAMAKO387"
    assert "09BAMAKO387" not in [h["id"] for h in found["hits"]]
    missing = CliRunner().invoke(main, ["related", "NOPE123", "--db", sample_archive])
    assert missing.exit_code == 2 and "no document 'NOPE123'" in missing.output


def test_bounds_are_read_as_days_and_checked(sample_archive: str) -> None:
    out = CliRunner().invoke(main, ["related", "09BAMAKO387", "--db", sample_archive,
                                    "--after", "2010", "--before", "2010-02", "--json"])
    assert out.exit_code == 0, out.output
    found = json.loads(out.output)
    assert found["filters"] == {"kind": None, "before": "2010-02-28", "after": "2010-01-01"}
    assert all("2010-01-01" <= hit["date"][:10] <= "2010-02-28" for hit in found["hits"])
    bad = CliRunner().invoke(main, ["related", "09BAMAKO387", "--db", sample_archive,
                                    "--before", "June 2009"])
    assert bad.exit_code == 2
    assert "before 'June 2009' is not a date: write it as 2009, 2009-06 or 2009-06-12" in (
        bad.output)
