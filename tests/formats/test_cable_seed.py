"""The seed cable 09BAMAKO387 gives exactly the values the project was started with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cablewire


@pytest.fixture(scope="module")
def seed(seed_cable_path: Path) -> dict[str, Any]:
    [cable] = cablewire.parse_file(seed_cable_path)
    return cable.to_dict()


def test_identity_fields(seed: dict[str, Any]) -> None:
    assert seed["kind"] == "cable"
    assert seed["id"] == "09BAMAKO387"
    assert seed["created"] == "2009-06-12T11:16:00"
    assert seed["released"] is None
    assert seed["classification"] == "CONFIDENTIAL"
    assert seed["origin"] == "Embassy Bamako"
    assert seed["subject"] == "PRESIDENT TOURE READY TO TARGET AQIM, WITH HELP"
    assert seed["title"] == "President Toure Ready to Target AQIM, with Help"
    assert seed["tags"] == ["PTER", "PREL", "PGOV", "PINS", "PINR", "ASEC", "ML"]
    assert seed["source"]["form"] == "cable-page-text"


def test_routing_header(seed: dict[str, Any]) -> None:
    assert seed["transmission_id"] == "VZCZCXRO7559"
    assert seed["precedence"] == "ROUTINE"
    assert seed["date_time_group"] == "121116Z JUN 09"
    assert seed["date_time_group_utc"] == "2009-06-12T11:16:00Z"
    assert seed["sender"] == "AMEMBASSY BAMAKO"
    assert seed["recipients"] == [
        {"route": "RUEHC", "name": "SECSTATE WASHDC", "precedence": None, "serial": "0456",
         "excluded": []}
    ]
    assert seed["info_recipients"] == [
        {"route": "RUEHZK", "name": "ECOWAS COLLECTIVE", "precedence": None, "serial": None,
         "excluded": []},
        {"route": "RUEHAS", "name": "AMEMBASSY ALGIERS", "precedence": None, "serial": "0655",
         "excluded": []},
        {"route": "RHMFISS", "name": "HQ USAFRICOM STUTTGART GE", "precedence": None,
         "serial": None, "excluded": []},
        {"route": "RUEAIIA", "name": "CIA WASHDC", "precedence": None, "serial": None,
         "excluded": []},
    ]


def test_classification_block(seed: dict[str, Any]) -> None:
    assert seed["references"] == ["09BAMAKO186"]
    assert seed["other_references"] == []
    assert seed["classified_by"] == "Gillian Milovanovic"
    assert seed["classifier_title"] == "Ambassador"
    assert seed["classification_reasons"] == ["1.4(b)", "1.4(d)"]
    assert seed["declassify_on"] == "2019-06-10"
    assert seed["executive_order"] == "E.O. 12958"
    assert seed["signers"] == ["MILOVANOVIC"]
    assert seed["sections"] == 4


def test_paragraphs(seed: dict[str, Any]) -> None:
    paragraphs = seed["paragraphs"]
    assert [p["number"] for p in paragraphs] == list(range(1, 11))
    assert {p["marking"] for p in paragraphs} == {"C"}
    assert paragraphs[1]["heading"] == "AQIM Destroying Mali's Model Image"
    assert paragraphs[9]["heading"] == "Comment: An Isolated President"
    assert paragraphs[9]["text"].startswith("Throughout the meeting, President Toure returned")
    assert paragraphs[9]["text"].endswith("speed AQIM's exit from northern Mali.")


def test_summary_and_comment(seed: dict[str, Any]) -> None:
    summary = seed["summary"]
    assert summary.startswith("Ambassador Milovanovic met with President Toure for one hour")
    assert summary.endswith("help to actually move on AQIM.")
    assert "End Summary" not in summary and "Summary:" not in summary
    assert seed["comment"] == seed["paragraphs"][9]["text"]


def test_body_is_clean(seed: dict[str, Any]) -> None:
    body = seed["body"]
    assert body.count("E.O. 12958: DECL: 06/10/2019") == 1
    assert body.count("SUBJECT: PRESIDENT TOURE") == 1
    assert "00000387 002 OF 004" not in body and "OF 004" not in body
    assert "SIPDIS" not in body
    assert "for reasons 1.4 (b) and (d)." in body
    assert "In another part of the conversation ATT remarked" in body
    assert '"AQIM are not choir boys."' in body
    assert "\n\n2.(C) The Ambassador gave President Toure" in body
    assert body.endswith("MILOVANOVIC")
    assert "pdf" not in body and "VZCZC" not in body
    assert seed["warnings"] == []
