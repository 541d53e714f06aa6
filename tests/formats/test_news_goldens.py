"""Golden tests: the Mali seed, BBC corpus texts and hand-written HTML pages against their
hand-checked expected JSON.

Each input under `tests/fixtures/news/` (`*.txt`, `bbc/*.txt`, `html/*.html`) is read with
`cablewire.parse_bytes` (so encodings are detected as in real use) under its repository-relative
path, and its full public JSON form must equal `<input>.expected.json` exactly.

`CABLEWIRE_UPDATE_GOLDENS=1 pytest tests/formats/test_news_goldens.py` rewrites the expected
files from the current output; read the diff and check every changed value before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import cablewire

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "news"
INPUTS = sorted(
    [*FIXTURES.glob("*.txt"), *FIXTURES.glob("bbc/*.txt"), *FIXTURES.glob("html/*.html")]
)
UPDATE = os.environ.get("CABLEWIRE_UPDATE_GOLDENS") == "1"


def _expected_path(path: Path) -> Path:
    return path.with_name(path.name + ".expected.json")


def _actual(path: Path) -> dict[str, Any]:
    [doc] = cablewire.parse_bytes(path.read_bytes(), source=path.relative_to(ROOT).as_posix())
    return doc.to_dict()


def test_there_are_enough_goldens() -> None:
    names = [p.relative_to(FIXTURES).as_posix() for p in INPUTS]
    assert "seed-mali-coup.txt" in names
    assert sum(n.startswith("bbc/") for n in names) >= 10
    assert sum(n.startswith("html/") for n in names) >= 10


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_golden(path: Path) -> None:
    actual = _actual(path)
    expected_path = _expected_path(path)
    if UPDATE:
        text = json.dumps(actual, indent=2, ensure_ascii=False) + "\n"
        expected_path.write_text(text, "utf-8")
    expected = json.loads(expected_path.read_text("utf-8"))
    assert actual == expected
