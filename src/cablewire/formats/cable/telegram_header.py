"""The routing header of a telegram: transmission id, precedence, date-time group, FM/TO/INFO.

    VZCZCXRO7559                         transmission id
    RR RUEHPA                            precedence and relay routing indicators
    DE RUEHBP #0387/01 1631116           originating station, serial, section, Julian time
    ZNY CCCCC ZZH                        security indicator
    R 121116Z JUN 09                     precedence and date-time group (DTG)
    FM AMEMBASSY BAMAKO                  sender
    TO RUEHC/SECSTATE WASHDC 0456        addressees: routing indicator / name, precedence, serial
    INFO RUEHZK/ECOWAS COLLECTIVE        information addressees
    XMT AMEMBASSY ABUJA                  addressees exempted from the collective above

One addressee a line: an optional routing indicator and `/`, the name, an optional precedence
(`NIACT IMMEDIATE`, `IMMEDIATE`, `PRIORITY`, `ROUTINE`, `FLASH`) and an optional serial, the
message continuity number (`0456`, or a range `7881-7884` when each section has its own). Older
telegrams (the 1960s to the 1990s) and State's own give names without routing indicators
(`AMEMBASSY TRIPOLI PRIORITY`, `SECSTATE WASHDC PRIORITY 0872`, `USCINCSO`). `ZEN/` in the place
of the routing indicator is an operating signal, not a station; it is kept as the route, as
written.

What the address lists hold, and what ends them:

- `TO`, `INFO` and `XMT` open a list, on a line of their own or with the first addressee after
  them (`TO SECSTATE WASHDC`, `INFO XMT ...`, `XMT/AMEMBASSY SOFIA`). Blank lines and the page
  headers of State's printed copies (`TO PAGE 02  STATE  015113  182333Z`) do not end a list.
- `XMT` (5 FAH-2 H-321.9) names addressees exempted from a collective: they are no addressees
  and go to the `excluded` list of the nearest collective named before (`... COLLECTIVE`,
  `ALL ... POSTS`); with no collective before them they are dropped, with a warning.
- A list ends at the next header line and at the first line that is not an addressee: the text
  of the page around a copied telegram (a CSV row, `id: 55772`, `Embassy Mexico`, a date, a
  ruler, `----- header ends -----`), a classification banner (also mangled: `E C R E T SECTION
  01 OF 03`, `UUNCLAS`), caption markers (`SIPDIS`), the office distribution of State's copies
  (`INFO LOG-00 MFA-00 ...`) and text in lower case or with sentence punctuation. Lines after
  it are not read as addressees until the next `TO`/`INFO`/`XMT`, so no addressee takes in text
  of the body. Where an export ran a cell boundary into a line (a tab, a quote), the addressee
  before it is read and the list ends there.
- A line that only completes the addressee above it (its precedence and serial, `COLLECTIVE`,
  `WASHDC`; or the name under a routing indicator left alone on its line) is joined to it.
- An addressee repeated by the header of every section is listed once, with the serial of
  the first (each section is a message with its own).

The precedence of each addressee is the one written after it, or null: the DTG line's
precedence letters are the message's (`head.precedence`), not guessed per addressee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from cablewire.formats.cable.copy_header import PAGE_DATE_LINE
from cablewire.formats.cable.markers import MARKERS
from cablewire.model.calendar import MONTHS, cable_year
from cablewire.model.document import Recipient

PRECEDENCE_LETTERS = {
    "Z": "FLASH",
    "O": "IMMEDIATE",
    "P": "PRIORITY",
    "R": "ROUTINE",
    "Y": "EMERGENCY",
}
PRECEDENCE_WORDS = ("NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH")

_TRANSMISSION = re.compile(r"^\s*(VZCZC[A-Z0-9]*)\s*$")
_DE = re.compile(r"^\s*DE\s+([A-Z0-9]+)\s+#(\d+)(?:/(\d+))?(?:\s+(\d+))?")
_DTG_LINE = re.compile(
    r"^\s*(?:(?P<prec>[ZOPRY]{1,2})\s+)?(?:[ZOPRY]{1,2}\s+)?(?P<dtg>\d{6}Z\s+[A-Z]{3}\s+\d{2,4})(?:\s+Z[A-Z0-9]{2,4})*\s*$"
)
_DTG = re.compile(r"^(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2,4})$")
_PRECEDENCE = "|".join(w.replace(" ", r"\s+") for w in PRECEDENCE_WORDS)
_SERIAL = r"\d{3,4}(?:-\d{3,4})?"
_RECIPIENT = re.compile(
    r"^(?:(?P<route>R[A-Z0-9]{3,7}|ZEN)\s*/(?!/)\s*)?(?P<name>[^\s/].*?)"
    r"(?:\s+(?P<prec>" + _PRECEDENCE + r"))?(?:\s+(?P<serial>" + _SERIAL + r"))?\s*$"
)
# A line that only completes the addressee above it: its precedence and/or serial.
_TAIL = re.compile(r"^(?:(?P<prec>" + _PRECEDENCE + r"))?\s*(?P<serial>" + _SERIAL + r")?$")
# Words that end a wrapped name on the next line ("RUEHZL/EUROPEAN POLITICAL" / "COLLECTIVE").
_NAME_TAIL = re.compile(r"^(?:COLLECTIVE|WASHDC|WASHINGTON DC|DC)\b")
_KEYWORD = re.compile(r"^(TO|INFO|XMT)(?:\s*[/:]\s*|\s+|$)")
# State's printed copies: "PAGE 02        STATE   015113  182333Z" (also "01 OF 03" before the
# time), at the top of every page, so also inside an address list.
_PAGE = re.compile(r"^PAGE\s+\d{1,3}\s+[A-Z][A-Z .]{0,30}?\s+\d{3,6}\s+"
                   r"(?:\d{1,2}\s+OF\s+\d{1,2}\s+)?\d{6}Z\b\s*")
_HEADER_LINE = re.compile(
    r"^\s*(VZCZC|[ZOPRY]{1,2}\s+R[A-Z]{4}|DE\s+R|ZNY|ZNR|FM\s|TO\s|INFO\s|BT\s*$"
    r"|(?:[ZOPRY]{1,2}\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2,4})"
)
_OFFICE = re.compile(r"//.*$")  # office symbols end a name: "//J-1//J-3:JOD//"
# What no addressee holds (tested on the line with its office symbols taken out).
_NOT_ADDRESSEE = re.compile(
    r"[a-z]|[,;:!?\"'‘’“”\\<>=|@#$%*+]"  # lower case, sentence punctuation, export debris
    r"|^\W|\.\s|\.$"  # a ruler or a list mark first; a full stop
    r"|^\S+\s[^/]*/"  # a slash after the first word ("DEPT FOR WHA/CEN")
    r"|\b\d+[-/.]\d+[-/.]\d+"  # a date
    r"|\b\d{5,}\b|^\d+$|^\d{2}[A-Z]+\d+$"  # banner serial, bare number, cable id
    r"|CONFIDENTIAL|UNCLAS|SECRET(?![A-Z]| SERVICE)|(?:\b[A-Z] ){3}"  # banner, letter-spaced
    r"|\bSE?CTION \d+ OF \d+"
    r"|\b[A-Z]{1,6}-\d\d\b(?!-)"  # office distribution: "LOG-00 MFA-00 EEB-00"
    r"|\b(?:" + "|".join(MARKERS) + r"|SENSITIVE|TO|AGAINST|HAS|HAVE|IS|ARE|WAS|WERE|WILL|NOT"
    r"|THAT|THIS)\b"
)
_MAX_LINE = 100


@dataclass
class RoutingHeader:
    transmission_id: str | None = None
    precedence: str | None = None
    date_time_group: str | None = None
    date_time_group_utc: str | None = None
    sender: str | None = None
    recipients: list[Recipient] = field(default_factory=list)
    info_recipients: list[Recipient] = field(default_factory=list)
    sections: int | None = None
    section: int | None = None
    warnings: list[str] = field(default_factory=list)


def looks_like_header_line(line: str) -> bool:
    return bool(_HEADER_LINE.match(line))


def starts_routing_block(lines: list[str], index: int) -> bool:
    """Whether `lines[index]` opens a routing header below other text: a DTG line or an FM
    line, with FM and then TO on the next lines (State's printed copies put the office
    distribution, `ACTION AF-00` / `INFO LOG-00 ...`, above them)."""
    line = lines[index].strip()
    if _DTG_LINE.match(line):
        nxt = _next_text(lines, index)
        return nxt is not None and lines[nxt].lstrip().startswith("FM ") and (
            starts_routing_block(lines, nxt))
    if line.startswith("FM ") and len(line) <= 60 and not _NOT_ADDRESSEE.search(line[3:]):
        nxt = _next_text(lines, index)
        return nxt is not None and bool(_KEYWORD.match(lines[nxt].strip()))
    return False


def _next_text(lines: list[str], index: int) -> int | None:
    """The index of the next non-blank line within two lines, or None."""
    for j in range(index + 1, min(index + 3, len(lines))):
        if lines[j].strip():
            return j
    return None


def parse_dtg(dtg: str, year_hint: int | None = None) -> str | None:
    """`121116Z JUN 09` -> `2009-06-12T11:16:00Z`; None when it is not a valid date."""
    m = _DTG.match(" ".join(dtg.split()))
    if not m:
        return None
    day, hour, minute, mon, year = m.groups()
    month = MONTHS.get(mon.lower())
    if month is None:
        return None
    y = int(year)
    if len(year) == 2:
        y = cable_year(y)
    try:
        stamp = datetime(y, month, int(day), int(hour), int(minute))
    except ValueError:
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_recipient(text: str) -> Recipient | None:
    """One addressee line (`RUEHC/SECSTATE WASHDC IMMEDIATE 4696`) as a Recipient; None when
    the text is not an addressee."""
    text = " ".join(text.split())
    if not text or len(text) > _MAX_LINE:
        return None
    m = _RECIPIENT.match(text)
    if not m:
        return None
    name = m.group("name")
    if name.endswith("/") and (not name.endswith("//") or "//" not in name[:-2]):
        name = name.rstrip("/").rstrip()  # a stray slash, or "//" closing no office symbol
    if not name or _NOT_ADDRESSEE.search(_OFFICE.sub(" ", name)):
        return None
    prec = m.group("prec")
    return {
        "route": m.group("route"),
        "name": name,
        "precedence": " ".join(prec.split()) if prec else None,
        "serial": m.group("serial"),
        "excluded": [],
    }


def parse_routing_header(lines: list[str]) -> RoutingHeader:
    """Read the routing header lines (the part above the classification banner)."""
    head = RoutingHeader()
    entries: list[tuple[str, Recipient]] = []  # (list, addressee) in the order written
    section: str | None = None
    joinable = False  # whether the last entry may still be completed by the next line
    for raw in lines:
        line = raw.strip().rstrip("\\").rstrip()  # "\" ends the lines of some CSV exports
        if not line:
            continue
        if m := _TRANSMISSION.match(line):
            head.transmission_id = head.transmission_id or m.group(1)
            section = None
            continue
        if m := _DE.match(line):
            if m.group(3):
                head.section = int(m.group(3))
            section = None
            continue
        if m := _DTG_LINE.match(line):
            if head.date_time_group is None:
                head.date_time_group = " ".join(m.group("dtg").split())
                head.date_time_group_utc = parse_dtg(head.date_time_group)
                if head.date_time_group_utc is None:
                    head.warnings.append("date-time group is not a valid date")
                if m.group("prec"):
                    head.precedence = PRECEDENCE_LETTERS.get(m.group("prec")[0])
            section = None
            continue
        if line.startswith("FM "):
            head.sender = head.sender or " ".join(line[3:].split())
            section = None
            continue
        if line in ("BT", "NNNN") or line.startswith(("ZNY", "ZNR", "ZFR")):
            section = None
            continue
        while m := _KEYWORD.match(line):  # "INFO XMT FOOBAR": the last keyword holds
            section = m.group(1)
            line = line[m.end():]
            joinable = False
        # (the page's date line is no addressee)
        if section is None or not line or PAGE_DATE_LINE.match(line):
            continue
        if m := _PAGE.match(line):
            line = line[m.end():]
            if not line:
                continue
        line, cut = _cut_at_cell_boundary(line)
        if joinable and _join(entries[-1][1], line):
            joinable = bool(entries[-1][1]["serial"] is None)
        elif len(line) < 3 and not cut:
            continue  # a stray letter or two (copy debris) neither names nor ends anything
        elif (route := _lone_route(line)) is not None:
            entries.append((section, {"route": route, "name": "", "precedence": None,
                                      "serial": None, "excluded": []}))
            joinable = True
        elif (recipient := parse_recipient(line)) is not None:
            entries.append((section, recipient))
            joinable = recipient["serial"] is None and recipient["precedence"] is None
        else:
            section = None  # not an addressee: the list has ended
            continue
        if cut:
            section = None
    _collect(head, entries)
    return head


def _cut_at_cell_boundary(line: str) -> tuple[str, bool]:
    """The text before a tab or a quote that an export ran into the line, and whether there
    was one."""
    for mark in ("\t", '"'):
        at = line.find(mark)
        if at >= 0:
            return line[:at].rstrip(), True
    return line, False


def _lone_route(line: str) -> str | None:
    """A routing indicator alone on its line (`RUEHC/`), its name on the next."""
    m = re.match(r"^(R[A-Z0-9]{3,7})\s*/$", line)
    return m.group(1) if m else None


def _join(last: Recipient, line: str) -> bool:
    """Complete the addressee above with a line that only continues it; False when the line
    is not such a continuation."""
    text = " ".join(line.split())
    if not last["name"]:  # a routing indicator waiting for its name
        rest = parse_recipient(text)
        if rest is None or rest["route"]:
            return False
        last.update({"name": rest["name"], "precedence": rest["precedence"],
                     "serial": rest["serial"]})
        return True
    if (m := _TAIL.match(text)) and (m.group("prec") or m.group("serial")):
        if (m.group("prec") and last["precedence"]) or last["serial"]:
            return False
        last["precedence"] = last["precedence"] or (
            " ".join(m.group("prec").split()) if m.group("prec") else None)
        last["serial"] = m.group("serial")
        return True
    if _NAME_TAIL.match(text) and last["precedence"] is None:
        rest = parse_recipient(text)
        if rest is None or rest["route"]:
            return False
        last["name"] = f"{last['name']} {rest['name']}"
        last["precedence"], last["serial"] = rest["precedence"], rest["serial"]
        return True
    return False


def _is_collective(name: str) -> bool:
    return "COLLECTIVE" in name or name.startswith("ALL ") or name.endswith(" POSTS")


def _collect(head: RoutingHeader, entries: list[tuple[str, Recipient]]) -> None:
    """The TO and INFO lists from the entries read, each addressee once, with the XMT names
    given to the collective they follow."""
    seen: dict[tuple[str, str | None, str, str | None], Recipient] = {}
    collective: Recipient | None = None
    dropped: list[str] = []
    for section, entry in entries:
        if not entry["name"]:
            continue  # a routing indicator whose name never came
        if section == "XMT":
            if collective is None:
                dropped.append(entry["name"])
            elif entry["name"] not in collective["excluded"]:
                collective["excluded"].append(entry["name"])
            continue
        # the header of every section names the same addressee, each with its own serial
        key = (section, entry["route"], entry["name"], entry["precedence"])
        recipient = seen.get(key)
        if recipient is None:
            recipient = seen[key] = entry
            (head.recipients if section == "TO" else head.info_recipients).append(recipient)
        if _is_collective(recipient["name"]):
            collective = recipient
    if dropped:
        head.warnings.append("XMT exemption without a collective addressee before it: "
                             + "; ".join(dropped))
