"""PDF to text: the text layer of a PDF (pypdf), page by page, for the format auction to read
like any other text. A PDF is recognised by its content (it starts with `%PDF-` and pypdf
can open it), never by its name.

A PDF with no text layer (a scan: pictures of pages) cannot be read without OCR; it is
refused with that reason, as is a file that starts like a PDF but is not one (damaged,
truncated, or text that happens to begin `%PDF-`), and an encrypted PDF.
"""

from __future__ import annotations

import io
import logging
import re
import warnings

from cablewire.errors import UnreadableError

MAGIC = b"%PDF-"
_PARAGRAPH_END = re.compile(r"[.!?:][\"”’)]{0,3}$")
"""A page whose last line ends a sentence ends its paragraph; otherwise the paragraph runs on
to the next page."""

_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def is_pdf(data: bytes) -> bool:
    """Whether `data` starts as a PDF does (a few bytes of junk before the header allowed,
    as readers allow)."""
    return MAGIC in data[:1024]


def pdf_text(data: bytes) -> tuple[str, list[str]]:
    """The text of the PDF `data` and a warning saying it came from a PDF's text layer."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableError("this PDF is encrypted: save an unencrypted copy (or"
                                      " its text) and give cablewire that")
            pages = [page.extract_text(extraction_mode="layout") or ""
                     for page in reader.pages]
    except UnreadableError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        header = data[data.find(MAGIC):][:8].decode("latin-1", "replace")
        raise UnreadableError(
            f"this starts like a PDF ({header}) but is not one that can be read ({exc}): it"
            " may be damaged or cut short; give the original PDF, or its text as a .txt file"
            " without the PDF header") from None
    texts = [_tidy(page) for page in pages]
    if not any(texts):
        raise UnreadableError(
            f"this PDF has no text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of"
            " pictures: a scan?): run OCR on it first (for example `ocrmypdf in.pdf out.pdf`)"
            " and ingest the result")
    text = ""
    for page in texts:
        if not page:
            continue
        if text:
            text += "\n\n" if _PARAGRAPH_END.search(text[-8:]) else "\n"
        text += page
    count = len(pages)
    return text + "\n", [f"read from the text layer of a PDF ({count} page"
                         f"{'s' if count != 1 else ''})"]


def _tidy(page: str) -> str:
    """A page's text without trailing spaces, runs of blank lines, or blank ends."""
    page = _TRAILING_SPACE.sub("", page.replace("\r", ""))
    return _BLANK_RUNS.sub("\n\n", page).strip("\n")
