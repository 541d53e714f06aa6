"""The classification line of a telegram (its banner): classification, caveat, section, station
and serial, which give the cable's id.

    C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571
    UNCLAS E F T O LONDON 002468
    S E C R E T STATE 114173 SIPDIS E.O. 12958: DECL: 10/24/2018 TAGS: ...

Copies damage it in known ways, and each is read: the line run on into the header that follows
(`LIMA 003571SIPDIS`, `CAIRO 000549E.O. 12958`), a copy's own header before it on the same line
(`Cable dated:2005-08-17T21:24:00]C O N F I D E N T I A L ...`, `ID:190812 Cable dated:...`, a
quote mark or a row number of a CSV dump), the letter-spaced word spaced irregularly, cut at its
first letter or with its first letter doubled (`CO N F I D E N T I A L`, `O N F I D E N T I A L`,
`SS E C R E T`), run into the station (`C O N F I D E N T I A LCAIRO 000079`), or in lower case
(`C o n f i d e n t i a l section 01 of 04 ankara 000348`).

`telegram.BANNER` matches a banner standing alone on its line (to drop the repeats of later
sections); `read_banner()` finds the first banner in the header, however it is run on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablewire.model.stations import edit_distance


def _spaced(word: str) -> str:
    """A letter-spaced word (`S E C R E T`), in any case, its first letter doubled or missing,
    one space or none between the letters."""
    first, rest = word[0], word[1:]
    return f"(?:{first}[^\\S\\n]?){{0,2}}" + "[^\\S\\n]?".join(rest)


_SPACED_CLASS = (
    r"(?i:" + "|".join((
        "T[^\\S\\n]?O[^\\S\\n]?P[^\\S\\n]+" + _spaced("SECRET"),
        _spaced("SECRET"),
        _spaced("CONFIDENTIAL"),
        _spaced("UNCLASSIFIED"),
        _spaced("UNCLAS"),
    )) + r")"
)
_PLAIN_CLASS = r"(?:TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED\s+OFFICIAL\s+USE)"
_CAVEATS = r"(?:NOFORN|NODIS|EXDIS|LIMDIS|STADIS|SENSITIVE|SPECAT|EFTO|E F T O)"
# What a copy puts before the banner on its line.
_LEAD = (
    r"^[^\S\n]*(?:ID:[^\S\n]*\d+[^\S\n]*)?"
    r"(?:Cable[^\S\n]+dated:[^\S\n]*[\d:T-]{10,19}\]?[^\S\n]*)?[\"',.\d]{0,12}[^\S\n]*"
)
_BANNER_HEAD = re.compile(
    _LEAD
    + r"(?:(?P<spaced>" + _SPACED_CLASS + r")|(?P<plain>" + _PLAIN_CLASS + r"))"
    # a space after the word, or a letter-spaced word run into the station (`A LCAIRO`)
    r"(?:(?=[^\S\n]|$)|(?<=[^\S\n][A-Za-z])(?=[A-Z]))"
    r"(?P<caveats>(?:[^\S\n]+" + _CAVEATS + r"(?![A-Za-z]))*)"
    # SECTION 01 OF 02, also garbled (`SCTION 02 OF 02`, `SECTION 01 GF 02`): checked below
    r"(?:[^\S\n]*(?P<secword>[A-Za-z]{5,8})[^\S\n]*(?P<sec>\d{1,2})[^\S\n]*[A-Za-z]{0,2}"
    r"[^\S\n]*(?P<of>\d{1,2})(?=[^\S\n]|$))?"
    r"(?:[^\S\n]*(?P<station>[A-Za-z][A-Za-z.'-]*(?:[^\S\n]+[A-Za-z][A-Za-z.'-]*){0,4}?)"
    r"[^\S\n]+(?P<serial>\d{1,8})(?!\d)(?![A-Za-z]\d))?"
)
_STATION_SERIAL = re.compile(
    r"^[^\S\n]*(?P<station>[A-Za-z][A-Za-z.'-]*(?:[^\S\n]+[A-Za-z][A-Za-z.'-]*){0,4}?)"
    r"[^\S\n]+(?P<serial>\d{1,8})[^\S\n]*$"
)
_PAGE_MARKER = re.compile(
    r"^[^\S\n]*(?P<station>[A-Z][A-Z.'-]*(?:[^\S\n][A-Z][A-Z.'-]*){0,4}?)[^\S\n]+"
    r"(?P<serial>0{2,}\d{1,6})[^\S\n]+0*\d{1,3}(?:\.\d+)?[^\S\n]+OF[^\S\n]+0*\d{1,3}[^\S\n]*$"
)
_CLASS_NAMES = {
    "TOPSECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
    "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE",
}
_PARAGRAPH = re.compile(r"^[^\S\n]*(?:¶[^\S\n]*)?\d{1,3}[^\S\n]*[.)][^\S\n]*(?:\(|[A-Z])")
_ROUTING = re.compile(
    r"^[^\S\n]*(?:VZCZC|ZNY\b|ZNR\b|DE\s+R|FM\s|TO\s|INFO\s|XMT\s|BT\s*$|[A-Z0-9]{4,8}/"
    r"|(?:[ZOPRY]{1,2}\s+){1,2}\d{6}Z)"
)
# Lines of text (not routing) a banner is looked for in, from the top.
BANNER_SEARCH_LINES = 40


@dataclass
class Banner:
    """The fields of a classification line."""

    classification: str | None
    caveat: str | None  # NOFORN, EFTO, SENSITIVE..., the first one, its spaces gone
    efto_spaced: bool  # the caveat written `E F T O`, as the site's EFTO ids come from
    section: int | None
    sections: int | None
    station: str | None
    serial: str | None


def classification_of(word: str) -> str | None:
    """The classification a banner word names (`C O N F I D E N T I A L`, `UNCLAS`, `ECRET`)."""
    compact = re.sub(r"\s", "", word.upper())
    for name, value in _CLASS_NAMES.items():
        if compact == name or (len(compact) >= 4 and (
                compact == name[1:] or compact == name[0] + name)):
            return value
    return None


def read_banner(lines: list[str]) -> Banner | None:
    """The first classification line among the first lines of a telegram (routing lines
    skipped), with its station and serial; None when there is none before the first paragraph."""
    seen = 0
    pending: Banner | None = None
    follows = False  # the line before was the pending banner's
    for line in lines:
        if not line.strip():
            continue
        just_after, follows = follows, False
        if "\t" in line:  # a dump row: the text starts after the last tab
            line = line.rsplit("\t", 1)[1]
        if _ROUTING.match(line):
            continue  # a routing header may stand above the banner, however long
        seen += 1
        if seen > BANNER_SEARCH_LINES or _PARAGRAPH.match(line):
            break  # the body has begun
        m = _match(line) if line.lstrip()[:1] in _BANNER_INITIALS else None
        if pending is not None and just_after and m is None:
            # a banner broken after its section: `... SECTION 01 OF 02` / `TRIPOLI 000133`
            if (cont := _STATION_SERIAL.match(line)) and not _match(cont["station"]):
                pending.station = " ".join(cont["station"].split())
                pending.serial = cont["serial"]
                return pending
        if m is None:
            continue
        banner = _banner(m)
        if banner.serial is not None:
            return banner
        if pending is None:
            pending = banner  # the classification at least (a station and serial may follow)
            follows = m.end() >= len(line.rstrip())
    return pending


def station_from_page_marker(lines: list[str]) -> tuple[str, str] | None:
    """(station, serial) of the first page marker (`TEL AVIV 00002502 002 OF 004`), for a copy
    that lost its banner but kept the marker each later page starts with."""
    for line in lines:
        if " OF " in line and (m := _PAGE_MARKER.match(line)):
            return " ".join(m["station"].split()), m["serial"]
    return None


# What a banner's line can begin with: a classification's letter (or the next one, where the
# first is cut), a copy's lead (`ID:`, `Cable dated:`, a quote, a row number, a dot).
_BANNER_INITIALS = frozenset("CSUTLONEcsutlone\"',.0123456789I")


def starts_with_banner(line: str) -> bool:
    """Whether `line` begins with a classification line, however it runs on."""
    if line.lstrip()[:1] not in _BANNER_INITIALS:
        return False  # most of a routing header: RUEH.../, FM, DE, ZNY, a precedence
    m = _match(line)
    return m is not None and m["serial"] is not None


def split_run_on_banner(line: str) -> tuple[str, str] | None:
    """A banner run on into what follows it, as (the banner, the rest): `C O N F I D E N T I A L
    MOSCOW 005399 DEPT FOR EUR/RUS` gives the banner and `DEPT FOR EUR/RUS`. A copy's lead before
    it (`Cable dated:...]`, a quote) is not the telegram's and goes. None for a line that is no
    run-on banner."""
    m = _match(line) if line.lstrip()[:1] in _BANNER_INITIALS else None
    if m is None or m["serial"] is None:
        return None
    start = m.start("spaced") if m["spaced"] else m.start("plain")
    rest = line[m.end():].strip()
    if not rest and start == len(line) - len(line.lstrip()):
        return None  # a banner alone on its line
    return line[start:m.end()], rest


def _match(line: str) -> re.Match[str] | None:
    m = _BANNER_HEAD.match(line)
    if m is None:
        return None
    cls = m.group("spaced") or m.group("plain")
    whole = m.end() >= len(line.rstrip())
    if not (_word_ok(cls) or (whole and m["serial"])):  # "Unclas nairobi 000165" alone
        return None
    word = m["secword"]
    if word and word.upper() != "SECTION" and edit_distance(word.upper(), "SECTION") > 2:
        return None
    return m


def _word_ok(word: str) -> bool:
    """Upper case or letter-spaced: a banner, not "Secret talks 12" in prose."""
    return word.isupper() or " " in word.strip()


def _banner(m: re.Match[str]) -> Banner:
    word = m.group("spaced") or m.group("plain")
    caveats = m.group("caveats").split() if m.group("caveats") else []
    joined = " ".join(caveats)
    caveat = None
    if joined:
        first = re.match(r"E F T O|\S+", joined)
        caveat = first.group(0).replace(" ", "") if first else None
    return Banner(
        classification=classification_of(word),
        caveat=caveat,
        efto_spaced="E F T O" in joined,
        section=int(m.group("sec")) if m.group("sec") else None,
        sections=int(m.group("of")) if m.group("of") else None,
        station=" ".join(m.group("station").split()) if m["station"] else None,
        serial=m.group("serial"),
    )


# The handling words of a telegram's header that the release's classification carries.
_SENSITIVE = re.compile(r"(?im)^[^\S\n]*(?:SIPDIS[^\S\n]+)?SENSITIVE\b")
_NOFORN_RUN_ON = re.compile(r"NOFORN(?=E\.?\s?O\b)")  # `SIPDIS NOFORNE.O. 12958`
_FOUO = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"


def release_classification(
    banner: str | None, caveat: str | None, markers: list[str], head: str
) -> str | None:
    """The classification as the release writes it, from the banner's and the header's words
    (`head`: the header's text, up to the first paragraph). A NOFORN marker makes
    `SECRET//NOFORN`; an unclassified cable marked SENSITIVE (sensitive but unclassified),
    EFTO or NOFORN is `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, as the release files those (the
    corpus: 913 of 919 unclassified pages with a SENSITIVE caption)."""
    if banner is None:
        return None
    noforn = caveat == "NOFORN" or "NOFORN" in markers or bool(_NOFORN_RUN_ON.search(head))
    if banner == "UNCLASSIFIED":
        if noforn or caveat in ("SENSITIVE", "EFTO") or _SENSITIVE.search(head):
            return _FOUO
        return banner
    if noforn and banner in ("SECRET", "CONFIDENTIAL", "TOP SECRET"):
        return f"{banner}//NOFORN"
    return banner
