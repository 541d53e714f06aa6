"""Which language a text is written in: the script first, then stopword counts.

Small and fast on purpose: an article's language only routes later stages (entity models,
stemming), so a handful of very common words per language is enough. A text too short or too
mixed to call gives None, never a guess.
"""

from __future__ import annotations

import re
from collections import Counter

# The commonest function words of each language, chosen to overlap little across languages.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it was on with as he by at from his are be this have"
        " not but had they which you were their has been will an would who she her its said"
        " after than more when about".split()
    ),
    "fr": frozenset(
        "le la les des du et est une un dans pour que qui sur pas au aux avec par plus son"
        " ont été cette mais elle ses nous vous leur sont être entre aussi selon".split()
    ),
    "de": frozenset(
        "der die und das ist nicht mit sich den dem des ein eine auch auf für im von zu"
        " wird wurde sind bei nach noch aus einer werden hat war dass oder wie über".split()
    ),
    "es": frozenset(
        "el la los las de que y en un una es por con para del se al su lo como más pero"
        " sus fue ha han este esta entre sobre también según".split()
    ),
    "it": frozenset(
        "il di che la le è per un una del della non con gli sono ha nel alla dei delle al"
        " anche più come questo questa dalla degli essere stato".split()
    ),
    "pt": frozenset(
        "o a os as de que e do da em um uma para com não no na por mais dos das se ao foi"
        " como ele ela seu sua são também pelo pela entre".split()
    ),
    "nl": frozenset(
        "de het een en van is dat op te in niet met zijn voor ook aan er maar bij door"
        " werd wordt naar uit dan nog heeft hebben deze".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Scripts that name their language (or nearly) by themselves: (pattern, code).
_SCRIPTS = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

MIN_WORDS = 8
MIN_SHARE = 0.12


def detect_language(text: str, sample: int = 20_000) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when it cannot be told."""
    head = text[:sample]
    words = [w.lower() for w in _WORD.findall(head)]
    letters = sum(len(w) for w in words)
    if not letters:
        return None
    if not head.isascii():
        for pattern, code in _SCRIPTS:
            if len(pattern.findall(head)) > 0.3 * letters:
                return code
        if len(_ARABIC.findall(head)) > 0.3 * letters:
            return "fa" if re.search("[پچژگ]", head) else "ar"
        if len(_CYRILLIC.findall(head)) > 0.3 * letters:
            return "uk" if re.search("[іїєґ]", head) else "ru"
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    scores = {
        code: sum(counts[w] for w in stop) / len(words) for code, stop in _STOPWORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_SHARE or top < 1.25 * second:
        return None
    return best
