"""Canonical cable ids: `cablewire.canonical_cable_id(text, year=None)`.

Canonical form: two-digit year + station (spaces removed, aliases resolved) + serial without
leading zeros. A citation without a year of its own takes the year of the citing cable.
"""

from __future__ import annotations

import pytest

import cablewire
from cablewire import canonical_cable_id


@pytest.mark.parametrize(
    ("text", "year", "want"),
    [
        # The examples of the issue.
        ("BAMAKO 00186", 2009, "09BAMAKO186"),
        ("06 TBILISI 2601", None, "06TBILISI2601"),
        ("2007 MANAGUA 2135", None, "07MANAGUA2135"),
        ("SECSTATE 74879", 2008, "08STATE74879"),
        ("'08 KABUL 123", None, "08KABUL123"),
        ("USUN NEW YORK 1234", 2008, "08USUNNEWYORK1234"),
        # The year: its own wins over the citing cable's; any spelling of it.
        ("06 TBILISI 2601", 2009, "06TBILISI2601"),
        ("'06 TBILISI 2601", None, "06TBILISI2601"),
        ("2009 BAMAKO 387", 1999, "09BAMAKO387"),
        ("99 PRETORIA 12315", None, "99PRETORIA12315"),
        ("66 STATE 106206", None, "66STATE106206"),
        ("BAMAKO 00186", "2009", "09BAMAKO186"),
        ("BAMAKO 00186", "'09", "09BAMAKO186"),
        ("BAMAKO 00186", 9, "09BAMAKO186"),
        ("STATE 106206", 1966, "66STATE106206"),
        # Stations of several words, and station aliases.
        ("NEW DELHI 9127", 2005, "05NEWDELHI9127"),
        ("CAPE TOWN 179", 2001, "01CAPETOWN179"),
        ("THE HAGUE 0268", 2009, "09THEHAGUE268"),
        ("RIO DE JANEIRO 12", 1966, "66RIODEJANEIRO12"),
        ("HONG KONG 1234", 2008, "08HONGKONG1234"),
        ("PORT-AU-PRINCE 2325", 2004, "04PORTAUPRINCE2325"),
        ("SECSTATE WASHDC 74879", 2008, "08STATE74879"),
        ("08 SECSTATE 74879", None, "08STATE74879"),
        ("USUN 1234", 2008, "08USUNNEWYORK1234"),
        ("08 USUN 720", None, "08USUNNEWYORK720"),
        ("USUN NEW YORK 00720", 2008, "08USUNNEWYORK720"),
        ("UNVIE 540", 2009, "09UNVIEVIENNA540"),
        ("MEXICO CITY 12", 2008, "08MEXICO12"),
        ("USNATO 35", 2010, "10USNATO35"),
        # Already compact, or half compact; case and spaces do not matter.
        ("09BAMAKO387", None, "09BAMAKO387"),
        ("09BAMAKO0387", None, "09BAMAKO387"),
        ("08SECSTATE74879", None, "08STATE74879"),
        ("09 BAMAKO 387", None, "09BAMAKO387"),
        ("10SHENYANG 003", None, "10SHENYANG3"),
        ("  bamako 00186 ", 2009, "09BAMAKO186"),
        ("state 106206", 1966, "66STATE106206"),
    ],
)
def test_canonical_cable_id(text: str, year: str | int | None, want: str) -> None:
    assert canonical_cable_id(text, year=year) == want


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("", None),
        ("hello", None),
        ("BAMAKO", 2009),
        ("186", 2009),
        ("BAMAKO 00186", None),  # no year anywhere: cannot be made canonical
        ("9 BAMAKO 387", None),  # a one-digit year is not a year
        ("FOO 123", 2009),  # not a station
        ("E-MAIL 12", 2009),
        ("PARA 3", 2009),
        ("NOTAL 12", 2008),
        ("MYRIAD 123", 2009),
        ("1.4 (b)", 2009),
        ("IIR 6 809 0235 03", 2004),
        ("TD-314/09169-05", 2005),
        ("SAINZ E-MAIL", 2004),
        ("EMBASSY VIENNA 1450", 2009),
    ],
)
def test_not_a_cable_id(text: str, year: int | None) -> None:
    assert canonical_cable_id(text, year=year) is None


@pytest.mark.parametrize(
    "text", ["08 PARA 3", "2008 PARAGRAPH 12", "06 REFTEL 12", "09 XXXXXXXXXXXX 167"]
)
def test_explicit_year_does_not_make_a_noise_word_a_station(text: str) -> None:
    assert canonical_cable_id(text) is None


def test_serial_zero_is_not_a_cable() -> None:
    assert canonical_cable_id("BAMAKO 0", year=2009) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [("08 HAGUE 468", "08THEHAGUE468"), ("05 CASA 1220", "05CASABLANCA1220")],
)
def test_short_station_names_found_in_ref_lines(text: str, want: str) -> None:
    assert canonical_cable_id(text) == want


def test_is_part_of_the_public_api() -> None:
    assert "canonical_cable_id" in cablewire.__all__
    assert cablewire.canonical_cable_id is canonical_cable_id


@pytest.mark.parametrize("value", ["BAMAKO 00186", "09BAMAKO387", "", "x" * 10_000, "0" * 500])
@pytest.mark.parametrize("year", [None, 2009, "2009", "'09", "", "not a year"])
def test_never_raises(value: str, year: str | int | None) -> None:
    result = canonical_cable_id(value, year=year)
    assert result is None or isinstance(result, str)
