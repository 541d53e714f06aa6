"""Names in search: accents folded (Touré = Toure = TOURE) and names kept out of the stemmer
(`toure` does not find a rugby tour), in results, snippets and related lists' key terms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cablewire.archive import Archive
from cablewire.pipeline import ingest
from cablewire.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
RUGBY = """England's rugby tour of Argentina ends

BUENOS AIRES — England's rugby players ended their summer tour on Saturday with a win over
Argentina, the last of three tests on a tour that the coach called the hardest his side had
played. The touring party flies home on Sunday, and the coach said the tour had shown him who
was ready for the World Cup next year. Argentina's captain said his team had learned a lot.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    folder = tmp_path_factory.mktemp("names")
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "rugby.txt").write_text(RUGBY, "utf-8")
    db = tmp_path_factory.mktemp("db") / "a.db"
    settings = Settings.resolve(env={}, db=str(db), enrich="no", workers=1)
    report = ingest([str(folder)], settings)
    assert report.summary.new == 3
    with Archive.open(settings) as opened:
        yield opened


def ids(archive: Archive, query: str) -> list[str]:
    return sorted(hit["id"] for hit in archive.search(query)["hits"])


def test_accents_and_case_are_folded(archive: Archive) -> None:
    both = ids(archive, "Touré")
    assert len(both) == 2  # the cable writes Toure and TOURE, the article Touré
    assert ids(archive, "toure") == both
    assert ids(archive, "TOURE") == both
    assert ids(archive, '"Amadou Toumani Toure"') == ids(archive, '"amadou toumani touré"')


def test_a_name_is_not_stemmed(archive: Archive) -> None:
    [rugby] = ids(archive, "rugby")
    assert rugby not in ids(archive, "toure")
    assert rugby in ids(archive, "tour")
    assert ids(archive, "tours") == ids(archive, "tour")  # English words still are


def test_snippets_highlight_the_name_not_its_stem(archive: Archive) -> None:
    for hit in archive.search("toure")["hits"]:
        snippet = hit["snippet"]
        marked = {snippet["text"][s:e].lower() for s, e in snippet["highlights"]}
        assert marked and marked <= {"touré", "toure"}, (hit["id"], marked)


def test_key_terms_keep_a_name_whole(sample_archive: str) -> None:
    from cablewire.link.terms import key_terms

    with Archive.open(Settings.resolve(env={}, db=sample_archive)) as opened:
        [doc_id] = [h["id"] for h in opened.search('"Victoria Nuland" kind:article')["hits"]]
        article = opened.document(doc_id)
        terms = key_terms(opened.index, article, 200)
    by_form = {form: (term, field) for term, _w, form, field in terms}
    assert by_form["touré"] == ("toure", "names")
    assert all(not (field == "body" and term == "tour") for term, _w, _f, field in terms)
    related = opened_related(sample_archive, doc_id)
    for hit in related:
        assert "tour" not in (hit["reasons"].get("lexical") or {}).get("terms", [])


def opened_related(db: str, doc_id: str) -> list[dict[str, object]]:
    with Archive.open(Settings.resolve(env={}, db=db)) as opened:
        return list(opened.background(doc_id)["hits"])
