"""`cablewire export` and `cablewire.export`: every hit of a query as JSON Lines, CSV or
FollowTheMoney entities, on the seed pair (enriched, so the entities are there)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cablewire.archive import Archive
from cablewire.cli import main
from cablewire.export import CSV_COLUMNS, export
from cablewire.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "4eb47efd18cddb02"


@pytest.fixture(scope="module")
def seed_db(enriched_seeds: str) -> str:
    return enriched_seeds


def exported(db: str, query: str, fmt: str, sort: str = "date") -> str:
    out = io.StringIO()
    with Archive.open(Settings.resolve(env={}, db=db)) as archive:
        export(archive, query, fmt, out, sort)
    return out.getvalue()


def test_csv_has_the_sorting_fields_of_each_document(seed_db: str) -> None:
    rows = list(csv.reader(io.StringIO(exported(seed_db, "", "csv"))))
    assert rows[0] == list(CSV_COLUMNS) == [
        "id", "kind", "date", "classification", "origin", "title", "subject", "tags",
        "references", "entities"]
    assert len(rows) == 3
    by_id = {row[0]: row for row in rows[1:]}
    cable = by_id["09BAMAKO387"]
    assert cable[:9] == [
        "09BAMAKO387", "cable", "2009-06-12T11:16:00", "CONFIDENTIAL", "Embassy Bamako",
        "President Toure Ready to Target AQIM, with Help",
        "PRESIDENT TOURE READY TO TARGET AQIM, WITH HELP",
        "PTER; PREL; PGOV; PINS; PINR; ASEC; ML", "09BAMAKO186"]
    names = cable[9].split("; ")
    assert names[:3] == ["Mali", "al-Qaida in the Islamic Maghreb", "Amadou Toumani Touré"]
    assert "Gillian Milovanovic" in names and len(names) == len(set(names))
    article = by_id[ARTICLE]
    assert article[:9] == [ARTICLE, "article", "", "", "Stars and Stripes", "", "", "", ""]
    assert "Victoria Nuland" in article[9].split("; ")


def test_jsonl_is_the_document_json(seed_db: str) -> None:
    lines = [json.loads(line) for line in exported(seed_db, "AQIM", "jsonl").splitlines()]
    with Archive.open(Settings.resolve(env={}, db=seed_db)) as archive:
        assert lines == [archive.document(d["id"]) for d in lines]
    assert sorted(d["id"] for d in lines) == ["09BAMAKO387", ARTICLE]
    assert exported(seed_db, "kind:article", "jsonl").count("\n") == 1


def test_ftm_entities_validate_against_the_followthemoney_model(seed_db: str) -> None:
    ftm = pytest.importorskip("followthemoney", reason="validating needs followthemoney")
    entities = [json.loads(line) for line in exported(seed_db, "", "ftm").splitlines()]
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids))  # each entity once, though both documents name it
    for entity in entities:
        proxy = ftm.model.get_proxy(entity, cleaned=False)  # unknown schema or property: raises
        assert proxy.to_dict()["properties"] == entity["properties"], entity["schema"]
    known = set(ids)
    for entity in entities:  # every entity a property points at is in the export
        for prop, values in entity["properties"].items():
            if ftm.model.get(entity["schema"]).properties[prop].type.name == "entity":
                assert set(values) <= known, (entity["id"], prop)
    first = {e["id"]: e for e in entities}
    cable = first["cablewire-09BAMAKO387"]
    assert cable["schema"] == "Document"
    props = cable["properties"]
    assert props["title"] == ["President Toure Ready to Target AQIM, with Help"]
    assert props["date"] == ["2009-06-12T11:16:00"]
    assert props["publisher"] == ["Embassy Bamako"]
    assert props["author"] == ["MILOVANOVIC"]
    assert props["keywords"] == ["PTER", "PREL", "PGOV", "PINS", "PINR", "ASEC", "ML"]
    assert props["notes"] == ["CONFIDENTIAL"]
    assert "Amadou Toumani Touré" in props["peopleMentioned"]
    assert "al-Qaida in the Islamic Maghreb" in props["companiesMentioned"]
    assert "Bamako" in props["locationMentioned"]
    article = first[f"cablewire-{ARTICLE}"]
    assert article["schema"] == "Article"
    assert article["properties"]["publisher"] == ["Stars and Stripes"]
    toure = first["cablewire-person-amadou-toumani-toure"]
    assert toure["schema"] == "Person"
    assert toure["properties"]["name"] == ["Amadou Toumani Touré"]
    mentions = [e for e in entities if e["schema"] == "Mention"
                and e["properties"]["resolved"] == [toure["id"]]]
    assert sorted(m["properties"]["document"][0] for m in mentions) == [
        "cablewire-09BAMAKO387", f"cablewire-{ARTICLE}"]
    bamako = first["cablewire-place-bamako-ml"]
    assert bamako["schema"] == "Address"
    assert bamako["properties"]["country"] == ["ml"]
    assert bamako["properties"]["latitude"] == ["12.60915"]


def test_cli_writes_the_file_and_says_how_many(seed_db: str, tmp_path: Path) -> None:
    out = tmp_path / "aqim.csv"
    result = CliRunner().invoke(main, ["export", "AQIM", "--db", seed_db, "--format", "csv",
                                       "--sort", "date", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"2 documents written to {out}\n"
    assert out.read_text("utf-8") == exported(seed_db, "AQIM", "csv")
    stdout = CliRunner().invoke(main, ["export", "kind:article", "--db", seed_db])
    assert stdout.exit_code == 0 and json.loads(stdout.stdout)["id"] == ARTICLE
    none = CliRunner().invoke(main, ["export", "zanzibarian", "--db", seed_db, "--format",
                                     "csv", "--out", str(tmp_path / "none.csv")])
    assert none.stderr == f"no documents written to {tmp_path / 'none.csv'}\n"


def test_cli_rejects_a_bad_query_with_a_usage_exit(seed_db: str) -> None:
    result = CliRunner().invoke(main, ["export", "(broken", "--db", seed_db])
    assert result.exit_code != 0 and "Error:" in result.stderr


def test_web_export_gives_the_cli_bytes(seed_db: str) -> None:
    from starlette.testclient import TestClient

    from cablewire.web import create_app

    app = create_app(Settings.resolve(env={}, db=seed_db))
    try:
        client = TestClient(app)
        for fmt in ("jsonl", "csv", "ftm"):
            response = client.get("/export", params={"q": "AQIM", "format": fmt, "sort": "date"})
            assert response.status_code == 200
            assert response.text == exported(seed_db, "AQIM", fmt), fmt
        assert client.get("/export", params={"q": "AQIM", "format": "xml"}).status_code == 400
        page = client.get("/search", params={"q": "AQIM"}).text
        assert 'href="/export?q=AQIM&amp;format=ftm"' in page
    finally:
        app.state.web.close()
