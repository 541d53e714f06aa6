"""Titles and roles written before a person's name ("President", "Gen.", "spokeswoman", "DCM"),
one list for every reader: the quotation finder drops them from speakers' names, the
"Classified By" reader tells the official's title from the name, and enrichment records them as
a person's facts and keys the person by the bare name.

`TITLES` holds the words as news and cables write them (capitalised, abbreviations with their full
stop and without), in three kinds: `OFFICES` (and military ranks), `HONORIFICS` and other
`ROLES`; `CABLE_TITLES` the abbreviations and plurals of cable English (lower case):
"poloff" political officer, "DCM" deputy chief of mission, "CDA" chargé d'affaires, "A/S"
assistant secretary, "codel" congressional delegation. `TITLE_WORDS` is all of them, compared
case-folded and without a final full stop (`is_title`); `OFFICIAL_TITLE_WORDS` leaves out the
honorifics and other roles, for the titles of the officials who sign and classify cables.
"""

from __future__ import annotations

OFFICES = frozenset(
    """President Prime Minister Secretary Ambassador Chancellor Premier Vice Deputy Chief Director
    Chairman Chairwoman Chair Commissioner Governor Gov. Gov Mayor Senator Sen. Sen
    Representative Rep. Rep Spokesman Spokeswoman Spokesperson Secretary-General Attorney Speaker
    Judge Justice Foreign Defence Defense Interior Finance Home Health Senior General Gen. Gen
    Captain Capt. Capt Colonel Col. Col Lieutenant Lt. Lt Major Maj. Maj Sergeant Sgt. Sgt
    Admiral Adm. Adm Commander Colonel-General""".split()
)
"""Offices and ranks an official holds, as news and cables write them."""

HONORIFICS = frozenset(
    """Mr. Mr Mrs. Mrs Ms. Ms Miss Dr. Dr Prof. Prof Professor Rev. Rev Sir Dame Lord Lady
    Baroness King Queen Prince Princess Pope Emir Sheikh Sheik Bishop Archbishop Cardinal Imam
    Rabbi Father Sister Brother""".split()
)
"""Forms of address, and ranks by birth or in a church."""

ROLES = frozenset("Coach Manager Leader Tory MP MEP MSP Ringleader".split())
"""Other roles the news names people by."""

TITLES = OFFICES | HONORIFICS | ROLES
"""Titles as written before a name."""

CABLE_TITLES = frozenset(
    """amb ambasador ambassador-designate charge chargé d'affaires daffaires dcm cda a/dcm dcm/cda
    cda/dcm minister-counselor mincouns couns polcouns econcouns polmincouns deppolcouns depecouns
    polcounselor econcounselor m/c pol/c econ/c a/pol a/econ poloff emboff econoff pol
    officer-in-charge rso pao deputy-director deputy-chief-of-mission assistant-secretary a/s aa/s
    u/s das pdas dustr dusr fm hq codel staffdel ministers senators deputies""".split()
)
"""The officials' titles of cable English, lower case."""



def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.rstrip(".").casefold() for w in words)


TITLE_WORDS = _folded(TITLES | CABLE_TITLES)
"""Every title word, case-folded and without a final full stop."""

OFFICIAL_TITLE_WORDS = _folded(OFFICES | CABLE_TITLES)
"""The words of an official's title (no honorifics or other roles: "Peter Lord" is a name)."""


def is_title(word: str) -> bool:
    """Whether `word` is a title word, whatever its case ("PRESIDENT", "Gen.", "poloff")."""
    return word.rstrip(".").casefold() in TITLE_WORDS
