"""One entity for all its names: within a document, and across documents by a canonical key.

`canonical_key(type, name)` depends on the name alone (and on tables shipped here), never on
other documents, so the store can merge entities across the archive by equal keys:

- organisations and groups with a short form (acronym) are keyed by it: `AQIM` and
  "al-Qaida in the Islamic Maghreb" are both `organization:aqim`; `AFRICOM`, `USAFRICOM` and
  "U.S. Africa Command" are `organization:africom`. The short forms come from `KNOWN` and from
  definitions the text gives ("known as AQIM", "Movement (MNLA)", "MNLA (Azawad ...)");
- people by their full name without titles, accents or case: `person:amadou-toumani-toure`;
  a surname alone joins the full name in the same document that ends with it ("Toure",
  "TOURE", "President Toure" -> the "Amadou Toumani Touré" named by "ATT"), else it is
  `person:toure`;
- places by their GeoNames name (`place:mali`, `place:tessalit-ml` for a city with its ISO
  country), groups by their singular demonym (`group:malian`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablewire.enrich.gazetteer import demonym_plurals, find_country, fold
from cablewire.enrich.model import EntityType
from cablewire.text.titles import is_title


@dataclass(frozen=True)
class Known:
    """An entity whose names the project knows in advance."""

    key: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    context: frozenset[str] = field(default_factory=frozenset)
    """ISO codes of countries a document must be about for the short aliases to apply."""


_ENTRIES = (
    Known(
        "person:amadou-toumani-toure",
        "person",
        "Amadou Toumani Touré",
        ("ATT", "Amadou Toumani Toure", "Amadou Toumani Touré", "Amadou Toumani TOURE"),
        frozenset({"ML"}),
    ),
    Known(
        "organization:aqim",
        "organization",
        "al-Qaida in the Islamic Maghreb",
        (
            "AQIM",
            "AQLIM",
            "AQMI",
            "al-Qaida in the Islamic Maghreb",
            "al-Qaeda in the Islamic Maghreb",
            "al Qaeda in the Islamic Maghreb",
            "al Qaida in the Islamic Maghreb",
            "Al-Qa'ida in the Islamic Maghreb",
            "al-Qaida in the Lands of the Islamic Maghreb",
            "al-Qaeda in the Lands of the Islamic Maghreb",
            "Al Qaeda in the Lands of the Islamic Maghreb",
        ),
    ),
    Known(
        "organization:tsctp",
        "organization",
        "Trans-Sahara Counterterrorism Partnership",
        (
            "TSCTP",
            "Trans Sahara Counterterrorism Partnership",
            "Trans-Sahara Counter-Terrorism Partnership",
            "Trans-Sahara Counter Terrorism Partnership",
            "Trans Sahara Counter Terrorism Partnership",
            "Trans-Saharan Counterterrorism Partnership",
        ),
    ),
    Known(
        "organization:mnla",
        "organization",
        "National Movement for the Liberation of Azawad",
        (
            "MNLA",
            "Azawad National Liberation Movement",
            "National Movement for the Liberation of Azawad",
            "Mouvement National pour la Libération de l'Azawad",
            "Mouvement national de libération de l'Azawad",
        ),
    ),
    Known(
        "organization:africom",
        "organization",
        "U.S. Africa Command",
        (
            "AFRICOM",
            "USAFRICOM",
            "U.S. Africa Command",
            "US Africa Command",
            "United States Africa Command",
            "Africa Command",
            "HQ USAFRICOM",
        ),
    ),
    Known(
        "organization:ecowas",
        "organization",
        "Economic Community of West African States",
        ("ECOWAS", "CEDEAO", "Economic Community of West African States", "ECOWAS COLLECTIVE"),
    ),
    Known("organization:au", "organization", "African Union", ("AU", "African Union")),
    Known("organization:eu", "organization", "European Union", ("EU", "EUN", "European Union")),
    Known("organization:un", "organization", "United Nations", ("UN", "U.N.", "United Nations")),
    Known(
        "organization:unga",
        "organization",
        "United Nations General Assembly",
        ("UNGA", "UN General Assembly", "U.N. General Assembly", "United Nations General Assembly"),
    ),
    Known(
        "organization:unhrc",
        "organization",
        "United Nations Human Rights Council",
        ("UNHRC", "UN Human Rights Council", "United Nations Human Rights Council"),
    ),
    Known(
        "organization:unsc",
        "organization",
        "United Nations Security Council",
        (
            "UNSC",
            "UN Security Council",
            "U.N. Security Council",
            "United Nations Security Council",
            "Security Council",
        ),
    ),
    Known(
        "organization:nato",
        "organization",
        "North Atlantic Treaty Organization",
        ("NATO", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    ),
    Known(
        "organization:osce",
        "organization",
        "Organization for Security and Co-operation in Europe",
        ("OSCE", "Organization for Security and Co-operation in Europe",
         "Organization for Security and Cooperation in Europe"),
    ),
    Known(
        "organization:oas",
        "organization",
        "Organization of American States",
        ("OAS", "Organization of American States"),
    ),
    Known(
        "organization:wto",
        "organization",
        "World Trade Organization",
        ("WTO", "World Trade Organization"),
    ),
    Known(
        "organization:mtcr",
        "organization",
        "Missile Technology Control Regime",
        ("MTCR", "MTCRE", "Missile Technology Control Regime"),
    ),
    Known(
        "organization:iaea",
        "organization",
        "International Atomic Energy Agency",
        ("IAEA", "International Atomic Energy Agency"),
    ),
    Known(
        "organization:imf",
        "organization",
        "International Monetary Fund",
        ("IMF", "International Monetary Fund"),
    ),
    Known(
        "organization:cia",
        "organization",
        "Central Intelligence Agency",
        ("CIA", "Central Intelligence Agency", "CIA WASHDC"),
    ),
    Known(
        "organization:fbi",
        "organization",
        "Federal Bureau of Investigation",
        ("FBI", "Federal Bureau of Investigation"),
    ),
    Known(
        "organization:usaid",
        "organization",
        "U.S. Agency for International Development",
        (
            "USAID",
            "U.S. Agency for International Development",
            "United States Agency for International Development",
        ),
    ),
    Known(
        "organization:state-department",
        "organization",
        "U.S. Department of State",
        (
            "State Department",
            "Department of State",
            "U.S. Department of State",
            "US Department of State",
            "SECSTATE",
            "SECSTATE WASHDC",
            "DOS",
        ),
    ),
    Known(
        "organization:dod",
        "organization",
        "U.S. Department of Defense",
        (
            "DOD",
            "DoD",
            "Department of Defense",
            "Defense Department",
            "Pentagon",
            "SECDEF",
            "SECDEF WASHDC",
            "U.S. Department of Defense",
        ),
    ),
    Known(
        "organization:usg",
        "organization",
        "U.S. Government",
        ("USG", "U.S. Government", "US Government", "United States Government"),
    ),
    Known(
        "organization:gspc",
        "organization",
        "Salafist Group for Preaching and Combat",
        ("GSPC", "Salafist Group for Preaching and Combat", "Salafist Group for Call and Combat"),
    ),
    Known(
        "organization:ofac",
        "organization",
        "Office of Foreign Assets Control",
        ("OFAC", "Office of Foreign Assets Control"),
    ),
    Known(
        "organization:mfa",
        "organization",
        "Ministry of Foreign Affairs",
        ("MFA", "Ministry of Foreign Affairs", "Foreign Ministry"),
    ),
)

KNOWN: dict[str, Known] = {}
"""Every alias of `_ENTRIES` as written, and folded."""
for _entry in _ENTRIES:
    for _alias in (_entry.name, *_entry.aliases):
        KNOWN.setdefault(_alias, _entry)
        KNOWN.setdefault(fold(_alias), _entry)

_PARTICLES = frozenset("de da van von bin al der la le du dos del di ibn ben el ould ag".split())


def lookup_known(text: str, context: frozenset[str] = frozenset()) -> Known | None:
    """The known entity `text` names, when the document's countries allow it."""
    known = KNOWN.get(text) or (KNOWN.get(fold(text)) if " " in text.strip() else None)
    if known is None and text.isupper() and len(text) > 3:
        known = KNOWN.get(fold(text))
    if known is None:
        return None
    short = text.strip() not in (known.name,) and " " not in text.strip()
    if known.context and short and not (known.context & context):
        return None
    return known


def split_title(name: str) -> tuple[list[str], str]:
    """Leading titles and roles, and the bare name: "State Department spokeswoman Victoria
    Nuland" -> (["spokeswoman"], "Victoria Nuland");
    "President Toure" -> (["President"], "Toure")."""
    words = name.split()
    last_title = -1
    for i, w in enumerate(words[:-1]):
        if is_title(w):
            last_title = i
    if last_title < 0:
        return [], name
    titles, run = [], []
    for w in words[: last_title + 1]:
        if is_title(w):
            run.append(w)
        elif run:
            titles.append(" ".join(run))
            run = []
    if run:
        titles.append(" ".join(run))
    return titles, " ".join(words[last_title + 1 :])


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def canonical_key(type_: EntityType, name: str, context: frozenset[str] = frozenset()) -> str:
    """The key that names one entity across the archive (see the module docstring)."""
    known = lookup_known(name, context)
    if known is not None:
        return known.key
    if type_ == "place":
        country = find_country(name)
        if country is not None:
            return "place:" + slug(country.name)
        return "place:" + slug(name)
    if type_ == "group":
        singular = demonym_plurals().get(name.strip(), name.strip())
        return "group:" + slug(singular)
    if type_ == "person":
        _titles, bare = split_title(name)
        return "person:" + slug(bare)
    return "organization:" + slug(re.sub(r"^(?:the|The)\s+", "", name))


def person_tokens(name: str) -> list[str]:
    """Folded name words of a person, particles kept: "Amadou Toumani Touré" -> [amadou, ...]."""
    return [fold(w) for w in split_title(name)[1].split() if w]


def surname_of(name: str) -> str:
    tokens = person_tokens(name)
    return tokens[-1] if tokens else ""
