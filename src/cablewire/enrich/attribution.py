"""Direct quotations in paragraphs (of articles and cables), and who said them.

A quotation is the text between quotation marks (curly “…”, straight "…", „…“, «…»); one left
open at the end of a paragraph runs to its end, as multi-paragraph quotations do. Its speaker is
found by the attribution rules of news writing, tried in this order:

1. after the quotation, in the same sentence: `“…,” X said`, `“…,” said X`, `“…,” X wrote in…`,
   `“…,” spokeswoman Victoria Nuland told reporters`, `“…,” according to X`;
2. before it, in the same sentence: `X said: “…”`, `X, a fellow at Y, says … “fragment”`;
3. the quotation carries on one that was attributed earlier in the same paragraph;
4. the paragraph is all quotation: it continues the previous paragraph's speaker.

`he`/`she` take the latest speaker. A surname alone ("Nuland said") resolves to the latest full
name in the text that ends with it ("Victoria Nuland"), and leading titles ("President", "Mr")
are dropped. A quotation split by its attribution (`“…,” Nuland said, “and …”`) is one quotation.
Short scare quotes are ignored; a fragment of three words or more is kept when it has a speaker.
`paragraph` is the 0-based index of the paragraph in the paragraphs given.

The time taken grows linearly with the text: no pattern backtracks over a long word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypedDict

from cablewire.text.titles import TITLES


class Quote(TypedDict):
    """A direct quotation, its speaker (None when none is named) and its paragraph's index."""

    speaker: str | None
    text: str
    paragraph: int


SPEECH_VERBS = frozenset(
    """said says say told tells wrote writes added adds asked asks explained explains noted
    notes stated states declared declares insisted insists argued argues warned warns replied
    replies recalled recalls continued continues acknowledged acknowledges observed observes
    commented comments announced announces claimed claims conceded concedes predicted predicts
    suggested suggests urged urges tweeted posted remarked admitted admits stressed stresses
    emphasized emphasised emphasizes emphasises maintained maintains contended contends
    cautioned cautions reported reports responded responds joked jokes complained complains
    confirmed confirms recounted recounts agreed agrees""".split()
)
# Verbs that take the speaker after them ("said Benjamin Soares"); "told X" names the listener.
INVERTING_VERBS = frozenset(
    "said says wrote writes added adds asked asks explained explains continued continues noted"
    " notes recalled recalls replied replies warned warns insisted insists".split()
)
_LEADERS = frozenset(
    """But And The In On At As When While If So Yet Still Then Now Also However Meanwhile
    This That These Those It He She They We I A An Asked Speaking According After Before
    Since Though Although Because For With From Of By To Later Earlier Today Yesterday""".split()
)
_PARTICLES = frozenset("de da van von bin al der la le du dos del di ibn ben el".split())
PRONOUNS = frozenset("he she they i we".split())
_PREPOSITIONS = frozenset("in at from of for with on to by near outside inside who which".split())

_OPENERS = {"“": "”", "„": "“”", "«": "»", '"': '"'}
_WORD = re.compile(r"[^\W\d_][\w’'.\-]*|[^\s\w]", re.UNICODE)
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Capt|Gen|Sen|Rep|Gov|Lt|Col|Maj|Sgt|St|Jr|Sr|Inc|Corp|Co|"
    r"No|Prof|Rev|Adm|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|vs)\.)$"
)
MIN_WORDS = 3
_NAME_WORD = re.compile(r"[A-Z][\w’'-]+")
_ORG_WORDS = frozenset(
    """BBC News Radio Party Ministry Department Committee Union Council Government Commission
    Bank House Office Service Association Club League Cup Group Company Inc Ltd Corp University
    Institute Centre Center Foundation Agency Court Parliament Assembly Congress Senate Times
    Post Press Journal Street Road Square United States Kingdom Europe European America Africa
    Republic Democrats Conservatives Labour Tories Liberal National International Organisation
    Organization Fund Forum Network Television Channel Week Day Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October
    November December Grand Slam Open Championship Championships Premiership Nations Lib Dems
    Olympics Olympic Games World Final Minister Secretary Chancellor""".split()
)


@dataclass
class _Span:
    start: int
    end: int
    text: str
    closed: bool
    gap: tuple[int, int] | None = None  # where the attribution of a split quotation sits


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every direct quotation in `paragraphs` with its speaker (None when none is named)."""
    names = _NameBook(paragraphs)
    out: list[Quote] = []
    last_speaker: str | None = None
    for index, paragraph in enumerate(paragraphs):
        spans = _merge_split(paragraph, _find_spans(paragraph))
        outside = _mask(paragraph, spans)
        breaks = _sentence_breaks(outside)
        para_speaker: str | None = None
        for k, span in enumerate(spans):
            after = _after_text(outside, spans, k)
            before = _before_text(outside, spans, k, breaks)
            ended = span.text.rstrip().endswith(".") and span.gap is None
            who = (None if ended else _speaker_after(after)) or _speaker_before(before)
            if who in PRONOUNS:
                since = spans[k - 1].end if k else 0
                sayer = _last_sayer(outside[since: span.start])
                who = (names.resolve(sayer, index) if sayer else None) or para_speaker or \
                    names.latest(index, span.start) or last_speaker or names.latest(index)
            elif who is not None:
                who = names.resolve(who, index)
            if who is None:
                who = para_speaker
            if who is None and k == 0 and _all_quote(outside):
                who = last_speaker
            if not _keep(span, who):
                continue
            out.append({"speaker": who, "text": _clean(span.text), "paragraph": index})
            if who is not None:
                para_speaker = who
        intro = _introduced_speaker(outside)
        if intro is not None:
            last_speaker = names.resolve(intro, index)
        elif para_speaker is not None:
            last_speaker = para_speaker
    return out


def _find_spans(paragraph: str) -> list[_Span]:
    spans: list[_Span] = []
    i, n = 0, len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in _OPENERS and (ch != '"' or _opens_straight(paragraph, i)):
            closers = _OPENERS[ch]
            j = i + 1
            while j < n and paragraph[j] not in closers:
                j += 1
            if j >= n:
                spans.append(_Span(i, n, paragraph[i + 1:], False))
                break
            spans.append(_Span(i, j + 1, paragraph[i + 1: j], True))
            i = j + 1
        else:
            i += 1
    return [s for s in spans if s.text.strip()]


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _merge_split(paragraph: str, spans: list[_Span]) -> list[_Span]:
    """Join `“…,” X said, “and …”` into one span."""
    out: list[_Span] = []
    for span in spans:
        if out and out[-1].closed:
            prev = out[-1]
            between = paragraph[prev.end: span.start]
            head = span.text.lstrip()
            if (head[:1].islower() and not re.search(r"[.!?]\s", between)
                    and _speech_verb_at(between) is not None
                    and not prev.text.rstrip().endswith((".", "!", "?"))):
                joined = prev.text.rstrip().rstrip(",") + ", " + head
                out[-1] = _Span(prev.start, span.end, joined, span.closed,
                                (prev.end, span.start))
                continue
        out.append(span)
    return out


def _mask(paragraph: str, spans: list[_Span]) -> str:
    """The paragraph with quoted text blanked out (positions kept), attribution left alone."""
    chars = list(paragraph)
    for span in spans:
        for i in range(span.start, span.end):
            chars[i] = "\x00"
        if span.gap is not None:  # a split quotation keeps its attribution visible
            chars[span.gap[0]: span.gap[1]] = paragraph[span.gap[0]: span.gap[1]]
    return "".join(chars)


def _sentence_breaks(outside: str) -> list[int]:
    breaks = []
    for m in re.finditer(r"[.!?]\s+(?=[\x00A-Z“\"‘'(])", outside):
        if not _ABBREV.search(outside[max(0, m.start() - 6): m.start() + 1]):
            breaks.append(m.end())
    return breaks


def _after_text(outside: str, spans: list[_Span], k: int) -> str:
    start = spans[k].end
    stop = spans[k + 1].start if k + 1 < len(spans) else len(outside)
    chunk = outside[start:stop]
    gap = spans[k].gap
    if gap is not None:
        chunk = outside[gap[0]: gap[1]] + " " + chunk
    m = re.search(r"[.!?](?:\s|$)", chunk)
    return chunk[: m.start()] if m else chunk


def _before_text(outside: str, spans: list[_Span], k: int, breaks: list[int]) -> str:
    """The sentence before quotation `k`, from the end of the one before (`breaks`: the
    paragraph's sentence breaks, in order)."""
    start = spans[k - 1].end if k else 0
    chunk = outside[start: spans[k].start]
    last = bisect_right(breaks, spans[k].start) - 1
    if last >= 0 and breaks[last] >= start:
        return chunk[breaks[last] - start:]
    return chunk


def _words(text: str) -> list[str]:
    """Words and punctuation; a full stop ending a sentence is split off its word, one that
    ends an abbreviation or initial ("U.S.", "J.", "Capt.") is not."""
    out: list[str] = []
    for w in _WORD.findall(text):
        if w.endswith(".") and len(w) > 3 and "." not in w[:-1] and w not in TITLES:
            out.extend((w[:-1], "."))
        else:
            out.append(w)
    return out


def _speech_verb_at(text: str, limit: int = 40) -> int | None:
    words = _words(text)
    for i, w in enumerate(words[:limit]):
        if w.lower() in SPEECH_VERBS:
            return i
        if w.lower() == "according" and i + 1 < len(words) and words[i + 1] == "to":
            return i
    return None


def _speaker_after(after: str) -> str | None:
    words = _words(after)
    if not words or words[0] in ("(",):
        return None
    at = _speech_verb_at(after, limit=12)
    if at is None:
        return None
    inverted = at == 0 or (at == 1 and words[0] in ",—–-")
    if inverted and words[at].lower() not in INVERTING_VERBS | {"according"}:
        return None
    if words[at].lower() == "according" or inverted:
        rest = words[at + (2 if words[at].lower() == "according" else 1):]
        if rest[:1] and rest[0].lower() in PRONOUNS:
            return rest[0].lower()
        return _first_run(_skip_modifiers(rest))
    subject = words[:at]
    if subject and subject[-1].lower() in PRONOUNS:
        return subject[-1].lower()
    return _last_run(subject)


def _skip_modifiers(words: list[str]) -> list[str]:
    """`the company's chief executive John Smith` -> `John Smith ...`: up to six lowercase
    words before a name, never across punctuation."""
    for i, w in enumerate(words[:7]):
        if _is_cap(w):
            return words[i:]
        if not (w[:1].isalpha() or w in ("-", "’", "'")) or w in _PREPOSITIONS:
            return []
    return []


def _speaker_before(before: str) -> str | None:
    words = _words(before)
    at = _speech_verb_at(before)
    if at is None:
        return None
    if words[at].lower() == "according":
        return _first_run(words[at + 2:])
    subject = words[:at]
    if not subject:
        return _first_run(words[at + 1:])
    if subject[-1].lower() in PRONOUNS:
        return subject[-1].lower()
    segment: list[str] = []
    for w in subject:  # the first comma-delimited segment that ends in a name
        if w == ",":
            if _last_run(segment):
                break
            segment = []
        else:
            segment.append(w)
    return _last_run(segment)


def _last_sayer(text: str) -> str | None:
    """The named subject of the last speech verb in `text` ("Robin Cook said ...")."""
    words = _words(text.replace("\x00", " "))
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() not in SPEECH_VERBS:
            continue
        name = _last_run(words[max(0, i - 6): i])
        if name:
            return name
        after = _first_run(words, i + 1) if i + 1 < len(words) else None
        if after and words[i + 1][:1].isupper() and words[i].lower() in INVERTING_VERBS:
            return after
    return None


def _introduced_speaker(outside: str) -> str | None:
    """The person a paragraph quotes indirectly ("…, said Benjamin Soares, a scholar")."""
    words = _words(outside.replace("\x00", " "))
    for i, w in enumerate(words):
        if w.lower() in SPEECH_VERBS:
            name = _first_run(words, i + 1) if i + 1 < len(words) else None
            if name and words[i + 1][:1].isupper() and w.lower() in INVERTING_VERBS:
                return name
            return _last_run(words[max(0, i - 6): i])
    return None


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _last_run(words: list[str]) -> str | None:
    run: list[str] = []
    for w in reversed(words):
        if _is_cap(w) or (run and w in _PARTICLES):
            run.append(w)
        else:
            break
    return _tidy(run[::-1])


def _first_run(words: list[str], start: int = 0) -> str | None:
    """The name that `words[start:]` begin with."""
    run: list[str] = []
    for i in range(start, len(words)):
        w = words[i]
        if _is_cap(w) or (run and w in _PARTICLES):
            run.append(w)
        else:
            break
    return _tidy(run)


def _tidy(run: list[str]) -> str | None:
    end = len(run)
    while end and run[end - 1] in _PARTICLES:
        end -= 1
    start = 0
    while start < end and run[start] in _LEADERS:
        start += 1
    run = run[start:end]
    titled = [i for i, w in enumerate(run) if w in TITLES or w.rstrip(".") in TITLES]
    if titled and titled[-1] < len(run) - 1:
        run = run[titled[-1] + 1:]
    elif titled:
        return None
    if not run or len(run) > 5 or run[-1].endswith(("'s", "’s", "s'", "s’")):
        return None
    return " ".join(run)


def _name_runs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each run of two or more capitalised words joined by a space or by a
    full stop and a space ("Victoria Nuland", "Col. Ahmed Ould"), found word by word."""
    start = end = -1
    count = 0
    for m in _NAME_WORD.finditer(text):
        if count and text[end: m.start()] in (" ", ". "):
            count += 1
        else:
            if count >= 2:
                yield start, text[start:end]
            start, count = m.start(), 1
        end = m.end()
    if count >= 2:
        yield start, text[start:end]


class _NameBook:
    """Full names as the text mentions them, to resolve surname-only attributions."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.by_surname: dict[str, tuple[list[int], list[str]]] = {}
        """surname -> (paragraph indexes, full names) of the mentions, in order."""
        self.people: list[tuple[list[int], list[str]]] = []
        """Per paragraph: (offsets, names) of the people named in it, in order."""
        self.last_before: list[str | None] = []
        """Per paragraph: the last person named in an earlier paragraph."""
        last: str | None = None
        for index, paragraph in enumerate(paragraphs):
            offsets: list[int] = []
            people: list[str] = []
            for at, text in _name_runs(paragraph):
                found = text.split()
                titled = any(w.rstrip(".") in TITLES for w in found[:-1])
                name = _tidy(found)
                if name and (" " in name or titled) and not _ORG_WORDS.intersection(name.split()):
                    offsets.append(at)
                    people.append(name)
            self.people.append((offsets, people))
            self.last_before.append(last)
            if people:
                last = people[-1]
            words = _words(paragraph)
            run: list[str] = []
            for w in [*words, "."]:
                if _is_cap(w) or (run and w in _PARTICLES):
                    run.append(w)
                    continue
                if len(run) < 2:
                    run = []
                    continue
                name = _tidy(run)
                if name and " " in name:
                    indexes, names = self.by_surname.setdefault(name.split()[-1], ([], []))
                    indexes.append(index)
                    names.append(name)
                run = []

    def latest(self, paragraph: int, offset: int | None = None) -> str | None:
        """The last person named before `offset` in `paragraph` (any earlier paragraph when
        `offset` is None), for "he said" with no speaker yet."""
        if offset is None:
            return self.last_before[paragraph]
        offsets, names = self.people[paragraph]
        before = bisect_left(offsets, offset)
        return names[before - 1] if before else None

    def resolve(self, name: str, paragraph: int) -> str:
        if " " in name:
            return name
        indexes, names = self.by_surname.get(name, ([], []))
        before = bisect_right(indexes, paragraph)
        if before:
            return names[before - 1]
        return names[0] if names else name


def _all_quote(outside: str) -> bool:
    return not re.search(r"\w", outside.replace("\x00", ""))


def _keep(span: _Span, speaker: str | None) -> bool:
    words = span.text.split()
    if len(words) < MIN_WORDS:
        return False
    full = span.text.rstrip().endswith((".", ",", "?", "!", "…", ":")) or not span.closed
    if full or len(words) >= 8:
        return True
    return speaker is not None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(",").strip()
