"""The routing header of a telegram: transmission id, precedence, date-time group, FM/TO/INFO.

    VZCZCXRO7559                         transmission id
    RR RUEHPA                            precedence and relay routing indicators
    DE RUEHBP #0387/01 1631116           originating station, serial, section, Julian time
    ZNY CCCCC ZZH                        security indicator
    R 121116Z JUN 09                     precedence and date-time group (DTG)
    FM AMEMBASSY BAMAKO                  sender
    TO RUEHC/SECSTATE WASHDC 0456        addressees: routing indicator / name, precedence, serial
    INFO RUEHZK/ECOWAS COLLECTIVE        information addressees
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from cablewire.model.calendar import MONTHS
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
_RECIPIENT = re.compile(
    r"^(?:(?P<route>R[A-Z0-9]{3,8})\s*/\s*)?(?P<name>.+?)"
    r"(?:\s+(?P<prec>" + "|".join(PRECEDENCE_WORDS) + r"))?"
    r"(?:\s+(?P<serial>\d{1,6}))?\s*$"
)
# The cablegate page's own date line ("Friday, 23 February 2001, 15:53"), not an addressee.
_PAGE_DATE = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} [A-Z][a-z]+ \d{4}")
_HEADER_LINE = re.compile(
    r"^\s*(VZCZC|[ZOPRY]{1,2}\s+R[A-Z]{4}|DE\s+R|ZNY|ZNR|FM\s|TO\s|INFO\s|BT\s*$"
    r"|(?:[ZOPRY]{1,2}\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2,4})"
)


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
        y += 1900 if y >= 50 else 2000
    try:
        stamp = datetime(y, month, int(day), int(hour), int(minute))
    except ValueError:
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_recipient(text: str) -> Recipient | None:
    text = " ".join(text.split())
    if not text:
        return None
    m = _RECIPIENT.match(text)
    if not m:
        return None
    return {
        "route": m.group("route"),
        "name": m.group("name").strip(" /"),
        "precedence": m.group("prec"),
        "serial": m.group("serial"),
    }


def parse_routing_header(lines: list[str]) -> RoutingHeader:
    """Read the routing header lines (the part above the classification banner)."""
    head = RoutingHeader()
    target: list[Recipient] | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if m := _TRANSMISSION.match(line):
            head.transmission_id = head.transmission_id or m.group(1)
            target = None
            continue
        if m := _DE.match(line):
            if m.group(3):
                head.section = int(m.group(3))
            target = None
            continue
        if m := _DTG_LINE.match(line):
            if head.date_time_group is None:
                head.date_time_group = " ".join(m.group("dtg").split())
                head.date_time_group_utc = parse_dtg(head.date_time_group)
                if head.date_time_group_utc is None:
                    head.warnings.append("date-time group is not a valid date")
                if m.group("prec"):
                    head.precedence = PRECEDENCE_LETTERS.get(m.group("prec")[0])
            target = None
            continue
        if line.startswith("FM "):
            head.sender = head.sender or " ".join(line[3:].split())
            target = None
            continue
        if line.startswith("TO "):
            target = head.recipients
            line = line[3:]
        elif line.startswith("INFO "):
            target = head.info_recipients
            line = line[5:]
        elif line in ("BT", "NNNN") or line.startswith(("ZNY", "ZNR", "ZEN", "ZFR")):
            target = None
            continue
        if target is None or _PAGE_DATE.match(line):
            continue
        recipient = parse_recipient(line)
        if recipient and recipient not in target:
            target.append(recipient)
    return head
