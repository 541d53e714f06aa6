"""Golden tests: real cablegate pages and the seed cable against hand-checked expected JSON.

Each `tests/fixtures/cable/<name>.html` (and the seed, `examples/seeds/000_8f450616689684b3.txt`)
is parsed and its full public JSON form (`to_dict()`, minus the checkout-dependent `source.path`)
must equal `<name>.expected.json` exactly. So must each bare telegram `<ID>.telegram.txt` (a
page's `<pre>` blocks as text, no page around them), read from its own text alone, against
`<ID>.telegram.expected.json`. See `tests/fixtures/cable/README.md` for how the expected files
were made and checked.

Where the parser is known to be wrong, the expected file holds the correct value written by hand
and `known-bugs.json` names the fields concerned: the full comparison is then a strict xfail
(it fails loudly once the bug is fixed, so the entry can be removed), while every other field of
that cable is still compared exactly by `test_golden_fields_not_affected_by_known_bugs`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import cablewire

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cable"
SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SEED_NAME = "seed-09BAMAKO387"
KNOWN_BUGS: dict[str, dict[str, Any]] = json.loads(
    (FIXTURES / "known-bugs.json").read_text("utf-8")
)


def _inputs() -> dict[str, Path]:
    found = {p.stem: p for p in sorted(FIXTURES.glob("*.html"))}
    found.update(
        {p.name.removesuffix(".txt"): p for p in sorted(FIXTURES.glob("*.telegram.txt"))}
    )
    found[SEED_NAME] = SEEDS / "000_8f450616689684b3.txt"
    return found


INPUTS = _inputs()


@cache
def _actual(name: str) -> dict[str, Any]:
    [doc] = cablewire.parse_file(INPUTS[name])
    return doc.to_dict()


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (FIXTURES / f"{name}.expected.json").read_text("utf-8")
    )
    return data


def _comparable(doc: dict[str, Any]) -> dict[str, Any]:
    out = dict(doc)
    out["source"] = {k: v for k, v in doc["source"].items() if k != "path"}
    return out


def _differences(actual: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    keys = list(dict.fromkeys([*expected, *actual]))
    return {
        k: {"got": actual.get(k, "<missing>"), "want": expected.get(k, "<missing>")}
        for k in keys
        if actual.get(k, "<missing>") != expected.get(k, "<missing>")
    }


def _cases() -> list[Any]:
    cases = []
    for name in INPUTS:
        marks = []
        if name in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name]["reason"]))
        cases.append(pytest.param(name, id=name, marks=marks))
    return cases


@pytest.mark.parametrize("name", _cases())
def test_golden(name: str) -> None:
    actual = _actual(name)
    assert actual["source"]["path"].endswith(INPUTS[name].name)
    # Field by field first, so a failure names the fields that differ.
    assert _differences(_comparable(actual), _expected(name)) == {}
    assert json.dumps(_comparable(actual), ensure_ascii=False) == json.dumps(
        _expected(name), ensure_ascii=False
    ), "same fields, different key order"


@pytest.mark.parametrize("name", sorted(KNOWN_BUGS))
def test_golden_fields_not_affected_by_known_bugs(name: str) -> None:
    buggy = set(KNOWN_BUGS[name]["fields"])
    actual = {k: v for k, v in _comparable(_actual(name)).items() if k not in buggy}
    expected = {k: v for k, v in _expected(name).items() if k not in buggy}
    assert _differences(actual, expected) == {}


def test_every_fixture_has_an_expected_file() -> None:
    missing = [n for n in INPUTS if not (FIXTURES / f"{n}.expected.json").exists()]
    assert missing == []
    strays = {p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json")}
    assert strays - set(INPUTS) == set()


def test_known_bugs_name_real_fixtures_and_fields() -> None:
    for name, bug in KNOWN_BUGS.items():
        assert name in INPUTS, name
        assert bug["reason"].strip(), name
        assert set(bug["fields"]) <= set(_expected(name)), name


def test_fixture_set_is_varied() -> None:
    """The set keeps covering the shapes it was chosen for."""
    expected = {n: _expected(n) for n in INPUTS}
    assert len([n for n in INPUTS if n != SEED_NAME]) >= 22
    years = {int(doc["created"][:4]) for doc in expected.values()}
    assert len([y for y in years if y < 1990]) >= 5
    classes = {doc["classification"] for doc in expected.values()}
    assert {
        "SECRET//NOFORN",
        "CONFIDENTIAL//NOFORN",
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        "SECRET",
        "CONFIDENTIAL",
        "UNCLASSIFIED",
    } <= classes
    assert any(doc["subject"] is None for doc in expected.values())
    assert any((doc["sections"] or 0) >= 4 for doc in expected.values())
    assert any(doc["other_references"] for doc in expected.values())
    assert any(doc["origin"] == "Secretary of State" for doc in expected.values())
    assert sum(doc["source"]["form"] == "cable-html" for doc in expected.values()) >= 22
    assert sum(doc["source"]["form"] == "cable-telegram" for doc in expected.values()) >= 6


# --- The other forms of the same cables -------------------------------------------------------

RAW_TELEGRAM = FIXTURES / "raw-telegram-09BAMAKO387.txt"
CSV_SAMPLE = FIXTURES.parent / "csv" / "cables-sample.csv"
# Fields only a page (or a CSV row) gives; everything else comes from the telegram itself.
PAGE_ONLY = {"released", "source"}


def test_raw_telegram_gives_the_seed_fields() -> None:
    """The seed's telegram alone (routing header and body, no page) reads the same."""
    [doc] = cablewire.parse_file(RAW_TELEGRAM)
    raw = doc.to_dict()
    assert raw["source"]["form"] == "cable-telegram"
    assert raw["released"] is None
    seed = _expected(SEED_NAME)
    assert _differences(
        {k: v for k, v in raw.items() if k not in PAGE_ONLY},
        {k: v for k, v in seed.items() if k not in PAGE_ONLY},
    ) == {}


TELEGRAMS = sorted(n for n in INPUTS if n.endswith(".telegram"))
# What the page table gives: the telegram golden has it null when the telegram does not say
# it, and the page's value when it does (`created` to the day: the table's time of day is not
# the date-time group's).
PAGE_TABLE = {"id", "created", "classification", "origin"}


@pytest.mark.parametrize("name", TELEGRAMS)
def test_bare_telegram_golden_agrees_with_its_page(name: str) -> None:
    """A page's `<pre>` blocks alone hold the same cable as the page: every field of the
    telegram golden equals the page golden's, but for the release date and the source, and
    for the page-table fields the telegram does not give (null there)."""
    telegram, page = _expected(name), _expected(name.removesuffix(".telegram"))
    assert telegram["source"]["form"] == "cable-telegram"
    assert telegram["released"] is None
    differ = _differences(telegram, page).keys() - {"released", "source", "warnings"}
    if "created" in differ and telegram["created"] and page["created"]:
        if telegram["created"][:10] == page["created"][:10]:
            differ.discard("created")
    assert {k for k in differ if k not in PAGE_TABLE or telegram[k] is not None} == set()


CSV_ROWS = [
    # row, id, created (the dump's date column), classification, origin, references
    (1, "66BUENOSAIRES2481", "1966-12-28T18:48:00", "UNCLASSIFIED", "Embassy Buenos Aires",
     ["66STATE106206"]),
    (2, "86MADRID5480", "1986-05-12T17:58:00", "SECRET", "Embassy Madrid",
     ["86MADRID5426", "86MADRID5425", "86MADRID5418"]),
    (3, "09CAIRO300", "2009-02-19T09:55:00", "CONFIDENTIAL", "Embassy Cairo",
     ["09CAIRO64", "08CAIRO2420", "08CAIRO1565", "08CAIRO1010", "07CAIRO2350"]),
    (4, "09PARAMARIBO85", "2009-03-19T17:39:00", "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
     "Embassy Paramaribo", []),
]


@cache
def _csv_docs() -> list[dict[str, Any]]:
    return [doc.to_dict() for doc in cablewire.parse_file(CSV_SAMPLE)]


def test_csv_dump_gives_one_cable_per_row() -> None:
    docs = _csv_docs()
    assert len(docs) == len(CSV_ROWS)
    for doc, row_values in zip(docs, CSV_ROWS, strict=True):
        row, cable_id, created, classification, origin, refs = row_values
        assert doc["kind"] == "cable"
        assert doc["source"]["form"] == "cable-csv"
        assert doc["source"]["path"].endswith(f"cables-sample.csv#row={row}")
        assert (doc["id"], doc["created"], doc["classification"], doc["origin"]) == (
            cable_id, created, classification, origin
        )
        assert doc["references"] == refs
        assert doc["released"] is None


@pytest.mark.parametrize("index", range(len(CSV_ROWS)), ids=[r[1] for r in CSV_ROWS])
def test_csv_row_reads_like_its_page(index: int) -> None:
    """A dump row holds the same telegram as the page: every telegram field agrees with the
    page's hand-checked golden (apart from the fields of a known page-reading bug)."""
    doc = _csv_docs()[index]
    name = doc["id"]
    skip = {"created", "released", "source"} | set(KNOWN_BUGS.get(name, {}).get("fields", []))
    if name in KNOWN_BUGS:
        skip.add("warnings")
    expected = _expected(name)
    assert _differences(
        {k: v for k, v in doc.items() if k not in skip},
        {k: v for k, v in expected.items() if k not in skip},
    ) == {}


def test_csv_row_with_a_missing_column_gives_a_warning_not_a_crash(tmp_path: Path) -> None:
    good = CSV_SAMPLE.read_text("utf-8").split('"2","5/12/1986')[0]
    short = '"2","5/12/1986 17:58","86MADRID5480","Embassy Madrid","SECRET","",' + (
        '"O 121758Z MAY 86\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC IMMEDIATE 8202"\n'
    )
    path = tmp_path / "dump.csv"
    path.write_text(good + short, "utf-8")
    docs = [doc.to_dict() for doc in cablewire.parse_file(path)]
    assert [d["id"] for d in docs] == ["66BUENOSAIRES2481", "86MADRID5480"]
    broken = docs[1]
    assert broken["classification"] == "SECRET"
    assert broken["created"] == "1986-05-12T17:58:00"
    assert any("column" in w for w in broken["warnings"]), broken["warnings"]
    assert not any("column" in w for w in docs[0]["warnings"])
