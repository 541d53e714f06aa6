"""PDFs are read from their text layer (pypdf) and then by the format their text is in; a scan
with no text, a damaged PDF and a text that only starts like one are refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablewire
from cablewire.errors import FormatError, UnreadableError
from cablewire.reading import Failure, parse_bytes, parse_paths
from cablewire.text.pdf import is_pdf, pdf_text

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests" / "fixtures" / "pdf"
SEED_ARTICLE = ROOT / "examples" / "seeds" / "004_5010c02e115974d5.txt"


def words(paragraphs: list[str]) -> str:
    return " ".join(" ".join(paragraphs).split())


def test_a_pdf_of_the_seed_article_reads_as_the_article() -> None:
    [from_pdf] = cablewire.parse_file(PDFS / "seed-article.pdf")
    [from_text] = cablewire.parse_file(SEED_ARTICLE)
    pdf, text = from_pdf.to_dict(), from_text.to_dict()
    assert pdf["kind"] == "article" and pdf["source"]["form"] == "news-text"
    for field in ("dateline", "publisher", "captions", "authors", "author_bio",
                  "date_estimate"):
        assert pdf[field] == text[field], field
    assert pdf["dateline"] == "STUTTGART, Germany"
    assert pdf["authors"] == ["John"]
    # the same words in the same order; the text reader splits one paragraph more (a line
    # of the PDF ends `issues,”` and the next starts a capital: a paragraph end in plain text)
    assert words(pdf["paragraphs"]) == words(text["paragraphs"])
    assert (len(pdf["paragraphs"]), len(text["paragraphs"])) == (18, 17)
    assert pdf["warnings"] == ["read from the text layer of a PDF (2 pages)"]


def test_pdf_text_joins_pages_and_keeps_paragraph_breaks() -> None:
    text, warnings = pdf_text((PDFS / "seed-article.pdf").read_bytes())
    assert warnings == ["read from the text layer of a PDF (2 pages)"]
    assert text.startswith("Mutinous soldiers gather in front of the State Television Station"
                           " in Bamako, the capital of Mali, on\nThursday, March 22, 2012.\n\n")
    assert text.endswith("\n\nSign Up Now\n")
    assert "  \n" not in text and "\n\n\n" not in text


def test_a_scan_is_refused_with_the_reason() -> None:
    with pytest.raises(UnreadableError) as caught:
        parse_bytes((PDFS / "scan.pdf").read_bytes(), "scan.pdf")
    assert str(caught.value) == (
        "this PDF has no text layer (1 page of pictures: a scan?): run OCR on it first (for"
        " example `ocrmypdf in.pdf out.pdf`) and ingest the result")
    [failure] = parse_paths([PDFS / "scan.pdf"])
    assert isinstance(failure, Failure) and failure.error.startswith("this PDF has no text")


def test_text_that_starts_like_a_pdf_is_not_read_as_an_article() -> None:
    fake = b"%PDF-1.4\nRegional leaders in Western Africa meet Tuesday.\n\nMore text.\n"
    assert is_pdf(fake)
    with pytest.raises(UnreadableError) as caught:
        parse_bytes(fake, "fake.txt")
    assert str(caught.value).startswith("this starts like a PDF (%PDF-1.4) but is not one that"
                                        " can be read (")
    assert str(caught.value).endswith("give the original PDF, or its text as a .txt file"
                                      " without the PDF header")


def test_a_cut_pdf_is_refused() -> None:
    data = (PDFS / "seed-article.pdf").read_bytes()
    with pytest.raises((UnreadableError, FormatError)):
        parse_bytes(data[: len(data) // 3], "cut.pdf")


def test_plain_text_is_not_taken_for_a_pdf() -> None:
    assert not is_pdf(SEED_ARTICLE.read_bytes())
