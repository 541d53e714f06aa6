"""Where else the cast of a document appears (`Archive.cross_reference`, `cablewire cast`), on
the sample archive with the entities stage run."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from cablewire.archive import Archive
from cablewire.cli import main
from cablewire.errors import NotFound
from cablewire.settings import Settings

TOURE = "person:amadou-toumani-toure"
ARTICLE = "4eb47efd18cddb02"  # the seed article


@pytest.fixture(scope="module")
def archive(enriched_sample: str) -> Iterator[Archive]:
    with Archive.open(Settings.resolve(env={}, db=enriched_sample)) as opened:
        yield opened


def test_toure_in_the_seed_cable(archive: Archive) -> None:
    found = archive.cross_reference("09bamako387")  # the id in any case
    assert found["id"] == "09BAMAKO387"
    toure = found["entities"][0]  # people first, the most mentioned here first
    assert toure == {
        "key": TOURE, "type": "person", "name": "Amadou Toumani Touré", "mentions": 36,
        "documents": 2, "strongest": [
            {"id": "09BAMAKO776", "kind": "cable",
             "title": "Ambassador and General Ward Meet with Malian President Amadou Toumani"
                      " Toure", "date": "2009-12-01T16:04:00", "mentions": 22},
            {"id": ARTICLE, "kind": "article", "title": "STUTTGART, Germany", "date": None,
             "mentions": 2}]}
    assert [(e["key"], e["mentions"], e["documents"]) for e in found["entities"][:6]] == [
        (TOURE, 36, 2), ("person:edwin-dyer", 4, 1), ("person:gillian-milovanovic", 4, 1),
        ("person:gordon-brown", 2, 7), ("organization:aqim", 46, 27),
        ("organization:tsctp", 2, 4)]
    types = [e["type"] for e in found["entities"]]
    assert types == sorted(types, key=["person", "organization", "group", "place"].index)
    assert len(found["entities"]) == 32
    assert [(e["key"], e["documents"], e["strongest"]) for e in found["only_here"]] == [
        ("person:mcculley", 0, []), ("organization:algiers-accords", 0, [])]


def test_the_strongest_documents_break_ties_by_date(archive: Archive) -> None:
    found = archive.cross_reference("09BAMAKO387")
    aqim = next(e for e in found["entities"] if e["key"] == "organization:aqim")
    # Three with 8 mentions: the newest first, the undated article last.
    assert [(d["id"], d["mentions"]) for d in aqim["strongest"]] == [
        ("07ALGIERS1809", 25), ("09PARIS1339", 23), ("10RABAT5", 8), ("09TRIPOLI190", 8),
        (ARTICLE, 8)]
    assert [d["id"] for d in archive.cross_reference("09BAMAKO387", 2)["entities"][4][
        "strongest"]] == ["07ALGIERS1809", "09PARIS1339"]


def test_the_seed_article_finds_toure_in_both_cables(archive: Archive) -> None:
    people = [e for e in archive.cross_reference(ARTICLE)["entities"] if e["type"] == "person"]
    toure = next(e for e in people if e["key"] == TOURE)
    assert [d["id"] for d in toure["strongest"]] == ["09BAMAKO387", "09BAMAKO776"]


def test_a_document_without_entities_and_an_unknown_one(sample_archive: str) -> None:
    # The session's plain sample archive is not enriched: its documents name no one.
    with Archive.open(Settings.resolve(env={}, db=sample_archive)) as plain:
        assert plain.cross_reference("09BAMAKO387") == {
            "id": "09BAMAKO387", "entities": [], "only_here": []}
        with pytest.raises(NotFound, match="no document 'NOPE123'"):
            plain.cross_reference("NOPE123")


def test_cast_command(enriched_sample: str) -> None:
    out = CliRunner().invoke(main, ["cast", "09BAMAKO387", "--db", enriched_sample,
                                    "--per-entity", "2"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[:6] == [
        "09BAMAKO387: 34 entities, 32 named in other documents",
        "",
        "People",
        f"  Amadou Toumani Touré ({TOURE}): 36 here, named in 2 other documents",
        "      09BAMAKO776       2009-12-01   22x  Ambassador and General Ward Meet with"
        " Malian President Amadou Toumani Toure",
        f"      {ARTICLE}  -             2x  STUTTGART, Germany",
    ]
    assert lines[-1] == "Named only here: McCulley, Algiers Accords"
    assert "Organisations" in lines and "Places" in lines
    as_json = CliRunner().invoke(main, ["cast", "09bamako387", "--db", enriched_sample,
                                        "--per-entity", "1", "--json"])
    found = json.loads(as_json.output)
    assert found["entities"][0]["key"] == TOURE
    assert [d["id"] for d in found["entities"][0]["strongest"]] == ["09BAMAKO776"]


def test_cast_command_errors_and_a_document_naming_no_one(sample_archive: str) -> None:
    missing = CliRunner().invoke(main, ["cast", "NOPE123", "--db", sample_archive])
    assert missing.exit_code == 2 and "no document 'NOPE123'" in missing.output
    plain = CliRunner().invoke(main, ["cast", "09BAMAKO387", "--db", sample_archive])
    assert plain.exit_code == 0
    assert plain.output == ("09BAMAKO387 names no one: it has no entities (run `cablewire"
                            " enrich` if the archive has not been enriched).\n")
