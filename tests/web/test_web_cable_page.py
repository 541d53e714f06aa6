"""The cable page is made from the stored JSON alone: REF links by letter, markers, header block,
paragraphs and trailer come from the document's fields, never from its text or its original."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from cablewire.web.presenters.cable import present_cable

ROOT = Path(__file__).resolve().parents[2]
GOLDENS = sorted((ROOT / "tests" / "fixtures" / "cable").glob("*.expected.json"))


def _shown(doc: dict[str, Any], in_archive: bool = True) -> dict[str, Any]:
    """What `Archive.show` gives, with every cited cable in the archive (or none)."""
    cites = [{"id": cable_id, "in_archive": in_archive} for cable_id in doc.get("references") or []]
    return {"document": doc, "cites": cites, "cited_by": [], "revisions": []}


def _cable(**fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"kind": "cable", "id": "09KABUL999", "created": "2009-06-12T11:16:00",
                           "references": [], "reference_items": [], "paragraphs": [],
                           "header_block": [], "trailer": [], "markers": []}
    doc.update(fields)
    return doc


def _refs_in(markup: Markup) -> list[tuple[str, str]]:
    """(target, text) of each REF link, in order."""
    return re.findall(r'<a class="ref" href="/documents/([^"]+)" title="[^"]*">([^<]*)</a>',
                      str(markup))


def _visible(markup: Markup) -> str:
    """The text a reader sees, without the tooltips."""
    text = re.sub(r'<span class="tip"[^>]*>[^<]*</span>', "", str(markup))
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _paragraph(view: dict[str, Any], index: int = 0) -> Markup:
    text: Markup = view["paragraphs"][index]["text"]
    return text


# --- "Ref B" is item B --------------------------------------------------------------------------

BRASILIA = _cable(
    references=["08BRASILIA1170", "08BRASILIA1214"],
    other_references=["IIR 6 809 0120 09"],
    reference_items=[
        {"letter": "A", "text": "08 BRASILIA 1170", "ids": ["08BRASILIA1170"]},
        {"letter": "B", "text": "IIR 6 809 0120 09", "ids": []},
        {"letter": "C", "text": "08 BRASILIA 1214", "ids": ["08BRASILIA1214"]},
    ],
    header_block=["REF: A. 08 BRASILIA 1170 B. IIR 6 809 0120 09 C. 08 BRASILIA 1214"],
    paragraphs=[{"number": 1, "marking": "C", "heading": None,
                 "text": "As Ref B reported and Ref C confirmed (ref A), per reftel (A)."}],
)


def test_a_ref_letter_that_is_no_cable_links_nowhere() -> None:
    view = present_cable(_shown(BRASILIA))
    # B is an intelligence report: no link, and never the second cited cable (08BRASILIA1214)
    assert _refs_in(_paragraph(view)) == [("08BRASILIA1214", "Ref C"), ("08BRASILIA1170", "ref A"),
                                          ("08BRASILIA1170", "reftel (A)")]
    assert "As Ref B reported" in str(_paragraph(view))


def test_the_ref_line_links_each_item_to_its_own_cables() -> None:
    [ref_line] = present_cable(_shown(BRASILIA))["header"]
    assert _refs_in(ref_line) == [("08BRASILIA1170", "08 BRASILIA 1170"),
                                  ("08BRASILIA1214", "08 BRASILIA 1214")]
    assert "B. IIR 6 809 0120 09 C." in str(ref_line)


KABUL = _cable(
    references=["09STATE12345", "09STATE23456", "08KABUL123"],
    reference_items=[
        {"letter": "A", "text": "STATE 12345 AND 23456", "ids": ["09STATE12345", "09STATE23456"]},
        {"letter": "B", "text": "08 KABUL 123", "ids": ["08KABUL123"]},
    ],
    paragraphs=[{"number": 1, "marking": None, "heading": None,
                 "text": "Ref B answered Ref A."}],
)


def test_ref_b_is_the_second_item_not_the_second_cable() -> None:
    text = _paragraph(present_cable(_shown(KABUL)))
    assert _refs_in(text) == [("08KABUL123", "Ref B"), ("09STATE12345", "Ref A"),
                              ("09STATE23456", "09STATE23456")]
    assert str(text).startswith('<a class="ref" href="/documents/08KABUL123"')
    assert ('Ref A</a><sup class="ref-more"><a class="ref" href="/documents/09STATE23456"'
            in str(text))


def test_a_ref_item_not_in_the_archive_is_marked_missing() -> None:
    text = str(_paragraph(present_cable(_shown(KABUL, in_archive=False))))
    missing = ('<span class="ref missing" title="08KABUL123: not held in this archive">Ref B'
               ' <span class="not-held">not held</span></span>')
    assert missing in text
    assert "href=" not in text


def test_a_letter_without_an_item_links_nowhere() -> None:
    doc = _cable(references=["09BAMAKO186"],
                 reference_items=[{"letter": None, "text": "BAMAKO 00186", "ids": ["09BAMAKO186"]}],
                 paragraphs=[{"number": 1, "marking": None, "heading": None,
                              "text": "See Ref A and reftel."}])
    assert _refs_in(_paragraph(present_cable(_shown(doc)))) == []


def test_ref_items_show_even_when_the_header_has_no_ref_line() -> None:
    view = present_cable(_shown(_cable(references=["08KABUL123"], reference_items=[
        {"letter": None, "text": "08 KABUL 123", "ids": ["08KABUL123"]}])))
    [line] = view["header"]
    assert "REF:" in str(line) and _refs_in(line) == [("08KABUL123", "08 KABUL 123")]


# --- Markers, header and trailer ---------------------------------------------------------------


def test_markers_are_the_stored_ones_in_order() -> None:
    view = present_cable(_shown(_cable(markers=["NOFORN", "SIPDIS", "EXDIS"])))
    assert [_visible(m) for m in view["markers"]] == ["NOFORN", "SIPDIS", "EXDIS"]
    assert 'aria-describedby="tip-' in str(view["markers"][1])  # SIPDIS explained
    assert present_cable(_shown(_cable()))["markers"] == []


def test_header_and_trailer_are_the_stored_lines() -> None:
    doc = _cable(header_block=["S E C R E T KABUL 000999", "TAGS: PREL AF"],
                 paragraphs=[{"number": 1, "marking": "C", "heading": None, "text": "Text."}],
                 trailer=["EIKENBERRY", "SECRET"])
    view = present_cable(_shown(doc))
    assert [_visible(line) for line in view["header"]] == ["S E C R E T KABUL 000999",
                                                           "TAGS: PREL AF"]
    assert view["trailer"] == ["EIKENBERRY", "SECRET"]


# --- Every golden -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", GOLDENS, ids=[p.name.split(".")[0] for p in GOLDENS])
def test_every_golden_page_links_its_refs_from_stored_fields(path: Path) -> None:
    """The presenter on the hand-checked JSON alone (no original, no text re-read): each REF item
    links to its own cables in the header, and an item that is no cable links nowhere."""
    doc = json.loads(path.read_text("utf-8"))
    view = present_cable(_shown(doc))
    header = Markup("\n").join(view["header"])
    links = _refs_in(header)
    expected = []
    for item in doc["reference_items"]:
        if item["ids"]:
            expected.append((item["ids"][0], str(Markup.escape(item["text"]))))
            expected.extend((cable_id, cable_id) for cable_id in item["ids"][1:])
    assert links == expected
    assert {target for target, _text in links} == set(doc["references"])
    for item in doc["reference_items"]:
        assert str(Markup.escape(item["text"])) in str(header)
    assert view["trailer"] == doc["trailer"]
    assert len(view["paragraphs"]) == len(doc["paragraphs"])


def test_the_goldens_cover_lettered_unlettered_and_non_cable_items() -> None:
    items = [i for p in GOLDENS for i in json.loads(p.read_text("utf-8"))["reference_items"]]
    assert any(i["letter"] and not i["ids"] for i in items)
    assert any(i["letter"] is None for i in items)
    assert any(len(i["ids"]) > 1 for i in items)


def test_the_web_reads_no_format() -> None:
    """Pages render stored fields: nothing in the web layer imports a reader."""
    web = ROOT / "src" / "cablewire" / "web"
    offenders = [str(p.relative_to(ROOT)) for p in web.rglob("*.py")
                 if re.search(r"cablewire\.formats(?!\.quotes\b)", p.read_text("utf-8"))]
    assert offenders == []
