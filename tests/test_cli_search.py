"""`cablewire search`: the JSON gives the snippet's text and ranges; the terminal shows it on one
line, the matched words in bold only when the output is a terminal."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cablewire.cli import main
from cablewire.cli.search import snippet_line
from cablewire.results import Snippet


def test_search_json_gives_snippet_text_and_ranges(sample_archive: str) -> None:
    result = CliRunner().invoke(main, ["search", '"choir boys"', "--db", sample_archive,
                                       "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    hit = next(h for h in json.loads(result.stdout)["hits"] if h["id"] == "09BAMAKO387")
    text = hit["snippet"]["text"]
    assert [text[s:e] for s, e in hit["snippet"]["highlights"]] == ["choir", "boys"]


def test_search_text_is_one_plain_line_a_snippet(sample_archive: str) -> None:
    result = CliRunner().invoke(main, ["search", "AQIM", "--db", sample_archive, "--limit", "3"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b[" not in out and "<b>" not in out and "*AQIM*" not in out
    hits = out.split("\n\n")[1:4]  # after "N documents", before the facets
    assert len(hits) == 3
    for hit in hits:
        _header, _title, snippet = hit.splitlines()  # the snippet is one line
        assert snippet.startswith("  ") and snippet.strip()


def test_snippet_line_bolds_the_matches_for_a_terminal() -> None:
    snippet: Snippet = {"text": "an AQIM cell", "highlights": [(3, 7)]}
    assert snippet_line(snippet, emphasis=False) == "an AQIM cell"
    assert snippet_line(snippet, emphasis=True) == "an \x1b[1mAQIM\x1b[0m cell"
