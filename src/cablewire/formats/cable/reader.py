"""The cable format: cable pages (HTML and copied text), raw telegrams and the CSV dump.

The form is found from the content. Every form ends in the same place: page metadata (when
there is a page) plus the telegram's own text, read by `cablewire.formats.cable.telegram` and
`cablewire.formats.cable.paragraphs`, assembled here into one `Cable`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cablewire.formats.base import Input
from cablewire.formats.cable.banner import release_classification
from cablewire.formats.cable.classified_by import parse_classified_by
from cablewire.formats.cable.copy_header import CopyHeader, read_dump_row
from cablewire.formats.cable.csv_dump import looks_like_csv_dump, read_csv_dump
from cablewire.formats.cable.page import PageMeta, read_html_page, read_text_page
from cablewire.formats.cable.paragraphs import read_body
from cablewire.formats.cable.site_text import clean_site_text
from cablewire.formats.cable.tags import parse_tags
from cablewire.formats.cable.telegram import BANNER, copy_header_of, read_telegram
from cablewire.formats.cable.telegram_id import disagreement, id_from_page, id_from_telegram
from cablewire.hookspecs import hookimpl
from cablewire.model.calendar import cable_year
from cablewire.model.document import Cable, Document
from cablewire.text.casing import titlecase
from cablewire.text.mojibake import repair_mojibake

_SNIFF_CHUNK = 20_000
# Lines a telegram has. Leading space is matched within the line: a `^\s*` would run on over
# the blank lines below from every one of them (quadratic time), and finds the same lines.
_TELEGRAM_MARKS = (
    re.compile(r"^[^\S\n]*E\.?\s?O\.?\s*1\d{4}\b", re.M),
    re.compile(r"^[^\S\n]*TAGS?\s*:", re.M),
    re.compile(r"^[^\S\n]*SUBJ(?:ECT)?\s*:", re.M),
    re.compile(r"^[^\S\n]*VZCZC", re.M),
    re.compile(r"^[^\S\n]*FM\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL|AMEMB)", re.M),
    re.compile(r"^[^\S\n]*Classified\s+By\s*:", re.M | re.I),
    re.compile(r"^[^\S\n]*[ZOPR]\s+\d{6}Z\s+[A-Z]{3}\s+\d{2}", re.M),
)
_FIRST_PARAGRAPH = re.compile(r"^[^\S\n]*(?:¶[^\S\n]*)?1[^\S\n]*[.)]")
_ORIGIN_PREFIXES = {
    "AMEMBASSY": "Embassy",
    "AMCONSUL": "Consulate",
    "USMISSION": "Mission",
}
# Posts the release names in its own way, by their FM line: the origins of its cable pages that
# are no "Embassy ..." or "Consulate ..." (each page's list of origins), against the FM lines of
# the corpus pages that have them.
_RELEASE_ORIGINS = {
    "USMISSION USNATO": "Mission USNATO",
    "USMISSION USUN NEW YORK": "USUN New York",
    "USMISSION GENEVA": "US Mission Geneva",
    "USMISSION UNVIE VIENNA": "UNVIE",
    "USEU BRUSSELS": "USEU Brussels",
    "USINT HAVANA": "US Interests Section Havana",
    "RPO DUBAI": "Iran RPO Dubai",
    "IRAN RPO DUBAI": "Iran RPO Dubai",
    "AIT TAIPEI": "American Institute Taiwan, Taipei",
    "USDEL SECRETARY": "US Delegation, Secretary",
}
_OFFICE_DESIGNATOR = re.compile(r"[^\S\n]*//.*$")  # `USDEL SECRETARY//MEXICO//`


class CableFormat:
    """Cables in any of the forms they come in."""

    name = "cable"

    def sniff(self, item: Input) -> float:
        head = item.text[:_SNIFF_CHUNK]
        if _is_cable_html(item.text):
            return 0.95
        if looks_like_csv_dump(head):
            return 0.95
        marks = sum(1 for rx in _TELEGRAM_MARKS if rx.search(head))
        if re.match(r"^\s*(Identifier|Reference ID)\s*\n", head) or "\nCable title:" in head:
            return 0.9 if marks else 0.6
        if marks >= 2 or (marks == 1 and any(BANNER.match(ln) for ln in head.splitlines()[:60])):
            return 0.8
        return 0.0

    def parse(self, item: Input) -> Iterator[Document]:
        head = item.text[:_SNIFF_CHUNK]
        if _is_cable_html(item.text):
            meta, routing, body = read_html_page(item.text)
            yield build_cable(meta, routing + "\n" + body, item, "cable-html")
        elif looks_like_csv_dump(head):
            for row_no, meta, text, warnings in read_csv_dump(item.text):
                sub = Input(item.text, f"{item.path or '-'}#row={row_no}", item.warnings)
                cable = build_cable(meta, text, sub, "cable-csv")
                cable.warnings.extend(warnings)
                yield cable
        elif re.match(r"^\s*(Identifier|Reference ID)\s*\n", head) or "\nCable title:" in head:
            meta, text = read_text_page(item.text)
            yield build_cable(meta, text, item, "cable-page-text")
        else:
            yield build_cable(PageMeta(), item.text, item, "cable-telegram")


def read_cable(text: str, cable_id: str | None = None, source: str | None = None) -> Cable:
    """The cable in `text`, in whatever form it comes (a page, a bare telegram, a fragment of
    one), read as a cable without sniffing. `cable_id` is the id when it is known from outside
    the text (a file name, a list): it stands in for a page's metadata, and its year is the
    year of citations that give none."""
    item = Input(text, source)
    if _is_cable_html(text):
        meta, routing, body = read_html_page(text)
        return build_cable(meta, routing + "\n" + body, item, "cable-html")
    if re.match(r"^\s*(Identifier|Reference ID)\s*\n", text[:_SNIFF_CHUNK]):
        meta, telegram = read_text_page(text)
        return build_cable(meta, telegram, item, "cable-page-text")
    return build_cable(PageMeta(id=cable_id), text, item, "cable-telegram")


def _is_cable_html(text: str) -> bool:
    return "<table class='cable'>" in text or '<table class="cable">' in text


def build_cable(meta: PageMeta, text: str, item: Input, form: str) -> Cable:
    """Assemble a Cable from page metadata and the telegram text."""
    warnings = list(item.warnings)
    if meta.partial:
        warnings.append("partial extract: the full text of the original cable is not available")
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(f"repaired {repaired} mis-encoded character(s)")
    as_given = text
    text, site_warnings = clean_site_text(text, meta.id)
    warnings.extend(site_warnings)
    tg = read_telegram(text)
    warnings.extend(tg.warnings)
    body = read_body(tg.body_lines, tg.header_block)
    head = tg.header

    copy = CopyHeader() if meta.id and meta.created and meta.classification else tg.copy_header()
    if not (meta.created or copy.created or copy.id) and as_given != text:
        copy = copy_header_of(as_given)  # the site's lines, taken out of the text, date it
    if not (meta.id or meta.created or head.date_time_group_utc or copy.created):
        read_dump_row(as_given, copy)  # a bare text that dates itself nowhere at its top
    created = meta.created or copy.created or (head.date_time_group_utc or "")[:19] or None
    year = int(created[:4]) if created else None
    page_id = None
    if meta.id and meta.id.strip():
        page_id, notes = id_from_page(meta.id)
        warnings.extend(notes)
    if year is None and page_id and page_id[:2].isdigit():
        year = cable_year(int(page_id[:2]))  # the id's own year, for citations that give none
    if page_id is None and copy.id:
        page_id, notes = id_from_page(copy.id)  # a copied dump row's or record's own id
        warnings.extend(notes)
        if year is None and page_id[:2].isdigit():
            year = cable_year(int(page_id[:2]))
    mixed = disagreement(tg.banner_station, tg.banner_serial, head.sender, tg.de_serial)
    if mixed:
        warnings.append(mixed)
    cable_id = page_id
    if cable_id is None:
        found = id_from_telegram(
            tg.banner_station, tg.banner_serial, tg.banner_efto_spaced, head.sender, year,
            tg.declassify_on, tg.references(None, None).cables if year is None else None,
            "\n".join(tg.body_lines) if year is None else "")
        cable_id, year = found.id, found.year
        warnings.extend(found.warnings)
    if cable_id is None:
        warnings.append("no cable id found")
    refs = tg.references(year, cable_id)
    classifier = parse_classified_by(tg.classified_by_text)
    if tg.classified_by_text is None:
        classifier.name = _eo_classifier(tg.decl_text)
    tags, tag_warnings = parse_tags(tg.tags_text)
    warnings.extend(tag_warnings)
    tags = tags or meta.tags
    subject = tg.subject
    if subject is None:
        warnings.append("no subject line")
    if tg.header.date_time_group is None:
        warnings.append("no date-time group")
    if not body.paragraphs:
        warnings.append("empty body")
    if tg.classified_by_text and classifier.name is None:
        warnings.append("classified-by line without a name")
    if meta.created and head.date_time_group_utc and meta.created[:10] != (
        head.date_time_group_utc[:10]
    ):
        warnings.append("page date differs from the date-time group")
    return Cable(
        id=cable_id,
        created=created,
        released=meta.released,
        classification=meta.classification or copy.classification or release_classification(
            tg.banner_classification, tg.banner_caveat, tg.markers, _head_text(tg.body_lines)),
        markers=tg.markers,
        origin=meta.origin or _origin(head.sender),
        subject=subject,
        title=titlecase(subject or meta.title, body.text),
        tags=tags,
        transmission_id=head.transmission_id,
        precedence=head.precedence,
        date_time_group=head.date_time_group,
        date_time_group_utc=head.date_time_group_utc,
        sender=head.sender,
        recipients=head.recipients,
        info_recipients=head.info_recipients,
        references=refs.cables,
        other_references=refs.other,
        reference_items=refs.items,
        classified_by=classifier.name,
        classifier_title=classifier.title,
        classification_reasons=classifier.reasons,
        declassify_on=tg.declassify_on,
        executive_order=tg.executive_order,
        signers=body.signers,
        sections=tg.sections,
        summary=body.summary,
        comment=body.comment,
        header_block=body.header_block,
        paragraphs=body.paragraphs,
        trailer=body.trailer,
        body=body.text or None,
        source={"path": item.path, "form": form},
        warnings=warnings,
    )


def _eo_classifier(decl: str | None) -> str | None:
    """The classifier named in an old E.O. line: `GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`."""
    m = re.search(r"\(([A-Z][A-Za-z'\-]+, [A-Z][A-Za-z. ]+?)\)", decl or "")
    return m.group(1) if m else None


def _head_text(lines: list[str]) -> str:
    """The text of a telegram's top, to its first numbered paragraph, for its handling words."""
    out: list[str] = []
    for line in lines[:60]:
        if _FIRST_PARAGRAPH.match(line):
            break
        out.append(line)
    return "\n".join(out)[:4000]


def _origin(sender: str | None) -> str | None:
    """`AMEMBASSY BAMAKO` -> `Embassy Bamako`, `USMISSION USNATO` -> `Mission USNATO`, as the
    release names posts."""
    if not sender:
        return None
    if sender.startswith("SECSTATE"):
        return "Secretary of State"
    post = _OFFICE_DESIGNATOR.sub("", " ".join(sender.split()))
    if post in _RELEASE_ORIGINS:
        return _RELEASE_ORIGINS[post]
    first, _, rest = sender.partition(" ")
    if first in _ORIGIN_PREFIXES and rest:
        return f"{_ORIGIN_PREFIXES[first]} {rest.title()}"
    return None


@hookimpl
def cablewire_formats() -> list[CableFormat]:
    return [CableFormat()]
