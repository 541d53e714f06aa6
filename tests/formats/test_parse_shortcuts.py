"""The cable reader's shortcuts find what the slow searches they stand for find.

Some patterns of the reader have no first character to look for (case-blind words, optional
space in front): searched with, they try themselves at every character. The reader finds
their matches another way (`header_block._labels`, `paragraphs._find_end`, `markers._words`,
`page._pre_blocks`); these tests hold each to the search it replaces, on every fixture and on
the odd cases of its argument. (`benchmarks/parse_fingerprint.py` holds the whole reader to
its output on the corpus.)
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from cablewire.formats.cable import header_block, markers, page, paragraphs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cable"
_LAZY_PRE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.S | re.I)


def _texts() -> list[str]:
    """The fixtures' telegram texts: each page's <pre> blocks, each bare telegram."""
    out = []
    for path in sorted(FIXTURES.glob("*.html")):
        out.append("\n".join(html.unescape(b) for b in _LAZY_PRE.findall(path.read_text("utf-8"))))
    out.extend(p.read_text("utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    return out


TEXTS = _texts()
ODD_LABELS = [
    "E.O. 12958: DECL: 1/2/2019\nTAGS: PREL\nSUBJECT: x", "  SUBJECT FOO\n REF A) LONDON 002351",
    "PRIMEREF: A. LONDON 1939", "stage therefore percentage REF: x", "ſubject: x", "E. 0. 13526",
    "tags PREL", "x\n\ttags: PREL", "Classified\nBy: X", "TAGS:", "EO 12345 DECL", "REF", "",
]
ODD_ENDS = [
    "(END SUMMARY.)", "end  of summary", "weekend\n(  End Summary and Comment).", "END\nSUMMARY",
    "((END SUMMARY", "ENDSUMMARY", "x END COMMENTS.", "end summary ſ", "(END OF COMMENT", "",
]


def test_pages_and_telegrams_to_check() -> None:
    assert len(TEXTS) >= 80


@pytest.mark.parametrize("text", TEXTS + ODD_LABELS)
def test_labels_are_the_label_search(text: str) -> None:
    def spans(matches):  # type: ignore[no-untyped-def]
        return [(m.span(), m.lastgroup) for m in matches]

    assert spans(header_block._labels(text)) == spans(header_block._LABEL.finditer(text))
    end = len(text) // 2
    assert spans(header_block._labels(text, 3, end)) == spans(
        header_block._LABEL.finditer(text, 3, end))


@pytest.mark.parametrize("text", TEXTS + ODD_LABELS)
def test_lines_before_the_first_hint_have_no_label(text: str) -> None:
    lines = text.split("\n")[:80]
    free = header_block.label_free_lines(lines)
    assert all(header_block.first_label(line) is None for line in lines[:free])
    assert free == len(lines) or header_block._LABEL_HINT.search(lines[free])


@pytest.mark.parametrize("text", TEXTS + ODD_ENDS)
def test_end_markers_are_the_end_search(text: str) -> None:
    for found, pattern in ((paragraphs._end_summary, paragraphs._END_SUMMARY),
                           (paragraphs._end_comment, paragraphs._END_COMMENT)):
        got, want = found(text), pattern.search(text)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("text", TEXTS + ["nodis NoForn xsipdis SIPDISx sipdis-EXDIS", "Ké NODIS"])
def test_marker_words_are_the_word_search(text: str) -> None:
    # (as `find_markers` takes them: upper-cased)
    assert [w.upper() for w in markers._words(text)] == [
        w.upper() for w in markers._WORD.findall(text)]


def test_pre_blocks_are_the_lazy_search() -> None:
    pages = [p.read_text("utf-8") for p in sorted(FIXTURES.glob("*.html"))]
    pages += ["<PRE>a</Pre><pre class='x'>b</pre><pre>open", "<pre>a<pre>b</pre>c</pre>"]
    for text in pages:
        assert page._pre_blocks(text, 0) == _LAZY_PRE.findall(text)
