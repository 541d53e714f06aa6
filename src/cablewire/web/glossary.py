"""How to read a cable: short explanations of its jargon, for the "how to read this" notes.

Routing indicators come from the bundled `routing-indicators.csv`; TAGS codes are known to be
subject or organisation tags from the bundled lists, and the meanings below cover the codes most
used in the release (the others are shown as codes with their kind). The entity-enrichment stage
may later give fuller meanings; this module is the web layer's own short reference.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

JARGON: dict[str, str] = {
    "SIPDIS": "SIPDIS: 'SIPRNet distribution'. The cable was cleared for the Secret Internet "
              "Protocol Router Network, where it could be read across agencies; that is how it "
              "reached the 2010 release.",
    "E.O.": "Executive order under which the cable was classified. E.O. 12958 (1995, amended "
            "2003) set the rules for the cables of the release; E.O. 13526 replaced it from 2010.",
    "DECL": "DECL: the date on which the classification lapses and the cable may be "
            "declassified.",
    "TAGS": "TAGS: the State Department's filing codes: subject (e.g. PTER, terrorism), "
            "organisation (e.g. NATO) and country (e.g. ML, Mali) codes.",
    "REF": "REF: earlier messages this cable answers or cites, lettered A, B, C... and "
           "referred to in the text as 'Ref A'.",
    "SUBJECT": "SUBJECT: the cable's title as its drafter wrote it, in capitals.",
    "Classified By": "Who classified the cable, their title, and the reasons of the executive "
                     "order that apply.",
    "reasons": "Classification reasons of E.O. 12958 section 1.4: (a) military plans, weapons or "
               "operations; (b) foreign government information; (c) intelligence activities, "
               "sources or methods; (d) foreign relations or foreign activities of the United "
               "States, including confidential sources; (e) scientific, technological or "
               "economic matters relating to national security; (f) programs for safeguarding "
               "nuclear materials; (g) vulnerabilities of systems, installations or plans; "
               "(h) weapons of mass destruction. Section 1.5 in the 1995 text.",
    "precedence": "Precedence: how fast the message had to be handled. ROUTINE (normal), "
                  "PRIORITY (before routine traffic), IMMEDIATE (as soon as possible, minutes), "
                  "FLASH (at once, ahead of everything); NIACT means 'night action': wake the "
                  "addressee.",
    "DTG": "Date-time group: day, hour and minute, Z for Zulu (UTC), month and year, e.g. "
           "121116Z JUN 09 is 12 June 2009 at 11:16 UTC. It also identifies the message.",
    "marking": "Paragraph marking: the classification of that paragraph alone.",
    "route": "Routing indicator: the address of a station in the military and diplomatic "
             "telecommunications network (RUEH... for State Department posts).",
    "transmission": "Transmission identifier: the relay station's serial for the message.",
    "sections": "Long telegrams were sent in numbered sections; the release joins them.",
}

REASONS: dict[str, str] = {
    "a": "military plans, weapons systems or operations",
    "b": "foreign government information",
    "c": "intelligence activities, sources or methods, or cryptology",
    "d": "foreign relations or foreign activities of the United States, including confidential "
         "sources",
    "e": "scientific, technological or economic matters relating to national security",
    "f": "programs for safeguarding nuclear materials or facilities",
    "g": "vulnerabilities or capabilities of systems, installations, projects or plans",
    "h": "weapons of mass destruction",
}

PRECEDENCE: dict[str, str] = {
    "ROUTINE": "ROUTINE: normal handling.",
    "PRIORITY": "PRIORITY: handled before routine traffic.",
    "IMMEDIATE": "IMMEDIATE: to be acted on as soon as possible.",
    "FLASH": "FLASH: delivered at once, ahead of all other traffic.",
    "NIACT IMMEDIATE": "NIACT IMMEDIATE: 'night action', to be acted on at once, even at night.",
}

MARKINGS: dict[str, str] = {
    "U": "Unclassified",
    "SBU": "Sensitive But Unclassified",
    "C": "Confidential",
    "S": "Secret",
    "TS": "Top Secret",
    "NF": "NOFORN: not releasable to foreign nationals",
    "REL": "Releasable to the countries named",
    "FGI": "Foreign government information",
}

SUBJECT_TAGS: dict[str, str] = {
    "AEMR": "Emergency planning and evacuation", "AFIN": "Financial management",
    "AMGT": "Management operations", "AORC": "International organisations and conferences",
    "APER": "Personnel", "ASEC": "Security (diplomatic security)", "CASC": "Assistance to citizens",
    "CMGT": "Consular management", "CVIS": "Visas", "EAGR": "Agriculture and forestry",
    "EAID": "Foreign economic assistance", "EAIR": "Civil aviation", "ECIN": "Economic integration",
    "ECON": "Economic conditions", "ECPS": "Communications and postal systems",
    "EFIN": "Financial and monetary affairs", "EFIS": "Fisheries", "EIND": "Industry",
    "EINV": "Foreign investment", "ELAB": "Labour", "ENRG": "Energy and power",
    "EPET": "Petroleum and natural gas", "ETRD": "Foreign trade",
    "ETTC": "Trade and technology controls", "EWWT": "Waterborne transportation",
    "KCOR": "Corruption", "KCRM": "Crime", "KDEM": "Democratisation", "KFRD": "Fraud",
    "KGHG": "Greenhouse gases", "KHIV": "HIV/AIDS", "KIPR": "Intellectual property rights",
    "KIRF": "International religious freedom", "KISL": "Islamic affairs",
    "KJUS": "Justice and law", "KMDR": "Media reaction", "KMPI": "Middle East Partnership "
    "Initiative", "KNNP": "Nuclear non-proliferation", "KPAL": "Palestinian affairs",
    "KPAO": "Public affairs office", "KPKO": "Peacekeeping operations",
    "KTFN": "Terrorism finance", "KTIP": "Trafficking in persons", "KWBG": "West Bank and Gaza",
    "KWMN": "Women's issues", "MARR": "Military and defence arrangements",
    "MASS": "Military assistance and sales", "MCAP": "Military capabilities",
    "MNUC": "Military nuclear applications", "MOPS": "Military operations",
    "OEXC": "Educational and cultural exchange", "OIIP": "International information programmes",
    "OVIP": "Visits of very important persons", "PARM": "Arms control and disarmament",
    "PBTS": "Boundaries and territorial sovereignty", "PGOV": "Internal governmental affairs",
    "PHUM": "Human rights", "PINR": "Intelligence", "PINS": "National security",
    "PREF": "Refugees", "PREL": "External political relations", "PTER": "Terrorism",
    "SCUL": "Cultural affairs", "SENV": "Environmental affairs", "SMIG": "Migration",
    "SNAR": "Narcotics", "SOCI": "Social conditions", "TBIO": "Biological and medical science",
    "TRGY": "Energy technology", "TSPA": "Space activities",
    "TSPL": "Science and technology policy",
}

ORGANIZATION_TAGS: dict[str, str] = {
    "EUN": "European Union", "EU": "European Union", "IAEA": "International Atomic Energy "
    "Agency", "MTCRE": "Missile Technology Control Regime", "NATO": "North Atlantic Treaty "
    "Organization", "OAS": "Organization of American States", "OSCE": "Organization for "
    "Security and Co-operation in Europe", "UN": "United Nations", "UNGA": "UN General Assembly",
    "UNSC": "UN Security Council", "UNHRC": "UN Human Rights Council", "WTO": "World Trade "
    "Organization", "ECOWAS": "Economic Community of West African States",
}

# Country tags are FIPS 10-4 codes (not ISO): ML is Mali, AG Algeria, NG Niger.
COUNTRY_TAGS: dict[str, str] = {
    "AE": "United Arab Emirates", "AF": "Afghanistan", "AG": "Algeria", "AJ": "Azerbaijan",
    "AL": "Albania", "AM": "Armenia", "AO": "Angola", "AR": "Argentina", "AS": "Australia",
    "AU": "Austria", "BA": "Bahrain", "BE": "Belgium", "BG": "Bangladesh", "BK": "Bosnia and "
    "Herzegovina", "BL": "Bolivia", "BM": "Burma", "BO": "Belarus", "BR": "Brazil",
    "BU": "Bulgaria", "CA": "Canada", "CD": "Chad", "CE": "Sri Lanka", "CG": "Congo "
    "(Kinshasa)", "CH": "China", "CI": "Chile", "CO": "Colombia", "CS": "Costa Rica",
    "CU": "Cuba", "CY": "Cyprus", "DA": "Denmark", "DR": "Dominican Republic", "EC": "Ecuador",
    "EG": "Egypt", "EI": "Ireland", "EN": "Estonia", "ER": "Eritrea", "ES": "El Salvador",
    "ET": "Ethiopia", "EZ": "Czech Republic", "FI": "Finland", "FR": "France", "GG": "Georgia",
    "GH": "Ghana", "GM": "Germany", "GR": "Greece", "GT": "Guatemala", "GV": "Guinea",
    "HA": "Haiti", "HO": "Honduras", "HR": "Croatia", "HU": "Hungary", "IC": "Iceland",
    "ID": "Indonesia", "IN": "India", "IR": "Iran", "IS": "Israel", "IT": "Italy",
    "IV": "Cote d'Ivoire", "IZ": "Iraq", "JA": "Japan", "JO": "Jordan", "KE": "Kenya",
    "KN": "North Korea", "KS": "South Korea", "KU": "Kuwait", "KV": "Kosovo",
    "KZ": "Kazakhstan", "LE": "Lebanon", "LG": "Latvia", "LH": "Lithuania", "LI": "Liberia",
    "LY": "Libya", "MA": "Madagascar", "MD": "Moldova", "MK": "Macedonia", "ML": "Mali",
    "MO": "Morocco", "MR": "Mauritania", "MU": "Oman", "MX": "Mexico", "MY": "Malaysia",
    "NG": "Niger", "NI": "Nigeria", "NL": "Netherlands", "NO": "Norway", "NP": "Nepal",
    "NU": "Nicaragua", "NZ": "New Zealand", "PE": "Peru", "PK": "Pakistan", "PL": "Poland",
    "PM": "Panama", "PO": "Portugal", "QA": "Qatar", "RO": "Romania", "RP": "Philippines",
    "RS": "Russia", "RW": "Rwanda", "SA": "Saudi Arabia", "SF": "South Africa", "SG": "Senegal",
    "SN": "Singapore", "SO": "Somalia", "SP": "Spain", "SU": "Sudan", "SW": "Sweden",
    "SY": "Syria", "SZ": "Switzerland", "TH": "Thailand", "TS": "Tunisia", "TU": "Turkey",
    "TW": "Taiwan", "TZ": "Tanzania", "UG": "Uganda", "UK": "United Kingdom", "UP": "Ukraine",
    "US": "United States", "UV": "Burkina Faso", "UY": "Uruguay", "UZ": "Uzbekistan",
    "VE": "Venezuela", "VM": "Vietnam", "VT": "Holy See", "YM": "Yemen", "ZI": "Zimbabwe",
}


@lru_cache(maxsize=1)
def routing_indicators() -> dict[str, str]:
    """Routing indicator -> station, from the bundled table."""
    raw = resources.files("cablewire.data").joinpath("routing-indicators.csv").read_bytes()
    text = raw.decode("utf-8", errors="replace")
    out: dict[str, str] = {}
    for row in csv.reader(text.splitlines()):
        if len(row) >= 2 and row[0].strip():
            out.setdefault(row[0].strip().upper(), row[1].strip())
    return out


@lru_cache(maxsize=1)
def _tag_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = resources.files("cablewire.data")

    def read(name: str) -> frozenset[str]:
        lines = data.joinpath(name).read_bytes().decode("utf-8", "replace").splitlines()
        return frozenset(line.strip().upper() for line in lines
                         if line.strip() and not line.startswith("#"))

    return read("subject-tags.txt"), read("organization-tags.txt")


def station_for(route: str | None) -> str | None:
    """The station a routing indicator addresses, when the table knows it."""
    if not route:
        return None
    return routing_indicators().get(route.strip().upper())


def explain_tag(tag: str) -> tuple[str, str | None]:
    """(kind of tag, meaning or None) for a TAGS code."""
    code = tag.strip().upper()
    if code in COUNTRY_TAGS:
        return "country", COUNTRY_TAGS[code]
    if code in SUBJECT_TAGS:
        return "subject", SUBJECT_TAGS[code]
    if code in ORGANIZATION_TAGS:
        return "organisation", ORGANIZATION_TAGS[code]
    subjects, organizations = _tag_lists()
    if code in subjects:
        return "subject", None
    if code in organizations:
        return "organisation", None
    if len(code) == 2:
        return "country", None
    return "person or programme", None


def explain_marking(marking: str | None) -> str:
    """Plain words for a paragraph marking such as C, SBU or S//NF."""
    if not marking:
        return "No marking"
    parts = [p for p in re.split(r"[/\s-]+", marking.upper()) if p]
    words = [MARKINGS.get(p, p) for p in parts]
    return "Paragraph marking: " + "; ".join(words)


def explain_reason(reason: str) -> str:
    """Plain words for a classification reason such as 1.4(b)."""
    m = re.search(r"\(([a-h])\)", reason.lower())
    if m:
        return f"{reason}: {REASONS[m.group(1)]}"
    return reason


_MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}


def explain_dtg(dtg: str | None) -> str:
    """The date-time group read aloud: '121116Z JUN 09' -> 'day 12, 11:16 UTC, June 2009'."""
    if not dtg:
        return JARGON["DTG"]
    m = re.fullmatch(r"\s*(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2,4})\s*", dtg.upper())
    if not m or m.group(4) not in _MONTHS:
        return JARGON["DTG"]
    day, hour, minute, month, year = m.groups()
    full_year = year if len(year) == 4 else ("20" if int(year) < 50 else "19") + year
    names = ("January February March April May June July August September October "
             "November December").split()
    return (f"Date-time group {dtg}: day {int(day)}, {hour}:{minute} Zulu (UTC), "
            f"{names[_MONTHS[month] - 1]} {full_year}.")
