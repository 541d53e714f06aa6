"""Station names: the part of a cable id between its year and its serial (`09BAMAKO387`).

The release names its stations in its own way (`NEWDELHI`, `USUNNEWYORK`, `AITTAIPEI` and
`TAIPEI`, both); `data/stations.txt` lists them with the number of ids each has, written by
`scripts/make_stations.py` from the release's id list. Citations, banners and damaged ids write
them otherwise; `resolve_station()` brings a written name to the release's own, in this order:

1. the name itself, when the release uses it (or it is an originator cables cite, `SECDEF`);
2. a spelling of `ALIASES` (or of `ID_ALIASES`, read inside ids only), each with its source;
3. the name behind a post or banner word (`EMBASSYVIENNA`, `AMEMBASSYHANOI`, `NOFORNMOGADISHU`,
   `SIFIEDABUJA`, the tail of UNCLASSIFIED) or before a Washington or country suffix
   (`SECDEFWASH`, `USDOCWASHDC`, `MADRIDSP`), or written twice (`USNATOANDUSNATO`);
4. the start of exactly one station (`RIODEJAN`, `KUALALUMP`, `HALIF`);
5. exactly one frequent station the name's garbled letters allow (`QXICO`, see
   `garbled_stations`);
6. one edit from exactly one station or alias (two for a name of eight letters or more): a
   letter dropped, added, changed or two swapped (`BRASIIA`, `WELLINGOTN`, `SECTSTATE`).

Anything else is undecided (None): the caller keeps the name as written and says so. An `EFTO`
before a station stays, as the cablegate site writes those ids (`09EFTOLONDON2468`).

Only exact names and aliases are cheap dictionary look-ups; steps 3-6 run on names that are
neither, through a precomputed deletion index (no scan of the station list, but for a name
with garbled letters), and are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

# Originators that cables cite (in REF lines, in routing headers) but that send none of the
# release's cables, so the id list does not name them. Each as the corpus's routing headers write
# it, the Washington suffix dropped.
CITED_ORIGINATORS = {
    "SECDEF": "RUEKJCS/SECDEF WASHINGTON DC; REF lines `SECDEF 122723`",
    "CDCATLANTAGA": "RUEHPH/CDC ATLANTA GA (routing-indicators.csv)",
    "USDAFAS": "USDA FAS WASHDC (routing headers); RUEHRC ... USDA FAS WASHINGTON DC",
    "USDOC": "USDOC WASHDC (routing headers); RUCPDOC/DEPT OF COMMERCE WASHDC",
    "USDOJ": "USDOJ WASHDC (routing headers); RUEAWJA/DEPT OF JUSTICE WASHINGTON DC",
    "USCBP": "USCBP WASHINGTON DC (routing headers); RUEAORC/US CUSTOMS AND BORDER PROTECTION",
    "WHITEHOUSE": "WHITEHOUSE WASHDC (routing headers)",
}

# Spellings that are not the release's station name, and the name. Sources: the routing
# headers and routing-indicators.csv (RI: the post as the address book names it), REF lines of
# the corpus (REF), the issue's own examples (#12), cablemap's test data (CM, the dev half only).
ALIASES = {
    "SECSTATE": "STATE",  # FM SECSTATE WASHDC
    "SECSTATEWASHDC": "STATE",
    "SECSTATEWASHINGTON": "STATE",
    "STATEWASHDC": "STATE",
    "DEPTOFSTATE": "STATE",
    "SECRETARYOFSTATE": "STATE",  # the release's origin field "Secretary of State"
    "DEPARTMENTOFSTATE": "STATE",
    "USUN": "USUNNEWYORK",  # RI RUCNDT USMISSION USUN NEW YORK NY
    "USUNNY": "USUNNEWYORK",
    "USMISSIONUSUNNEWYORK": "USUNNEWYORK",
    "USMISSIONGENEVA": "GENEVA",
    "USMISSIONUSNATO": "USNATO",
    "USNATOBRUSSELS": "USNATO",  # RI RUEHNO US MISSION USNATO BRUSSELS BE
    "USMISSIONUSOSCE": "USOSCE",
    "UNVIE": "UNVIEVIENNA",  # RI RUEHUNV USMISSIN UNVIE VIENNA
    "USEU": "USEUBRUSSELS",
    "AIT": "AITTAIPEI",  # RI RUEHIN AIT TAIPEI
    "HCMC": "HOCHIMINHCITY",  # RI RUEHHM AMCONSUL HO CHI MINH CITY
    "HOCHIMINH": "HOCHIMINHCITY",
    "DARESSALAM": "DARESSALAAM",
    "SAINTPETERSBURG": "STPETERSBURG",
    "MEXICOCITY": "MEXICO",  # RI RUEHME AMEMBASSY MEXICO CITY; the ids say MEXICO
    "GUATEMALACITY": "GUATEMALA",  # RI RUEHGT
    "PANAMACITY": "PANAMA",  # RI RUEHZP
    "KUWAITCITY": "KUWAIT",
    "VATICANCITY": "VATICAN",  # RI RUEHROV AMEMBASSY VATICAN CITY
    "HOLYSEE": "VATICAN",
    "HAGUE": "THEHAGUE",  # REF `08 HAGUE 468`; RI RUEHTC AMEMBASSY THE HAGUE
    "CASA": "CASABLANCA",  # REF `05 CASA 1220`
    "RIO": "RIODEJANEIRO",  # #12: `08 RIO DE JAN 138`, `RIO` for RIODEJANEIRO
    "BKK": "BANGKOK",  # #12
    "HK": "HONGKONG",  # the country code of Hong Kong (TAGS HK); CM test_reader_references_ng.py#25
    "IRANRPO": "IRANRPODUBAI",  # RI RUEHNAG IRAN RPO DUBAI
    "UNESCO": "UNESCOPARISFR",  # RI RUEHFRE USMISSION UNESCO PARIS
    "USUNESCOPARIS": "UNESCOPARISFR",
    "DEPTOFCOMMERCE": "USDOC",  # RUCPDOC/DEPT OF COMMERCE WASHDC
    "DEPTOFJUSTICE": "USDOJ",  # RUEAWJA/DEPT OF JUSTICE
    "USCUSTOMSANDBORDERPROTECTION": "USCBP",  # RI RUEAORC
    "DEPTOFAGRICULTUREUSDAFAS": "USDAFAS",  # RI RUEHRC
    "USDA": "USDAFAS",  # USDA FAS WASHDC
    "CDC": "CDCATLANTAGA",  # RI RUEHPH CDC ATLANTA GA
    "PAUP": "PORTAUPRINCE",  # CM test_c14n_id_c14n.py#11
}

# Spellings read as a station only inside an id (`09BRAZIL234`), never in running text, where
# the word means something else (`INCSR BRAZIL 2008` is a report of 2008, not a cable).
ID_ALIASES = {
    **ALIASES,
    "BRAZIL": "BRASILIA",  # CM test_c14n_id_c14n.py#37: the country for its embassy
}

# Words a banner or an address puts before a station, which the site's ids sometimes kept:
# post words, handling words, the tail of a letter-spaced classification run into the station.
POST_WORDS = ("AMEMBASSY", "AMCONSULATE", "AMCONSUL", "CONSULATEGENERAL", "CONSULATE", "EMBASSY",
              "USMISSION", "USMISSIN", "MISSION", "USOFFICE", "USINT", "AMEMB", "US")
_CLASS_TAILS = tuple(
    word[i:] for word in ("UNCLASSIFIED", "CONFIDENTIAL") for i in range(len(word) - 5)
)
BANNER_DEBRIS = ("EFTO", "NOFORN", "SENSITIVE", *POST_WORDS, *_CLASS_TAILS)
_SUFFIXES = ("WASHINGTONDC", "WASHINGTON", "WASHDC", "WASH")
_FREQUENT = 15  # ids a station has before a name two letters off it is read as it


class Resolution(NamedTuple):
    """A written name read as a station: the station and how it was found (`known`, `alias`,
    `efto`, `prefix`, `suffix`, `doubled`, `abbreviation`, `garbled`, `spelling`)."""

    station: str
    how: str


@lru_cache(maxsize=1)
def station_counts() -> dict[str, int]:
    """Station names of the release's ids, with the number of ids each has."""
    text = resources.files("cablewire.data").joinpath("stations.txt").read_text("utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, n = line.partition(" ")
            counts[name] = int(n or 0)
    return counts


@lru_cache(maxsize=1)
def known_stations() -> frozenset[str]:
    """The release's station names and the originators cables cite."""
    return frozenset(station_counts()) | frozenset(CITED_ORIGINATORS)


def compact_station(words: str) -> str:
    """`NEW DELHI` -> `NEWDELHI`; `SECSTATE WASHDC` -> `STATE`; unknown names just lose spaces."""
    compact = re.sub(r"[^A-Z]", "", words.upper())
    return ALIASES.get(compact, compact)


def station_of(words: str) -> str | None:
    """The station for `words` when it is a known station or an alias of one, else None (no
    guessing: for text such as REF lines, where a word may be no station at all)."""
    compact = compact_station(words)
    if compact in known_stations():
        return compact
    if compact.endswith("WASHDC") and compact[:-6] in ALIASES:
        return ALIASES[compact[:-6]]
    return None


def resolve_station(words: str) -> Resolution | None:
    """The release's station for a name as written (any case, spaces or not), or None when it
    cannot be decided. See the module docstring for the order of the rules."""
    compact = re.sub(r"[^A-Z]", "", words.upper())
    return _resolve(compact) if compact else None


@lru_cache(maxsize=4096)
def _resolve(name: str) -> Resolution | None:
    exact = _exact(name)
    if exact:
        return exact
    if name.startswith("EFTO") and (rest := _exact(name[4:]) or _fuzzy(name[4:])):
        return Resolution("EFTO" + rest.station, "efto")
    behind = [name[len(word):] for word in BANNER_DEBRIS
              if name.startswith(word) and len(name) - len(word) >= 3]
    for rest_name in behind:
        if rest := _exact(rest_name):
            return Resolution(rest.station, "prefix")
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and (rest := _exact(name[: -len(suffix)])):
            return Resolution(rest.station, "suffix")
    if len(name) >= 6 and (rest := _exact(name[:-2])) and len(rest.station) >= 4:
        return Resolution(rest.station, "suffix")  # a country code: MADRIDSP, BRUSSELSBE
    half, extra = divmod(len(name), 2)
    if not extra and name[:half] == name[half:] and (rest := _exact(name[:half])):
        return Resolution(rest.station, "doubled")
    if "AND" in name:
        left, _, right = name.partition("AND")
        if left == right and (rest := _exact(left)):
            return Resolution(rest.station, "doubled")
    garbled = garbled_stations(name)
    if len(garbled) == 1:
        return Resolution(garbled[0], "garbled")
    if found := _fuzzy(name):
        return found
    for rest_name in behind:
        if rest := _fuzzy(rest_name):
            return Resolution(rest.station, "prefix")
    return None


_GARBLE = re.compile(r"Q(?!U)")


@lru_cache(maxsize=1024)
def garbled_stations(name: str) -> tuple[str, ...]:
    """The frequent stations a name with garbled letters can be, in order of the list: the
    release's ids write letters lost in transmission as a `Q` not followed by `U`, for one to
    three letters (`AQNA` is ASTANA or ADANA, `QXICO` MEXICO, `BUENOSQRES` BUENOSAIRES)."""
    if len(name) < 4 or not _GARBLE.search(name):
        return ()
    pattern = re.compile("[A-Z]{1,3}".join(re.escape(part) for part in _GARBLE.split(name)))
    counts = station_counts()
    return tuple(s for s in counts if counts[s] >= _FREQUENT and pattern.fullmatch(s))


def _exact(name: str) -> Resolution | None:
    if name in known_stations():
        return Resolution(name, "known")
    if name in ID_ALIASES:
        return Resolution(ID_ALIASES[name], "alias")
    return None


def _fuzzy(name: str) -> Resolution | None:
    """The start of one station, else one or two edits from one station or alias."""
    if len(name) >= 3:
        targets = _prefix_index().get(name)
        if targets and len(targets) == 1:
            return Resolution(next(iter(targets)), "abbreviation")
    if len(name) == 3:
        # a three-letter name is read only as a frequent station with one letter dropped
        # (`BAU` for BAKU): any other edit of so short a name reaches too many stations
        counts = station_counts()
        grown = [s for s in _delete_index().get(name, ())
                 if len(s) == 4 and counts.get(s, 0) >= _FREQUENT]
        return Resolution(grown[0], "spelling") if len(grown) == 1 else None
    if len(name) < 3:
        return None
    limit = 2 if len(name) >= 8 else 1
    index = _delete_index()
    candidates: set[str] = set()
    for variant in _deletions(name, limit):
        candidates.update(index.get(variant, ()))
    best: dict[str, int] = {}
    for spelling in candidates:
        d = edit_distance(name, spelling)
        allowed = limit if d <= 1 or _counts(ID_ALIASES.get(spelling, spelling)) >= _FREQUENT else 1
        if d <= allowed:
            target = ID_ALIASES.get(spelling, spelling)
            best[target] = min(d, best.get(target, d))
    if not best:
        return None
    low = min(best.values())
    nearest = [t for t, d in best.items() if d == low]
    if len(nearest) == 1:
        return Resolution(nearest[0], "spelling")
    return None


def _counts(station: str) -> int:
    return station_counts().get(station, _FREQUENT if station in CITED_ORIGINATORS else 0)


def _spellings() -> list[str]:
    return sorted(known_stations() | set(ID_ALIASES))


@lru_cache(maxsize=1)
def _prefix_index() -> dict[str, frozenset[str]]:
    """Every proper start (3 letters or more) of a station or alias -> the stations it starts."""
    index: dict[str, set[str]] = {}
    for spelling in _spellings():
        target = ID_ALIASES.get(spelling, spelling)
        for end in range(3, len(spelling)):
            index.setdefault(spelling[:end], set()).add(target)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _delete_index() -> dict[str, frozenset[str]]:
    """Each station and alias with up to two letters deleted -> the spellings it comes from
    (a symmetric-deletion index: two names within k edits share a k-deletion variant)."""
    index: dict[str, set[str]] = {}
    for spelling in _spellings():
        if len(spelling) >= 3:
            for variant in _deletions(spelling, 2 if len(spelling) >= 7 else 1):
                index.setdefault(variant, set()).add(spelling)
    return {k: frozenset(v) for k, v in index.items()}


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    neighbouring letters each count one."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]
