"""Key terms: a document's distinctive words, weighted by tf-idf over the archive's search index
(stemmed as the index stems them), each with the word as the document writes it. The lexical
part of the linking blend (`cablewire.link.background`) queries them and shows them as its
reasons.

    key_terms(index, doc)   # [(stem, weight, the word as written), ...], heaviest first
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import tantivy

from cablewire.index.searchindex import SearchIndex, indexable_text

KEY_TERMS = 20
MIN_LENGTH = 3
_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


@lru_cache(maxsize=1)
def _analyzer() -> tantivy.TextAnalyzer:
    """The index's `en_stem` analysis: simple tokens, long ones dropped, lower case, stemmed."""
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("english"))
            .build())


def _stems(text: str) -> list[str]:
    tokens: list[str] = _analyzer().analyze(text)
    return tokens


def key_terms(index: SearchIndex, doc: dict[str, Any],
              count: int = KEY_TERMS) -> list[tuple[str, float, str]]:
    """(stem, weight, the word as the document writes it) of the document's distinctive terms."""
    text = "\n".join(p for p in (doc.get("title"), indexable_text(doc)) if p)
    frequencies = Counter(_stems(text))
    searcher = index.searcher()
    total = max(1, searcher.num_docs)
    weights: dict[str, float] = {}
    for stem, tf in frequencies.items():
        if len(stem) < MIN_LENGTH or stem.isdigit():
            continue
        df = searcher.doc_freq("body", stem)
        if df < 2 or df > total * 0.2:  # shared with no other document, or with most of them
            continue
        weights[stem] = (1 + math.log(tf)) * math.log(total / df)
    top = sorted(weights, key=lambda s: (-weights[s], s))[:count]
    forms = _written_forms(text, set(top))
    return [(stem, round(weights[stem], 3), forms.get(stem, stem)) for stem in top]


def _written_forms(text: str, stems: set[str]) -> dict[str, str]:
    """The commonest written form (lower case) of each of `stems` in `text`."""
    words = Counter(word.lower() for word in _WORD.findall(text))
    forms: dict[str, Counter[str]] = {}
    for word, n in words.items():
        for stem in _stems(word):
            if stem in stems:
                forms.setdefault(stem, Counter())[word] += n
    return {stem: counter.most_common(1)[0][0] for stem, counter in forms.items()}
