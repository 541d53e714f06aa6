"""Key terms: a document's distinctive words, weighted by tf-idf over the archive's search index
(read as the index reads them: English words stemmed in `body`, names whole in `names`; see
`cablewire.index.words`), each with the word as the document writes it. The lexical part of the
linking blend (`cablewire.link.background`) queries them and shows them as its reasons; a name
is shared only where it is written, not where a word of its stem is ('toure' is no 'tour').

    key_terms(index, doc)   # [(term, weight, the word as written, field), ...], heaviest first
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from cablewire.index import words
from cablewire.index.searchindex import SearchIndex, indexable_text

KEY_TERMS = 20
MIN_LENGTH = 3
_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


@lru_cache(maxsize=65536)
def _term(token: str) -> tuple[str, str]:
    """(field, term) of one folded token: a name as it is, in `names`; a word's stem, in
    `body`."""
    if words.is_name(token):
        return "names", token
    return "body", words.stem(token)


def _stems(text: str) -> list[tuple[str, str]]:
    return [_term(token) for token in words.tokens(text, words.FOLDED)]


def key_terms(index: SearchIndex, doc: dict[str, Any],
              count: int = KEY_TERMS) -> list[tuple[str, float, str, str]]:
    """(term, weight, the word as the document writes it, field) of the document's distinctive
    terms."""
    text = "\n".join(p for p in (doc.get("title"), indexable_text(doc)) if p)
    frequencies = Counter(_stems(text))
    searcher = index.searcher()
    total = max(1, searcher.num_docs)
    weights: dict[tuple[str, str], float] = {}
    for (field, term), tf in frequencies.items():
        if len(term) < MIN_LENGTH or term.isdigit():
            continue
        df = searcher.doc_freq(field, term)
        if df < 2 or df > total * 0.2:  # shared with no other document, or with most of them
            continue
        weights[(field, term)] = (1 + math.log(tf)) * math.log(total / df)
    top = sorted(weights, key=lambda s: (-weights[s], s[1], s[0]))[:count]
    forms = _written_forms(text, set(top))
    return [(term, round(weights[(field, term)], 3), forms.get((field, term), term), field)
            for field, term in top]


def _written_forms(text: str, stems: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The commonest written form (lower case) of each of `stems` in `text`."""
    written = Counter(word.lower() for word in _WORD.findall(text))
    forms: dict[tuple[str, str], Counter[str]] = {}
    for word, n in written.items():
        for stem in _stems(word):
            if stem in stems:
                forms.setdefault(stem, Counter())[word] += n
    return {stem: counter.most_common(1)[0][0] for stem, counter in forms.items()}
