"""Searching the sample archive: the queries the project promises, facets, sorting, paging."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cablewire.archive import Archive
from cablewire.errors import NotFound, UsageError
from cablewire.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@pytest.fixture(scope="module")
def archive(sample_archive: str) -> Iterator[Archive]:
    with Archive.open(Settings.resolve(env={}, db=sample_archive)) as opened:
        yield opened


def ids(result: dict) -> list[str]:
    return [hit["id"] for hit in result["hits"]]


def test_aqim_with_tag(archive: Archive) -> None:
    result = archive.search("AQIM tag:PTER", limit=100)
    assert "09BAMAKO387" in ids(result)
    assert result["total"] == len(result["hits"])
    assert {b["value"] for b in result["facets"]["tag"]} >= {"PTER"}
    assert next(b for b in result["facets"]["tag"] if b["value"] == "PTER")["count"] == (
        result["total"]
    )


def test_exact_phrase_is_highlighted(archive: Archive) -> None:
    result = archive.search('"choir boys"')
    assert "09BAMAKO387" in ids(result)
    hit = next(h for h in result["hits"] if h["id"] == "09BAMAKO387")
    snippet = hit["snippet"]
    assert [snippet["text"][s:e] for s, e in snippet["highlights"]] == ["choir", "boys"]
    assert "\n" not in snippet["text"]


def test_snippets_mark_words_in_characters_not_bytes(archive: Archive) -> None:
    result = archive.search("Touré", limit=50)
    assert result["hits"]
    for hit in result["hits"]:
        snippet = hit["snippet"]
        words = {snippet["text"][s:e].lower() for s, e in snippet["highlights"]}
        assert words <= {"touré", "toure"}, (hit["id"], words)


def test_cites_and_cited_by(archive: Archive) -> None:
    assert ids(archive.search("cites:09BAMAKO186")) == ["09BAMAKO387"]
    assert ids(archive.search('cites:"BAMAKO 186"')) == []  # no year: not a cable id
    assert ids(archive.search('cites:"09 BAMAKO 00186"')) == ["09BAMAKO387"]
    assert ids(archive.search("cites:09bamako186")) == ["09BAMAKO387"]


def test_origin_and_date_filters(archive: Archive) -> None:
    result = archive.search('origin:"Embassy Bamako" from:2009-01-01', limit=100)
    assert "09BAMAKO387" in ids(result)
    assert {h["origin"] for h in result["hits"]} == {"Embassy Bamako"}
    assert all(h["date"] >= "2009-01-01" for h in result["hits"])
    lower = archive.search('origin:"embassy bamako" from:2009-01-01', limit=100)
    assert ids(lower) == ids(result)
    assert archive.search("year:2009 id:09BAMAKO387")["total"] == 1
    assert archive.search("year:2008 id:09BAMAKO387")["total"] == 0


def test_facets_cover_the_whole_result_not_the_page(archive: Archive) -> None:
    result = archive.search("kind:cable", limit=2)
    assert len(result["hits"]) == 2
    assert result["facets"]["kind"] == [{"value": "cable", "count": result["total"]}]
    assert sum(b["count"] for b in result["facets"]["year"]) == result["total"]


def test_sort_and_paging(archive: Archive) -> None:
    newest = archive.search("kind:cable", limit=5, sort="-date")
    dates = [h["date"] for h in newest["hits"]]
    assert dates == sorted(dates, reverse=True)
    oldest = archive.search("kind:cable", limit=1, sort="date")
    assert oldest["hits"][0]["date"].startswith("1966")
    page2 = archive.search("kind:cable", limit=5, offset=5, sort="-date")
    assert not set(ids(newest)) & set(ids(page2))


def test_not_and_or(archive: Archive) -> None:
    both = archive.search("aqim OR tuareg", limit=500)["total"]
    aqim = archive.search("aqim", limit=500)["total"]
    without = archive.search("aqim -tuareg", limit=500)["total"]
    assert both >= aqim >= without
    assert archive.search("aqim NOT aqim")["total"] == 0


def test_bad_queries_are_usage_errors(archive: Archive) -> None:
    with pytest.raises(UsageError, match="not a date"):
        archive.search("from:last-week")
    with pytest.raises(UsageError, match="--sort"):
        archive.search("aqim", sort="random")


def test_show_lists_citations_both_ways(archive: Archive) -> None:
    shown = archive.show("09bamako387")
    assert shown["document"]["id"] == "09BAMAKO387"
    assert shown["cites"] == [{
        "id": "09BAMAKO186", "in_archive": False, "in_release": True, "month": "2009-03",
        "title": None, "kind": None, "date": None,
    }]
    assert shown["revisions"][0]["revision"] == 1
    assert archive.original("09BAMAKO387").startswith(b"Identifier\nCreated")
    with pytest.raises(NotFound):
        archive.show("09BAMAKO999999")


def test_stats(archive: Archive) -> None:
    stats = archive.stats()
    assert stats["by_kind"]["cable"] == 301  # the 300 sample pages and the seed cable
    assert stats["documents"] == sum(stats["by_kind"].values())
    assert stats["database_bytes"] > 0 and stats["index_bytes"] > 0


def test_limit_zero_gives_counts_and_facets_only(archive: Archive) -> None:
    result = archive.search("kind:cable", limit=0)
    assert result["hits"] == []
    assert result["total"] == 301
    assert result["facets"]["kind"] == [{"value": "cable", "count": 301}]


def test_an_id_without_its_year_finds_the_cables_of_every_year(archive: Archive) -> None:
    for query in ("id:BAMAKO387", 'id:"BAMAKO 00387"', "id:bamako387"):
        assert ids(archive.search(query)) == ["09BAMAKO387"], query
    assert archive.show("BAMAKO 387")["document"]["id"] == "09BAMAKO387"
    assert ids(archive.search("id:BAMAKO999999")) == []
    with pytest.raises(NotFound, match="no cable 'BAMAKO 999999' of any year in this archive"):
        archive.show("BAMAKO 999999")


def test_a_yearless_id_held_in_several_years_lists_them(tmp_path: Path) -> None:
    from cablewire.pipeline import ingest

    seed = (SEEDS / "000_8f450616689684b3.txt").read_text("utf-8")
    (tmp_path / "a.txt").write_text(seed, "utf-8")
    other = seed.replace("09BAMAKO387", "08BAMAKO387")
    (tmp_path / "b.txt").write_text(other.replace("2009-06-12", "2008-06-12"), "utf-8")
    settings = Settings.resolve(env={}, db=str(tmp_path / "a.db"), enrich="no", workers=1)
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], settings)
    with Archive.open(settings) as opened:
        assert sorted(ids(opened.search("id:BAMAKO387"))) == ["08BAMAKO387", "09BAMAKO387"]
        with pytest.raises(NotFound, match=r"'BAMAKO387' has no year, and 2 cables of the"
                                           r" archive match it: 08BAMAKO387, 09BAMAKO387"):
            opened.show("BAMAKO387")
