"""How the search index reads words: accents folded everywhere (Touré = Toure = TOURE), English
words stemmed in `title` and `body` (`terrorists` finds `terrorist`), and names kept whole in
`names` beside them, so `toure` is not read as `tour`.

A word is taken for a name when English text rarely writes it (a Zipf frequency under
`NAME_ZIPF` in `wordfreq`: toure 2.8, aqim 1.8, bamako 2.6; tour 5.0, coup 4.0).

    >>> fold("Touré"), stem("Touré"), stem("terrorists"), is_name("TOURE"), is_name("tour")
    ('toure', 'tour', 'terrorist', True, False)
"""

from __future__ import annotations

from functools import cache, lru_cache

import tantivy
from wordfreq import zipf_frequency

STEMMED = "en_fold"
"""The tokenizer of `title` and `body`: simple tokens, long ones dropped, lower case, accents
folded, English stems."""
FOLDED = "fold"
"""The tokenizer of `names`: the same without the stemmer."""
NAME_ZIPF = 3.0


@cache
def analyzer(name: str) -> tantivy.TextAnalyzer:
    builder = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
               .filter(tantivy.Filter.remove_long(40))
               .filter(tantivy.Filter.lowercase())
               .filter(tantivy.Filter.ascii_fold()))
    if name == STEMMED:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


def register(index: tantivy.Index) -> None:
    """Make the index know its tokenizers (each time it is opened)."""
    for name in (STEMMED, FOLDED):
        index.register_tokenizer(name, analyzer(name))


def tokens(text: str, name: str = STEMMED) -> list[str]:
    found: list[str] = analyzer(name).analyze(text)
    return found


def fold(word: str) -> str:
    return " ".join(tokens(word, FOLDED))


def stem(word: str) -> str:
    return " ".join(tokens(word, STEMMED))


@lru_cache(maxsize=65536)
def is_name(word: str) -> bool:
    """Whether `word` reads as a name rather than an English word (see the module docstring)."""
    folded = fold(word)
    return bool(folded) and not folded.isdigit() and zipf_frequency(folded, "en") < NAME_ZIPF
