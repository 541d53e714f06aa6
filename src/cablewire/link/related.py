"""Related documents: the documents that share a document's key terms, with the terms shown.

Key terms are the document's words weighted by tf-idf over the archive's search index (stemmed
as the index stems them); the related documents are the best matches of those terms, boosted by
their weight. Each result says which key terms it shares, which is the reason it is listed.

The JSON form (`/api/documents/{id}/related`)::

    {"id": "4eb47efd18cddb02", "terms": ["mali", "aqim", ...],
     "documents": [{"id": "09BAMAKO387", "kind": "cable", "title": "...", "date": "...",
                    "origin": "...", "score": 209.6, "shared_terms": ["mali", "aqim"],
                    "reason": "shares key terms: mali, aqim"}]}
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import tantivy

from cablewire.index.searchindex import SearchIndex, indexable_text
from cablewire.results import Related

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


def related(index: SearchIndex, doc: dict[str, Any], limit: int = 8) -> Related:
    """The documents that share the most of `doc`'s key terms (see the module docstring)."""
    found = str(doc["id"])
    terms = key_terms(index, doc)
    out: Related = {"id": found, "terms": [surface for _s, _w, surface in terms],
                           "documents": []}
    if not terms:
        return out
    schema = index.schema
    clauses = [(tantivy.Occur.Should,
                tantivy.Query.boost_query(tantivy.Query.term_query(schema, "body", stem), weight))
               for stem, weight, _surface_form in terms]
    clauses.append((tantivy.Occur.MustNot, tantivy.Query.term_query(schema, "doc_id", found)))
    searcher = index.searcher()
    result = searcher.search(tantivy.Query.boolean_query(clauses), limit)
    wanted = {stem: surface for stem, _w, surface in terms}
    for score, address in result.hits:
        hit = searcher.doc(address)
        present = set(_stems(hit.get_first("body") or "")) | set(
            _stems(hit.get_first("title") or ""))
        shared = [surface for stem, surface in wanted.items() if stem in present]
        out["documents"].append({
            "id": str(hit.get_first("doc_id")),
            "kind": str(hit.get_first("kind")),
            "title": hit.get_first("title") or None,
            "date": hit.get_first("date") or None,
            "origin": hit.get_first("origin"),
            "score": round(float(score), 3),
            "shared_terms": shared,
            "reason": "shares key terms: " + ", ".join(shared[:8]),
        })
    return out
