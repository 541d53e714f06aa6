"""`cablewire citations` prints the REF graph as a tree both ways; `cablewire most-cited` the
cables the archive cites most."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cablewire.cli import main


def _run(*args: str) -> tuple[int, str]:
    out = CliRunner().invoke(main, list(args))
    return out.exit_code, out.output


def test_the_tree_both_ways(sample_archive: str) -> None:
    code, text = _run("citations", "08manama253", "--db", sample_archive)
    assert code == 0, text
    assert text.splitlines() == [
        "08MANAMA253  2008-04-17  Violence Condemned; Restraint Prevails Following Policeman's"
        " Death",
        "cites",
        "  08MANAMA236  (not in this archive; in the full release, 2008-04)",
        "cited by",
        "  08MANAMA536  2008-08-07  The Shi'a Clerical Hierarchy in Bahrain",
        "3 cables, 2 citations, to 3 steps",
    ]


def test_deeper_steps_are_indented_and_a_second_link_is_named(sample_archive: str) -> None:
    code, text = _run("citations", "08MANAMA536", "--db", sample_archive, "--depth", "2")
    assert code == 0, text
    lines = text.splitlines()
    assert lines[5:8] == [
        "  08MANAMA253  2008-04-17  Violence Condemned; Restraint Prevails Following"
        " Policeman's Death",
        "    08MANAMA236  (not in this archive; in the full release, 2008-04)",
        "  08MANAMA420  (not in this archive; in the full release, 2008-06)"]
    assert "    08MANAMA420  (above)" in lines  # 08MANAMA510 cites it too
    assert lines[-3:] == ["cited by", "  (none)", "16 cables, 16 citations, to 2 steps"]


def test_json_and_the_cap(sample_archive: str) -> None:
    code, text = _run("citations", "08MANAMA536", "--db", sample_archive, "--depth", "1",
                      "--json")
    assert code == 0, text
    graph = json.loads(text)
    assert [n["id"] for n in graph["nodes"]][:2] == ["08MANAMA536", "04MANAMA378"]
    assert len(graph["nodes"]) == 8 and graph["depth"] == 1
    code, text = _run("citations", "08MANAMA536", "--db", sample_archive, "--limit", "5",
                      "--direction", "cites")
    assert code == 0, text
    assert text.splitlines()[-2:] == [
        "5 cables, 4 citations, to 3 steps",
        "cut short at 5 cables: 3 more found at the last level were left out (give a higher"
        " --limit, a lower --depth)"]


def test_bad_options_and_unknown_ids_exit_2(sample_archive: str) -> None:
    code, text = _run("citations", "NOSUCHCABLE", "--db", sample_archive)
    assert code == 2 and "no document 'NOSUCHCABLE' in this archive" in text
    code, text = _run("citations", "08MANAMA536", "--db", sample_archive, "--depth", "4")
    assert code == 2 and "4 is not in the range 1<=x<=3" in text
    code, text = _run("most-cited", "--db", sample_archive, "--station", "!!")
    assert code == 2 and "station='!!' names no station" in text
    code, text = _run("most-cited", "--db", sample_archive, "--year", "1800")
    assert code == 2 and "give a four-digit year such as 2009" in text


def test_most_cited(sample_archive: str) -> None:
    code, text = _run("most-cited", "--db", sample_archive, "--year", "2008", "--station",
                      "Embassy Manama", "--limit", "5")
    assert code == 0, text
    assert text.splitlines() == [
        "  1. 08MANAMA420        cited by    2  2008-06  (not in this archive)",
        "  2. 08MANAMA144        cited by    1  2008-03  (not in this archive)",
        "  3. 08MANAMA163        cited by    1  2008-03  (not in this archive)",
        "  4. 08MANAMA236        cited by    1  2008-04  (not in this archive)",
        "  5. 08MANAMA253        cited by    1  2008-04-17  Violence Condemned; Restraint"
        " Prevails Following Policeman's Death"]
    code, text = _run("most-cited", "--db", sample_archive, "--json", "--limit", "1")
    assert json.loads(text) == {"year": None, "station": None, "limit": 1, "cables": [
        {"id": "05SANJOSE2037", "citations": 2, "in_archive": False, "in_release": True,
         "month": "2005-08", "title": None, "date": None, "origin": None}]}
    code, text = _run("most-cited", "--db", sample_archive, "--year", "1999")
    assert (code, text) == (0, "No document in this archive cites such a cable.\n")
