"""TO, INFO and XMT addressees in every routing shape (made-up examples in the style of the
release), read by `parse_routing_header` and, where the split matters, by `read_cable`."""

from __future__ import annotations

from typing import Any

from cablewire.formats.cable.reader import read_cable
from cablewire.formats.cable.telegram import read_telegram
from cablewire.formats.cable.telegram_header import parse_recipient, parse_routing_header


def _r(name: str, route: str | None = None, precedence: str | None = None,
       serial: str | None = None, excluded: list[str] | None = None) -> dict[str, Any]:
    return {"route": route, "name": name, "precedence": precedence, "serial": serial,
            "excluded": excluded or []}


def _head(text: str) -> Any:
    return parse_routing_header(text.split("\n"))


def test_routed_addressees_with_precedence_and_serial_each() -> None:
    head = _head("O 041530Z MAR 09\nFM AMEMBASSY OSLO\n"
                 "TO RUEHC/SECSTATE WASHDC IMMEDIATE 2231\n"
                 "RUEHSM/AMEMBASSY STOCKHOLM NIACT IMMEDIATE 0917\n"
                 "INFO RUEHCP/AMEMBASSY COPENHAGEN PRIORITY\n"
                 "RUEHHE/AMEMBASSY HELSINKI 0304\n"
                 "RUEKJCS/SECDEF WASHDC")
    assert head.precedence == "IMMEDIATE"
    assert head.recipients == [
        _r("SECSTATE WASHDC", "RUEHC", "IMMEDIATE", "2231"),
        _r("AMEMBASSY STOCKHOLM", "RUEHSM", "NIACT IMMEDIATE", "0917"),
    ]
    # the DTG's precedence is the message's: an addressee without one gets none
    assert head.info_recipients == [
        _r("AMEMBASSY COPENHAGEN", "RUEHCP", "PRIORITY"),
        _r("AMEMBASSY HELSINKI", "RUEHHE", serial="0304"),
        _r("SECDEF WASHDC", "RUEKJCS"),
    ]


def test_addressees_without_routing_indicators_in_an_old_header() -> None:
    head = _head("P R 031200Z MAR 67\nFM AMEMBASSY LISBON\nTO SECSTATE WASHDC PRIORITY 1234\n"
                 "INFO USCINCEUR\nCINCLANTFLT\nAMEMBASSY MADRID 88\nAMEMBASSY LONDON 456\n"
                 "STATE GRNC")
    assert head.recipients == [_r("SECSTATE WASHDC", precedence="PRIORITY", serial="1234")]
    assert head.info_recipients == [
        _r("USCINCEUR"), _r("CINCLANTFLT"),
        _r("AMEMBASSY MADRID 88"),  # two digits are part of a name, not a serial
        _r("AMEMBASSY LONDON", serial="456"), _r("STATE GRNC"),
    ]


def test_state_addressees_and_collectives_without_routing_indicators() -> None:
    head = _head("FM SECSTATE WASHDC\nTO ALL AFRICAN DIPLOMATIC POSTS IMMEDIATE\n"
                 "AMEMBASSY LUANDA IMMEDIATE 4410\n"
                 "INFO RUEHZO/AFRICAN UNION COLLECTIVE\nUSMISSION USUN NEW YORK PRIORITY")
    assert head.recipients == [
        _r("ALL AFRICAN DIPLOMATIC POSTS", precedence="IMMEDIATE"),
        _r("AMEMBASSY LUANDA", precedence="IMMEDIATE", serial="4410"),
    ]
    assert head.info_recipients == [
        _r("AFRICAN UNION COLLECTIVE", "RUEHZO"),
        _r("USMISSION USUN NEW YORK", precedence="PRIORITY"),
    ]


def test_names_and_routing_indicators_with_digits() -> None:
    head = _head("TO RUEHC/SECSTATE WASHDC 0101\nINFO RUEUIKA/DET 4 12OG KARACHI PK\n"
                 "RUMJ4AA/USDAO OSLO NO PRIORITY 0042\nRHMFIUU/52FW SPANGDAHLEM AB GE")
    assert head.info_recipients == [
        _r("DET 4 12OG KARACHI PK", "RUEUIKA"),
        _r("USDAO OSLO NO", "RUMJ4AA", "PRIORITY", "0042"),
        _r("52FW SPANGDAHLEM AB GE", "RHMFIUU"),
    ]


def test_office_symbols_stay_in_the_name_and_empty_ones_go() -> None:
    head = _head("TO RUEKJCS/JOINT STAFF WASHINGTON DC//J-2:JOC// IMMEDIATE\n"
                 "RHMFISS/CDR USEUCOM VAIHINGEN GE//ECJ5 PLANS (EP)//\n"
                 "RUEAIIA/CIA WASHINGTON DC// PRIORITY")
    assert head.recipients == [
        _r("JOINT STAFF WASHINGTON DC//J-2:JOC//", "RUEKJCS", "IMMEDIATE"),
        _r("CDR USEUCOM VAIHINGEN GE//ECJ5 PLANS (EP)//", "RHMFISS"),
        _r("CIA WASHINGTON DC", "RUEAIIA", "PRIORITY"),
    ]


def test_serial_ranges_and_the_zen_signal() -> None:
    head = _head("TO RUEHLI/AMEMBASSY LISBON NIACT IMMEDIATE 3301-3303\n"
                 "ZEN/AMEMBASSY LUANDA NIACT IMMEDIATE 1170-1172")
    assert head.recipients == [
        _r("AMEMBASSY LISBON", "RUEHLI", "NIACT IMMEDIATE", "3301-3303"),
        _r("AMEMBASSY LUANDA", "ZEN", "NIACT IMMEDIATE", "1170-1172"),
    ]


def test_xmt_exempts_names_from_the_collective_before_it() -> None:
    head = _head("FM AMEMBASSY VALLETTA\nTO RUEHC/SECSTATE WASHDC 0550\n"
                 "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE\nRUEHRO/AMEMBASSY ROME 0931\n"
                 "XMT AMEMBASSY VALLETTA\nAMCONSUL FLORENCE")
    assert head.recipients == [_r("SECSTATE WASHDC", "RUEHC", serial="0550")]
    assert head.info_recipients == [
        _r("EUROPEAN POLITICAL COLLECTIVE", "RUEHZL",
           excluded=["AMEMBASSY VALLETTA", "AMCONSUL FLORENCE"]),
        _r("AMEMBASSY ROME", "RUEHRO", serial="0931"),
    ]
    assert head.warnings == []


def test_xmt_with_a_slash_and_a_collective_in_the_to_list() -> None:
    head = _head("FM SECSTATE WASHDC\nTO ALL NEAR EAST POSTS COLLECTIVE PRIORITY\n"
                 "INFO AMCONSUL JEDDAH PRIORITY\nXMT/AMEMBASSY SANAA\nAMEMBASSY SANAA")
    assert head.recipients == [
        _r("ALL NEAR EAST POSTS COLLECTIVE", precedence="PRIORITY", excluded=["AMEMBASSY SANAA"])
    ]
    assert head.info_recipients == [_r("AMCONSUL JEDDAH", precedence="PRIORITY")]


def test_xmt_without_a_collective_is_dropped_with_a_warning() -> None:
    head = _head("FM AMEMBASSY SUVA\nTO SECSTATE WASHDC\nINFO XMT AMEMBASSY APIA")
    assert head.recipients == [_r("SECSTATE WASHDC")]
    assert head.info_recipients == []
    assert head.warnings == [
        "XMT exemption without a collective addressee before it: AMEMBASSY APIA"]


def test_wrapped_addressees_are_joined() -> None:
    head = _head("TO RUEHC/SECSTATE WASHDC\nIMMEDIATE 0710\n"
                 "INFO RUEHZG/NATO EU\nCOLLECTIVE PRIORITY\n"
                 "RUEHBS/\nUSEU BRUSSELS 0233\n"
                 "RUEKJCS/SECDEF\nWASHINGTON DC")
    assert head.recipients == [_r("SECSTATE WASHDC", "RUEHC", "IMMEDIATE", "0710")]
    assert head.info_recipients == [
        _r("NATO EU COLLECTIVE", "RUEHZG", "PRIORITY"),
        _r("USEU BRUSSELS", "RUEHBS", serial="0233"),
        _r("SECDEF WASHINGTON DC", "RUEKJCS"),
    ]


def test_a_complete_addressee_is_not_joined_to_the_next() -> None:
    head = _head("TO RUEHC/SECSTATE WASHDC PRIORITY 0710\nDIA WASHDC")
    assert head.recipients == [_r("SECSTATE WASHDC", "RUEHC", "PRIORITY", "0710"),
                               _r("DIA WASHDC")]


def test_keywords_alone_on_their_lines_and_lists_across_blank_lines() -> None:
    head = _head("FM AMEMBASSY RIGA\nTO\nRUEHC/SECSTATE WASHDC 0017\n\nINFO\n\n"
                 "RUEHTL/AMEMBASSY TALLINN 0005\n\nRUEHVL/AMEMBASSY VILNIUS 0006")
    assert head.recipients == [_r("SECSTATE WASHDC", "RUEHC", serial="0017")]
    assert head.info_recipients == [
        _r("AMEMBASSY TALLINN", "RUEHTL", serial="0005"),
        _r("AMEMBASSY VILNIUS", "RUEHVL", serial="0006"),
    ]


def test_page_headers_of_printed_copies_inside_a_list() -> None:
    head = _head("FM SECSTATE WASHDC\nTO PAGE 02        STATE   044120  221907Z\n"
                 "AMEMBASSY LIMA IMMEDIATE\n"
                 "INFO PAGE 03        STATE   044120  01 OF 02  221907Z\n"
                 "AMEMBASSY QUITO PRIORITY")
    assert head.recipients == [_r("AMEMBASSY LIMA", precedence="IMMEDIATE")]
    assert head.info_recipients == [_r("AMEMBASSY QUITO", precedence="PRIORITY")]


def test_office_distribution_of_state_copies_is_not_an_addressee_list() -> None:
    head = _head("INFO  LOG-00   AF-00    CIAE-00  DODE-00  EUR-00   INR-00\n"
                 "      SS-00    SSO-00     /002W\n"
                 "                  ------------------1A2B3C  101200Z /38\n"
                 "R 101150Z JAN 99\nFM AMEMBASSY ACCRA\nTO SECSTATE WASHDC 0123\n"
                 "INFO AMEMBASSY LOME")
    assert head.recipients == [_r("SECSTATE WASHDC", serial="0123")]
    assert head.info_recipients == [_r("AMEMBASSY LOME")]


def test_page_text_after_the_addressees_ends_the_list() -> None:
    head = _head("TO RUEHC/SECSTATE WASHDC 0880\nINFO RUEHBO/AMEMBASSY BOGOTA 0131\n"
                 "id: 123456\ndate: 4/5/2008 10:22\norigin: Embassy Quito\n"
                 "RUEHLP/AMEMBASSY LA PAZ 0077\n"
                 "----------------- header ends ----------------")
    assert head.info_recipients == [_r("AMEMBASSY BOGOTA", "RUEHBO", serial="0131")]


def test_banners_markers_and_titles_are_not_addressees() -> None:
    for line in ("E C R E T SECTION 01 OF 03 QUITO 000245", "UUNCLAS QUITO 000245",
                 "C O N F I D E N T I A L", "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
                 "SECRET//NOFORN", "SIPDIS", "SENSITIVE", "08QUITO245", "123456",
                 "2008-04-05 10:22:00", "Embassy Quito", "DEPT FOR WHA/AND",
                 "STATE FOR EUR/CE, EUR/RPM", "ECUADOR'S 2008 BUDGET OUTLINED",
                 "QUITO OPEN TO TALKS AGAINST ALL ODDS", "1. (C) SUMMARY: THE MINISTER SAID",
                 "QUITO 00000245 002 OF 003"):
        assert parse_recipient(line) is None, line
    assert parse_recipient("US SECRET SERVICE WASHDC PRIORITY") == _r(
        "US SECRET SERVICE WASHDC", precedence="PRIORITY")


def test_a_cell_boundary_of_an_export_ends_the_list_after_its_addressee() -> None:
    head = _head('TO RUEHC/SECSTATE WASHDC 0301\nINFO RUEHGV/USMISSION GENEVA 0170\\\n'
                 'RHEHNSC/NSC WASHDC PRIORITY","C O N F I D E N T I A L BERN 000301\n'
                 "RUEHFR/AMEMBASSY PARIS 0044")
    assert head.info_recipients == [_r("USMISSION GENEVA", "RUEHGV", serial="0170"),
                                    _r("NSC WASHDC", "RHEHNSC", "PRIORITY")]


def test_the_header_of_every_section_names_an_addressee_once() -> None:
    section = ("VZCZCXRO0001\nRR RUEHWEB\nDE RUEHOS #0412/0{n} 0631200\nZNY CCCCC ZZH\n"
               "R 041200Z MAR 09\nFM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC 080{n}\n"
               "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE\nXMT AMEMBASSY REYKJAVIK")
    head = _head("\n".join(section.format(n=n) for n in (1, 2)))
    assert head.recipients == [_r("SECSTATE WASHDC", "RUEHC", serial="0801")]
    assert head.info_recipients == [
        _r("EUROPEAN POLITICAL COLLECTIVE", "RUEHZL", excluded=["AMEMBASSY REYKJAVIK"])]


def test_no_addressee_takes_in_the_body_of_a_run_together_copy() -> None:
    cable = read_cable(
        "P 150900Z NOV 05\nFM AMEMBASSY SOFIA\nTO SECSTATE WASHDC PRIORITY 4401\n"
        "INFO AMEMBASSY BUCHAREST PRIORITY\nAMEMBASSY SKOPJE\n"
        "Cable dated:2005-11-15T09:00:00C O N F I D E N T I A L SOFIA 002001SIPDIS\n\n"
        "1. (C) SUMMARY. THE GOVERNMENT WILL PRESS AHEAD WITH THE REFORM.\n\n"
        "2. (C) DEPUTY MINISTER PETROV TOLD US ON NOVEMBER 14 THAT THE BUDGET\n"
        "WOULD PASS.")
    assert cable.recipients == [_r("SECSTATE WASHDC", precedence="PRIORITY", serial="4401")]
    assert cable.info_recipients == [_r("AMEMBASSY BUCHAREST", precedence="PRIORITY"),
                                     _r("AMEMBASSY SKOPJE")]


def test_a_routing_header_below_the_office_distribution_is_read() -> None:
    tg = read_telegram(
        "CONFIDENTIAL\n\nPAGE 01        OSLO   01234  01 OF 02  011210Z\nACTION EUR-00\n\n"
        "INFO  LOG-00   INR-05   SS-00    CIAE-00  /012 W\n"
        "                  ------------------4D5E6F  011215Z /38\n"
        "R 011150Z MAR 88\nFM AMEMBASSY OSLO\nTO SECSTATE WASHDC 4321\n"
        "INFO AMEMBASSY STOCKHOLM\nAMEMBASSY COPENHAGEN\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 OSLO 01234\n\nE.O. 12356: DECL: OADR\n"
        "TAGS: PREL NO\nSUBJECT: NORWAY AND THE ALLIANCE\n\n1. THE GOVERNMENT IS FIRM.")
    assert tg.header.date_time_group == "011150Z MAR 88"
    assert tg.header.sender == "AMEMBASSY OSLO"
    assert tg.header.recipients == [_r("SECSTATE WASHDC", serial="4321")]
    assert tg.header.info_recipients == [_r("AMEMBASSY STOCKHOLM"), _r("AMEMBASSY COPENHAGEN")]
    assert not any(line.startswith(("FM ", "TO ")) for line in tg.body_lines)


def test_fm_in_the_body_text_does_not_open_a_header() -> None:
    tg = read_telegram(
        "R 011150Z MAR 88\nFM AMEMBASSY OSLO\nTO SECSTATE WASHDC 4321\n"
        "C O N F I D E N T I A L OSLO 01234\n\nSUBJECT: TALKS\n\n"
        "1. THE MINISTER SPOKE AT LENGTH.\n"
        "FM STOLTENBERG SAID HE WOULD\nTRAVEL TO BONN NEXT WEEK.")
    assert tg.header.recipients == [_r("SECSTATE WASHDC", serial="4321")]
    assert "FM STOLTENBERG SAID HE WOULD" in tg.body_lines
