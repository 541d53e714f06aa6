"""Mangled documents for the readers' fuzz test (`test_fuzz_readers.py`) and its longer run
(`benchmarks/fuzz_readers.py`): a real document of each form with one thing inserted in a line
of its own or inside a sentence: a long token or line (up to 1 MB), deep markup, NUL bytes,
another form's document, or any text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SAMPLES = {
    "cable page": FIXTURES / "cable" / "00HARARE5461.html",
    "cable page text": SEEDS / "000_8f450616689684b3.txt",
    "telegram": FIXTURES / "cable" / "01PARIS11204.telegram.txt",
    "csv dump": FIXTURES / "csv" / "cables-sample.csv",
    "news text": SEEDS / "004_5010c02e115974d5.txt",
    "news html": FIXTURES / "news" / "html" / "amp-article.html",
}
TEXTS = {name: path.read_text("utf-8") for name, path in SAMPLES.items()}
MEGABYTE = 1_000_000
HTML_LIMIT = 20_000
"""The news page extractor (trafilatura, with justext behind it) takes about 10 µs a character
of body text: an inserted run in a news page is kept to 20 kB so each input stays under 1 s (a
1 MB one takes about 10 s, which the time budget of ingest catches)."""

_CHARS = st.sampled_from(list("Aax0(<\"'.-_/\\\x00é‘ \t\n") + ["\r\n", "\u200b", "\ufeff"])
_UNITS = st.sampled_from(["Ab ", "THE ", "(A) ", "<p>", "1. ", "SUBJECT: ", "REF: A. ",
                          "Touré said \"", "E.O. 12958: ", "&amp;", "<!--", "\t", "\r\n",
                          "http://x.y/", "<b>", "SECTION 01 OF 02 ", "XXXXXXXXXXXX "])


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def insertions(limit: int = MEGABYTE) -> st.SearchStrategy[str]:
    size = st.one_of(st.integers(1, limit), st.just(limit))
    return st.one_of(
        st.builds(_repeat, _CHARS, size),                                  # one long token
        st.builds(_repeat, _UNITS, size),                                  # a long line
        st.builds(lambda d, tag: f"<{tag}>" * d + "x" + f"</{tag}>" * d,   # deep markup
                  st.integers(1, limit // 12), st.sampled_from(["div", "p", "pre", "table"])),
        st.builds(lambda n: "\x00" * n, size),                             # NUL bytes
        st.sampled_from(sorted(TEXTS.values())),                           # another form
        st.text(max_size=2_000),                                           # anything
    )


@st.composite
def mangled(draw: st.DrawFn, limit: int = MEGABYTE) -> tuple[str, str]:
    """(form, text): a sample with one insertion, at a drawn place."""
    name = draw(st.sampled_from(sorted(TEXTS)))
    text = TEXTS[name]
    inserted = draw(insertions(HTML_LIMIT if name == "news html" else limit))
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):  # in a line of its own
        line = text.rfind("\n", 0, at) + 1
        return name, text[:line] + inserted + "\n" + text[line:]
    return name, text[:at] + inserted + text[at:]
