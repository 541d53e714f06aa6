"""What the cablegate site put around and inside a telegram's text, set right before the
telegram is read.

A page's `<pre>` blocks are not always one clean telegram. `clean_site_text()` takes the text
as the page gives it and returns the telegram's text, with a warning for each cable left out:

- CSV quotes around the text: a quote before a banner at the start of a line
  (`","C O N F I D E N T I A L SECTION 01 OF 02 VATICAN 005693`) and a lone closing quote at
  the very end (`... Classification: CONFIDENTIAL "`). Quotes doubled inside the text
  (`""LIVELY""`) and a CSV cell's closing `",` stay as written.
- The page's date line (`Tuesday, 03 July 2001, 12:03`) above the banner.
- A teaser: many pages open with the telegram's header cut short (`SUBJECT: PEACEKEEPING
  REMAINS SENSITIVE ISSUE IN...`), then the site's row for the cable in one of its dumps
  (`1113` / `2000-06-07` / `00THEHAGUE1695` / ..., a CSV row, `id: 39765` / `date: ...`), then
  the telegram again, in full. It is read once: the teaser's lines before the cut stand, the
  rest is read from the full copy, and what stood between goes. Only when the full copy repeats
  every word of the teaser up to the cut, in order (SIPDIS aside), so no word is lost.
- Another cable after a teaser: where the cut-off text is followed by a dump row of another
  cable (`50133  2006-01-19  06THEHAGUE131  Embassy The Hague  CONFIDENTIAL ...`) or by a
  routing header whose banner names another cable (`PP RUEHWEB` / `DE RUEHMN #0404/01 ...`),
  this cable ends before it, with a warning naming the other.
- A routing header run into one line with the office distribution of State's printed copies
  (`... /002W ----00B3A7 031716Z /38 O 031203Z JUL 01 FM AMEMBASSY VATICAN TO SECSTATE WASHDC
  IMMEDIATE 0000 WHITEHOUSE WASHDC IMMEDIATE`, in the repeat of a later section): written out
  one line for the date-time group, the sender and each addressee, as the routing reader reads
  a header (the distribution text before it keeps its own line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablewire.formats.cable.copy_header import PAGE_DATE_LINE
from cablewire.formats.cable.page import PARTIAL_NOTE
from cablewire.formats.cable.telegram import BANNER, BANNER_INITIALS
from cablewire.model.ids import canonical_cable_id, station_of

# A cut-off line: the site's teaser ends in "..." ("ISSUE IN...", "B....", " ...").
_CUT = re.compile(r"(?:\.\.\.|…)[^\S\n]*$")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
# The first numbered paragraph ends the header, where a teaser is cut.
_PARAGRAPH = re.compile(r"^[^\S\n]*(?:¶[^\S\n]*)?\d{1,2}[^\S\n]*[.)][^\S\n]*(?:\(|[A-Z])")
_TEASER_LINES = 60  # a teaser is a header cut short: its cut is within this many lines
_BETWEEN_MAX = 6000  # the site's row (with a routing header copy) between teaser and copy
_FIELD_LABELS = (
    (re.compile(r"(?<![A-Za-z])SUBJ(?:ECT)?\s*:", re.I), "subject"),
    (re.compile(r"(?<![A-Za-z])REF(?:S|TELS?|ERENCES?)?\b", re.I), "reference"),
    (re.compile(r"(?<![A-Za-z])Classified\s+By\b", re.I), "classified-by line"),
    (re.compile(r"(?<![A-Za-z])TAGS?\b", re.I), "tags"),
    (re.compile(r"(?<![A-Za-z])E\.?\s?O\.?\s*1\d{4}", re.I), "E.O. line"),
)
# The site's rows for a cable: one line ("50133  2006-01-19  06THEHAGUE131  Embassy ..."),
# one field a line ("1113" / "2000-06-07" / "00THEHAGUE1695"), CSV ("80194,9/29/2006
# 14:42,06THEHAGUE2140,..."), tab-separated, or labelled ("id: 39765" / "date: ..." /
# "refid: 05QUITO2057").
_ROW_ONE_LINE = re.compile(
    r"^[^\S\n]*\d{1,6}[^\S\n]+(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{4})"
    r"(?:[^\S\n]+\d{1,2}:\d\d(?::\d\d)?)?[^\S\n]+"
    r"(?P<id>\d{2}[A-Z]{2,}\d{1,7})\b"
)
_ROW_CSV = re.compile(
    r"^[^\S\n]*\d{1,6},\d{1,2}/\d{1,2}/\d{4}[^\S\n]\d{1,2}:\d\d,(?P<id>\d{2}[A-Z]{2,}\d{1,7}),"
)
# Any of them, to pass over the pages that have none (from the line break before it: a
# literal first character is found fast).
_ANY_ROW = re.compile(
    r"\n[^\S\n]*(?:\d{1,6}[^\S\n]+(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{4})"
    r"|\d{1,6},\d{1,2}/\d{1,2}/\d{4}"
    r"|\d{4}-\d\d-\d\d[^\S\n]*(?:\n|$)|id:[^\S\n]*\d)")
_ROW_NUMBER = re.compile(r"^[^\S\n]*\d{1,6}[^\S\n]*$")
_ROW_DATE = re.compile(r"^[^\S\n]*\d{4}-\d\d-\d\d(?:[^\S\n]+\d{1,2}:\d\d(?::\d\d)?)?[^\S\n]*$")
_ROW_ID = re.compile(r"^[^\S\n]*(?P<id>\d{2}[A-Z]{2,}\d{1,7})[^\S\n]*$")
_ROW_LABELLED = re.compile(r"^[^\S\n]*id:[^\S\n]*\d{1,6}\b")
_REFID = re.compile(r"^[^\S\n]*refid:[^\S\n]*(?P<id>\d{2}[A-Z]{2,}\d{1,7})\b", re.M)
_CLASSIFICATION_FIELD = re.compile(
    r"(?:UNCLASSIFIED//FOR OFFICIAL USE ONLY|UNCLASSIFIED|CONFIDENTIAL//NOFORN|CONFIDENTIAL"
    r"|SECRET//NOFORN|SECRET|LIMITED OFFICIAL USE)\b"
)
# A routing header starting: transmission id, precedence with routing indicators, DE line.
_ROUTING_START = re.compile(
    r"^[^\S\n]*(?:VZCZC|[ZOPRY]{1,2}[^\S\n]+R[A-Z]{3,}\b|DE[^\S\n]+R[A-Z]{3,}\b)")
_DE = re.compile(r"^[^\S\n]*DE[^\S\n]+R[A-Z0-9]+[^\S\n]+#\d+")
_DTG = re.compile(r"^[^\S\n]*(?:[ZOPRY]{1,2}[^\S\n]+)?(\d{6}Z[^\S\n]+[A-Z]{3}[^\S\n]+\d{2,4})\b")
# (Matched from the line break before it: a literal first character is found fast.)
_CSV_QUOTE_BEFORE_BANNER = re.compile(r'\n[^\S\n]*(?:",|,)?"[^\S\n]*(?=[CSUTcsut])')
_CLOSING_QUOTE = re.compile(r'(?:^|(?<=\s))"$')
# A routing header run into one line: "... /38 O 031203Z JUL 01 FM AMEMBASSY VATICAN TO ...".
_RUN_ON_ROUTING = re.compile(
    r"(?<![A-Z0-9/])(?P<prec>[ZOPRY]{1,2})[^\S\n]+(?P<dtg>\d{6}Z[^\S\n]+[A-Z]{3}[^\S\n]+\d{2})"
    r"[^\S\n]+FM[^\S\n]+"
)
_POSTS = frozenset({"AMEMBASSY", "AMCONSUL", "USMISSION", "USDEL", "SECSTATE", "USINT",
                    "AMEMB", "USLO", "AMCONGEN"})
_PRECEDENCES = frozenset({"IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH"})
_SERIAL = re.compile(r"^\d{3,4}(?:-\d{3,4})?$")
_NAME_WORD = re.compile(r"^[A-Z][A-Z0-9.&'-]*$")


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    text: str


def clean_site_text(text: str, cable_id: str | None = None) -> tuple[str, list[str]]:
    """The telegram's text without what the site put around and inside it, and a warning for
    each other cable left out. `cable_id` is the page's id, when there is a page: a dump row
    with this id is this cable's own."""
    warnings: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _read_tab_separated_row(text, cable_id)
    text = _split_run_on_routing(text)
    text = _drop_page_date(text)
    text = _drop_csv_quotes(text)
    text, warning = _read_once(text, cable_id)
    if warning:
        warnings.append(warning)
    return text, warnings


def _lines(text: str) -> list[_Line]:
    out = []
    start = 0
    for line in text.split("\n"):
        out.append(_Line(start, start + len(line), line))
        start += len(line) + 1
    return out


def _drop_csv_quotes(text: str) -> str:
    """A CSV quote before a banner at a line's start goes, and so does a lone quote closing
    the text."""
    if '"' not in text:
        return text

    lined = "\n" + text

    def unquote(m: re.Match[str]) -> str:
        end = lined.find("\n", m.end())
        line = lined[m.end(): end if end >= 0 else len(lined)]
        return "\n" if BANNER.match(line) else m.group(0)

    text = _CSV_QUOTE_BEFORE_BANNER.sub(unquote, lined)[1:]
    stripped = text.rstrip()
    if (m := _CLOSING_QUOTE.search(stripped, max(0, len(stripped) - 3))):
        return stripped[: m.start()].rstrip()
    return text


def _drop_page_date(text: str) -> str:
    """The page's date line above the banner is the site's, not the telegram's."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.lstrip()[:1] in BANNER_INITIALS and BANNER.match(line):
            break
        if line[:12].strip()[:3] in _WEEKDAYS and PAGE_DATE_LINE.match(line):
            del lines[i]
            return "\n".join(lines)
    return text


_WEEKDAYS = frozenset({"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"})


# --- a row of the tab-separated dump --------------------------------------------------------


def _read_tab_separated_row(text: str, cable_id: str | None) -> str:
    """The telegram of a row of the site's tab-separated dump, one line a line.

    Such a row (`62979<TAB>2006-05-05 12:59:00<TAB>06TASHKENT902<TAB>Embassy Tashkent<TAB>
    SECRET<TAB>06TASHKENT465<TAB>VZCZCXRO9116\\`) escapes each line break of its cells with a
    backslash and runs the routing header cell into the body cell with a tab. The backslashes
    go, each cell stands on lines of its own, and the row's opening fields before the routing
    header go; the opening fields of another cable's row stay on a line, where the telegram
    ends (`_before_other_row`). The site's partial-extract note in a cell goes.
    """
    if "\t" not in text or len(_ESCAPED_LINE_END.findall(text)) < _ESCAPED_LINES:
        return text
    text = _ESCAPED_LINE_END.sub("", text)
    own = canonical_cable_id(cable_id) if cable_id else None
    out = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = line.split("\t")
        start = next((i for i, cell in enumerate(cells) if cell.lstrip().startswith(
            PARTIAL_NOTE) or _ROUTING_START.match(cell) or _DTG.match(cell)
            or _OFFICE_DISTRIBUTION.match(cell)), None)
        if start and all(_ROW_CELL.match(cell.strip()) for cell in cells[:start]):
            ids = [canonical_cable_id(c.strip()) for c in cells[:start] if _ROW_ID.match(c)]
            if ids and own and ids[0] != own:
                out.append("\t".join(cells[:start]))  # another cable's row
            cells = cells[start:]
        for cell in cells:
            if cell.strip() != PARTIAL_NOTE:
                out.append(cell)
    return "\n".join(out)


_ESCAPED_LINE_END = re.compile(r"[^\S\n]*\\[^\S\n]*$", re.M)
_ESCAPED_LINES = 5
_OFFICE_DISTRIBUTION = re.compile(r"^[^\S\n]*(?:ACTION|INFO)[^\S\n]+[A-Z]{1,6}-\d\d\b")
# A cell of a row's opening fields: number, date, id, origin, classification, references.
_ROW_CELL = re.compile(r"^[A-Za-z0-9 .,:/|()'-]{0,60}$")


# --- a routing header run into one line -------------------------------------------------------


def _split_run_on_routing(text: str) -> str:
    """Write a routing header run into one line out one line a field and an addressee."""
    if " FM " not in text:
        return text
    out = []
    for line in text.split("\n"):
        if " FM " in line and (m := _RUN_ON_ROUTING.search(line)) and (
                lines := _routing_lines(m, line)):
            before = line[: m.start()].rstrip()
            if before:
                out.append(before)
            out.extend(lines)
        else:
            out.append(line)
    return "\n".join(out)


def _routing_lines(m: re.Match[str], line: str) -> list[str] | None:
    """The lines of a run-on routing header (`O 031203Z JUL 01 FM ... TO ... INFO ...`), or
    None when what follows the DTG is not a sender and addressees."""
    words = line[m.end():].split()
    if "TO" not in words:
        return None
    to = words.index("TO")
    sender = words[:to]
    if not 2 <= len(sender) <= 5 or not all(_NAME_WORD.match(w) for w in sender):
        return None
    lists: list[tuple[str, list[str]]] = []
    key, cur = "TO", list[str]()
    for word in words[to + 1:]:
        if word in ("INFO", "XMT"):
            lists.append((key, cur))
            key, cur = word, []
        elif _NAME_WORD.match(word) or _SERIAL.match(word):
            cur.append(word)
        else:
            return None  # not an addressee list: sentence punctuation, lower case
    lists.append((key, cur))
    out = [f"{m.group('prec')} {' '.join(m.group('dtg').split())}", "FM " + " ".join(sender)]
    for key, list_words in lists:
        names = _addressees(list_words)
        if not names:
            return None
        out.append(f"{key} {names[0]}")
        out.extend(names[1:])
    return out


def _addressees(words: list[str]) -> list[str]:
    """Addressees written one after the other on one line (`SECSTATE WASHDC IMMEDIATE 0000
    WHITEHOUSE WASHDC IMMEDIATE`, `AMEMBASSY CAIRO EUROPEAN POLITICAL COLLECTIVE`): a name
    ends at its precedence and serial, at COLLECTIVE and WASHDC, after a post and its station
    (`AMEMBASSY NEW DELHI`), and before the next post."""
    names: list[list[str]] = []
    cur: list[str] = []
    complete = False  # the name is whole; only a precedence or a serial may still follow
    has_precedence = False
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if cur and not has_precedence and (
                word in _PRECEDENCES or (word == "NIACT" and nxt == "IMMEDIATE")):
            cur.append(word)
            has_precedence = complete = word != "NIACT"
            continue
        if cur and _SERIAL.match(word) and complete:
            cur.append(word)
            names.append(cur)
            cur, complete, has_precedence = [], False, False
            continue
        if cur and (complete or word in _POSTS):
            names.append(cur)
            cur, complete, has_precedence = [], False, False
        cur.append(word)
        if word in ("COLLECTIVE", "WASHDC"):
            complete = True
        elif cur[0] in _POSTS and len(cur) > 1 and station_of(" ".join(cur[1:])) and not (
                nxt and station_of(" ".join([*cur[1:], nxt]))):
            complete = True
    if cur:
        names.append(cur)
    return [" ".join(name) for name in names]


# --- a teaser, the full copy, another cable ---------------------------------------------------


def _read_once(text: str, cable_id: str | None) -> tuple[str, str | None]:
    """Read a telegram given twice (a teaser cut short, the site's row, the full copy) once,
    and end the telegram before another cable; the warning names the other."""
    if "..." not in text and "…" not in text and not _ANY_ROW.search(text):
        return text, None
    lines = _lines(text)
    first = next((i for i, ln in enumerate(lines)
                  if ln.text.lstrip()[:1] in BANNER_INITIALS and BANNER.match(ln.text)), None)
    if first is None:
        return text, None
    cuts = []
    if "..." in text or "…" in text:
        for i in range(first + 1, min(len(lines), first + _TEASER_LINES)):
            if _PARAGRAPH.match(lines[i].text):
                break
            if _CUT.search(lines[i].text):
                cuts.append(i)
    for cut in reversed(cuts):
        spliced = _splice(text, lines, first, cut)
        if spliced is not None:
            text, lines, cuts = spliced, _lines(spliced), []
            break
    for cut in cuts:
        other = _other_cable(text, lines, first, cut, cable_id)
        if other is not None:
            return other
    if not _ANY_ROW.search(text, lines[first].end):
        return text, None
    return _before_other_row(text, lines, first, cable_id)


def _before_other_row(text: str, lines: list[_Line], first: int,
                      cable_id: str | None) -> tuple[str, str | None]:
    """The text ended before a dump row of another cable (the page runs on with it), and the
    warning; the text as it is when there is none."""
    own_id, own_station, own_serial = _own_cable(lines[first].text, cable_id)
    for j in range(first + 1, len(lines)):
        head = lines[j].text.lstrip()[:3]
        if not head or not (head[:1].isdigit() or head == "id:"):
            continue
        other = _row_after(lines, j)
        if other is None or not _is_other(other, own_id, own_station, own_serial):
            continue
        warning = (f"the page goes on with another cable, {other.name} ({other.shown}):"
                   " left out")
        return text[: lines[j].start].rstrip(), warning
    return text, None


def _tokens(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[str, int]]:
    """The words of text[start:end] in capitals with their offsets, SIPDIS left out (copies
    differ in it); the first `limit` of them when given."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group(0).upper()
        if word != "SIPDIS":
            out.append((word, m.start()))
            if limit is not None and len(out) >= limit:
                break
    return out


def _splice(text: str, lines: list[_Line], first: int, cut: int) -> str | None:
    """The text with the teaser read from the full copy after it, or None when no full copy
    of the teaser follows."""
    cut_line = lines[cut]
    marker = _CUT.search(cut_line.text)
    assert marker is not None
    teaser = _tokens(text, lines[first].start, cut_line.start + marker.start())
    if len(teaser) < 3:
        return None
    words = [t for t, _ in teaser]
    head, last = words[:-1], words[-1]
    n = len(words)
    # the copy starts within _BETWEEN_MAX of the cut: look there for the teaser's first word
    for m in _TOKEN.finditer(text, cut_line.end, min(len(text), cut_line.end + _BETWEEN_MAX)):
        if m.group(0).upper() != words[0]:
            continue
        after = _tokens(text, m.start(), len(text), n + 1)
        if len(after) < n or [t for t, _ in after[: n - 1]] != head or not (
                after[n - 1][0].startswith(last)):
            continue
        # the teaser's lines before the field cut short stand; the rest comes from the copy
        at, _ = _cut_field(text, lines[first].end, cut_line.start + marker.start())
        partial = next(i for i in range(cut, first - 1, -1) if lines[i].start <= at) if (
            at >= 0) else cut
        kept = sum(1 for _, off in teaser if off < lines[partial].start)
        copy = text[after[kept][1]:] if kept < len(after) else ""
        tail = _teaser_tail(text[cut_line.end : m.start()])
        if tail and [t for t, _ in _tokens(copy, 0, len(copy))[-len(tail[1]):]] != tail[1]:
            copy = copy.rstrip() + "\n\n" + tail[0]  # the teaser's last lines, not in the copy
        return text[: lines[partial].start] + copy
    return None


def _teaser_tail(between: str) -> tuple[str, list[str]] | None:
    """What the teaser shows after its cut and before the site's row (a signature: `SOBEL`),
    with its words; None when it shows nothing but quotes."""
    tail = []
    for line in between.split("\n"):
        if _ROW_ONE_LINE.match(line) or _ROW_CSV.match(line) or _ROW_LABELLED.match(line) or (
                _ROW_NUMBER.match(line)):
            break
        if _TOKEN.search(line):
            tail.append(line.rstrip())
    if not tail:
        return None
    text = "\n".join(tail)
    return text, [t for t, _ in _tokens(text, 0, len(text))]


@dataclass
class _Other:
    """A cable found after a teaser: its id (from a dump row) or its banner's station and
    serial (below a routing header), its name in the warning and what it begins with."""

    name: str
    shown: str
    cable_id: str | None = None
    station: str | None = None
    serial: str | None = None


def _other_cable(text: str, lines: list[_Line], first: int, cut: int,
                 cable_id: str | None) -> tuple[str, str] | None:
    """The text ended before another cable standing right after the cut, and the warning;
    None when what follows is no other cable."""
    nxt = next((j for j in range(cut + 1, len(lines)) if lines[j].text.strip()), None)
    if nxt is None:
        return None
    other = _row_after(lines, nxt) or _routing_after(lines, nxt)
    if other is None:
        return None
    if not _is_other(other, *_own_cable(lines[first].text, cable_id)):
        return None
    kind = "cable" if other.cable_id is not None else "telegram"
    _, field = _cut_field(text, lines[first].start, lines[cut].end)
    marker = _CUT.search(lines[cut].text)
    cut_text = marker.group(0).strip() if marker else "..."
    warning = (f"the text after the cut-off {field} ('{cut_text}') is another {kind},"
               f" {other.name} ({other.shown}): left out")
    return text[: lines[cut].end].rstrip(), warning


def _is_other(other: _Other, own_id: str | None, own_station: str | None,
              own_serial: str | None) -> bool:
    """Whether the cable found is not this one (by id, or by banner station and serial)."""
    if other.cable_id is not None:
        if own_id is not None:
            return other.cable_id != own_id
        if own_station and own_serial:
            return not other.cable_id.endswith(f"{own_station}{int(own_serial)}")
        return False
    if other.station is None or other.serial is None or not own_serial:
        return False
    return station_of(other.station) != own_station or int(own_serial) != int(other.serial)


def _own_cable(banner: str, cable_id: str | None) -> tuple[str | None, str | None, str | None]:
    """This cable's id (the page's), and the station and serial of its banner."""
    m = BANNER.match(banner)
    station = station_of(m.group("station")) if m and m.group("station") else None
    serial = m.group("serial") if m else None
    own = canonical_cable_id(cable_id) if cable_id else None
    return own, station, serial


def _row_after(lines: list[_Line], at: int) -> _Other | None:
    """A dump row of a cable starting at line `at`."""
    line = lines[at].text
    m = _ROW_ONE_LINE.match(line) or _ROW_CSV.match(line)
    if m:
        other = canonical_cable_id(m.group("id"))
        if other is None:
            return None
        cls = _CLASSIFICATION_FIELD.search(line, m.end())
        shown = line[: cls.end()].strip() if cls else line[: m.end()].strip()
        return _Other(other, f"a dump row: '{shown} ...'", cable_id=other)
    texts = [ln.text.strip() for ln in lines[at:at + 12] if ln.text.strip()]
    if len(texts) >= 3 and _ROW_NUMBER.match(texts[0]) and _ROW_DATE.match(texts[1]) and (
            m := _ROW_ID.match(texts[2])):
        other = canonical_cable_id(m.group("id"))
        if other is None:
            return None
        return _Other(other, f"a dump row: '{'  '.join(texts[:5])} ...'", cable_id=other)
    if _ROW_LABELLED.match(line):
        if (m := _REFID.search("\n".join(texts))) and (other := canonical_cable_id(m.group("id"))):
            return _Other(other, f"a dump row: '{' / '.join(texts[:3])} ...'", cable_id=other)
    return None


def _routing_after(lines: list[_Line], at: int) -> _Other | None:
    """A routing header of a telegram starting at line `at`, with the banner below it."""
    if not _ROUTING_START.match(lines[at].text):
        return None
    texts = [ln.text.strip() for ln in lines[at:at + 80] if ln.text.strip()]
    dtg = None
    for line in texts[:60]:
        if dtg is None and not _DE.match(line) and (m := _DTG.match(line)):
            dtg = " ".join(m.group(1).split())
        banner = BANNER.match(line.lstrip(' ,"'))
        if banner and banner.group("station") and banner.group("serial"):
            name = f"{banner.group('station')} {banner.group('serial')}"
            if dtg:
                name += f" of {dtg}"
            return _Other(name, f"routing header '{' / '.join(texts[:2])} ...'",
                          station=banner.group("station"), serial=banner.group("serial"))
    return None


def _cut_field(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the header field the teaser is cut in starts (the last label before the cut),
    and what it is; -1 and "header" when no label stands between `start` and `end`."""
    best, name = -1, "header"
    for rx, label in _FIELD_LABELS:
        for m in rx.finditer(text, start, end):
            if m.start() > best:
                best, name = m.start(), label
    return best, name
