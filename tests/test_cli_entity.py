"""`cablewire entity`: one entity with its dated events, its mentions in their sentences, and
users' corrections (merge, split, reject, undo) that a re-run of the stages keeps."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cablewire.cli import main

from .conftest import copy_archive

TOURE = "person:amadou-toumani-toure"


@pytest.fixture
def db(enriched_seeds: str, tmp_path: Path) -> str:
    return copy_archive(enriched_seeds, tmp_path)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def data(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_entity_prints_its_dated_events(db: str) -> None:
    result = run("entity", "ATT", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Amadou Toumani Touré (person, {TOURE})"
    start = lines.index("4 dated events:")
    assert [line[:26] for line in lines[start + 1 : start + 5]] == [
        "  2009-03-01  09BAMAKO387 ", "  2009-04-26  09BAMAKO387 ",
        "  2009-06-01  09BAMAKO387 ", "  2009-06-10  09BAMAKO387 "]
    assert lines[start + 4] == (
        "  2009-06-10  09BAMAKO387  Summary: Ambassador Milovanovic met with President Toure"
        " for one hour on June 10 to relay concerns expressed on the margins of The recent"
        " TSCTP conference about Mali's engagement vis-a-vis AQIM.")
    # `entity NAME` is `entity show NAME`.
    assert run("entity", "show", "ATT", "--db", db).output == result.output


def test_mentions_in_their_sentences(db: str) -> None:
    result = run("entity", "ATT", "--mentions", "--limit", "2", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Amadou Toumani Touré (person, {TOURE}): 38 mentions in 2 documents",
        "",
        "-                    4eb47efd18cddb02:paragraphs:11:31",
        "  “The mutineers feel (President [[Amadou Toumani) Touré]] has been too soft in his"
        " response to the MNLA and the kidnap gangs of Al-Qaida in the Islamic Maghreb (AQIM).",
        "",
        "-                    4eb47efd18cddb02:paragraphs:12:336",
        "  “It may be possible to devise a compromise that addresses the mutineers’ grievances"
        " about army conditions while permitting the restoration of normal constitutional"
        " government, especially as [[Touré]] was due to be replaced by an elected successor in"
        " just a few weeks.”",
        "",
        "36 more: raise --limit",
    ]
    found = data("entity", "ATT", "--mentions", "--db", db)
    assert (found["total"], len(found["mentions"])) == (38, 38)
    subject = next(m for m in found["mentions"] if m["field"] == "subject")
    assert (subject["document"], subject["date"], subject["text"], subject["mark"]) == (
        "09BAMAKO387", "2009-06-12T11:16:00", "TOURE", [10, 15])


def test_merge_split_reject_undo(db: str) -> None:
    made = data("entity", "merge", "Chatham House", "Jamestown Foundation", "--by", "ana",
                "--note", "one think tank", "--db", db)
    assert (made["id"], made["action"], made["key"], made["into"], made["by"], made["note"]) == (
        1, "merge", "organization:chatham-house", "organization:jamestown-foundation", "ana",
        "one think tank")
    merged = data("entity", "Jamestown Foundation", "--db", db)
    assert merged["aliases"] == ["Chatham House"]
    assert merged["mentions"] == 3
    assert [c["id"] for c in merged["corrections"]] == [1]
    assert run("entity", "Chatham House", "--db", db).exit_code == 0  # an alias now
    assert data("search", 'entity:"organization:chatham-house"', "--db", db)["total"] == 0

    split = data("entity", "split", "AQIM", "--name", "AQIM (the acronym)", "--variant", "AQIM",
                 "--by", "ana", "--db", db)
    assert split["into"] == "organization:aqim-the-acronym"
    acronym = data("entity", "organization:aqim-the-acronym", "--db", db)
    assert (acronym["name"], acronym["mentions"], len(acronym["documents"])) == (
        "AQIM (the acronym)", 51, 2)
    assert data("entity", "organization:aqim", "--db", db)["mentions"] == 3

    rejected = data("entity", "reject", "State Television Station", "--by", "ana", "--db", db)
    assert rejected["id"] == 3
    gone = run("entity", "State Television Station", "--db", db)
    assert gone.exit_code == 2 and "no entity named" in gone.output

    listed = run("entity", "corrections", "--db", db)
    assert [line.split(" ", 2)[2] for line in listed.output.splitlines()] == [
        "ana: merge organization:chatham-house into organization:jamestown-foundation"
        " — one think tank",
        "ana: split organization:aqim-the-acronym (AQIM (the acronym)) from organization:aqim"
        " (variant 'AQIM')",
        "ana: reject organization:state-television-station (not an entity)",
    ]
    assert data("entity", "undo", "2", "--by", "bo", "--db", db)["undone_by"] == "bo"
    assert data("entity", "organization:aqim", "--db", db)["mentions"] == 54
    again = run("entity", "undo", "2", "--db", db)
    assert again.exit_code == 2 and "undone already" in again.output


def test_user_errors_say_what_to_do(db: str) -> None:
    same = run("entity", "merge", "ATT", "Toure", "--db", db)
    assert same.exit_code == 2
    assert same.output == f"Error: 'ATT' and 'Toure' are already one entity ({TOURE})\n"
    kinds = run("entity", "merge", "ATT", "Mali", "--db", db)
    assert kinds.exit_code == 2 and "only entities of one type merge" in kinds.output
    nothing = run("entity", "split", "ATT", "--name", "X", "--db", db)
    assert nothing.exit_code == 2 and "say which mentions leave" in nothing.output
    bad = run("entity", "split", "ATT", "--name", "X", "--mention", "nope", "--db", db)
    assert bad.exit_code == 2 and "DOC:FIELD:PARAGRAPH:START" in bad.output
    unknown = run("entity", "undo", "7", "--db", db)
    assert unknown.exit_code == 2 and "no correction 7" in unknown.output


def test_a_rerun_of_the_entities_stage_keeps_the_corrections(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from cablewire.enrich import stages
    from cablewire.pipeline import enrich
    from cablewire.settings import Settings

    data("entity", "merge", "Chatham House", "Jamestown Foundation", "--db", db)
    data("entity", "reject", "State Television Station", "--db", db)
    bumped = tuple(dataclasses.replace(s, version=s.version + ".rerun") if s.name == "entities"
                   else s for s in stages.ENRICHMENT)
    monkeypatch.setattr(stages, "ENRICHMENT", bumped)
    report = enrich(Settings.resolve(env={}, db=db, workers=1), names=["entities"])
    assert report.written == {"entities": 2}
    merged = data("entity", "Jamestown Foundation", "--db", db)
    assert (merged["key"], merged["aliases"], merged["mentions"]) == (
        "organization:jamestown-foundation", ["Chatham House"], 3)
    assert run("entity", "State Television Station", "--db", db).exit_code == 2
    assert [c["id"] for c in data("entity", "corrections", "--db", db)] == [1, 2]
