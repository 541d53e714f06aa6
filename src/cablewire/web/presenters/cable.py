"""A cable laid out for reading: its header lines with the jargon explained, its paragraphs with
their markings and headings, REF citations linked, and the notes a reader needs.

Everything here builds `Markup` from escaped pieces: the document's text is never trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from cablewire.model.ids import canonical_cable_id
from cablewire.model.jargon import (
    JARGON,
    PRECEDENCE,
    explain_dtg,
    explain_marking,
    explain_reason,
    station_for,
    tag_label,
)
from cablewire.web.presenters.entity_links import (
    Mention,
    entity_link,
    index_mentions,
    link_entities,
    named_entities,
)
from cablewire.web.rendering import document_url

_TERM = Markup(
    '<span class="term"><span class="term-word" tabindex="0" aria-describedby="{id}">{text}'
    '</span><span class="tip" role="tooltip" id="{id}">{tip}</span></span>'
)

_HEADER_TERMS = re.compile(
    r"(?P<eo>\bE\.\s?O\.\s?\d{4,5}\b)"
    r"|(?P<decl>\bDECL(?:ASSIFY ON)?\b)"
    r"|(?P<sipdis>\bSIPDIS\b)"
    r"|(?P<reasons>\b1\.[45]\s*\(\s*[a-hA-H]\s*\)(?:\s*(?:,|and|&|/)?\s*\(\s*[a-hA-H]\s*\))*)"
    r"|(?P<classified>\bClassified\s+By\b:?)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^\s*(TAGS|SUBJECT|SUBJ|REF|REFS|REFTEL)\s*:", re.IGNORECASE)
_TAG_CODE = re.compile(r"\b[A-Za-z][A-Za-z0-9]{1,6}\b")
_REF_ID = re.compile(r"\b(?:(\d{2})\s*)?([A-Z][A-Z]+(?:\s[A-Z]+)*)\s+(\d{1,6})\b")
_PROSE_REF = re.compile(r"\b(?:REF|Ref|ref|REFTEL|Reftel|reftel)s?\.?\s+\(?([A-H])\)?(?![\w])")


@dataclass
class Glosser:
    """Makes "how to read this" notes with ids unique to one page."""

    count: int = 0
    used: dict[str, str] = field(default_factory=dict)

    def term(self, text: str, tip: str, topic: str | None = None) -> Markup:
        self.count += 1
        if topic:
            self.used.setdefault(topic, JARGON.get(topic, tip))
        return _TERM.format(id=f"tip-{self.count}", text=text, tip=tip)


@dataclass
class CableLinks:
    """Where each cited cable can be read (None: not in this archive)."""

    references: list[str]
    in_archive: dict[str, bool]
    year: int | None

    def link(self, cable_id: str, text: str) -> Markup:
        if self.in_archive.get(cable_id):
            return Markup('<a class="ref" href="{url}">{text}</a>').format(
                url=document_url(cable_id), text=text)
        return Markup('<span class="ref missing" title="{id} is not in this archive">{text}'
                      '</span>').format(id=cable_id, text=text)


def annotate_header(line: str, glosser: Glosser, links: CableLinks) -> Markup:
    """One header line (E.O., TAGS, SUBJECT, REF, Classified By...) with its terms explained."""
    label = _LABEL.match(line)
    if label:
        name = label.group(1).upper()
        topic = {"SUBJ": "SUBJECT", "REFS": "REF", "REFTEL": "REF"}.get(name, name)
        head = glosser.term(line[: label.end()], JARGON[topic], topic)
        rest = line[label.end():]
        if topic == "TAGS":
            return head + _annotate_tags(rest, glosser)
        if topic == "REF":
            return head + _annotate_refs(rest, links)
        return head + escape(rest)
    return _annotate_terms(line, glosser)


def _annotate_terms(text: str, glosser: Glosser) -> Markup:
    out = Markup("")
    last = 0
    for m in _HEADER_TERMS.finditer(text):
        out += escape(text[last:m.start()])
        word = m.group(0)
        if m.group("eo"):
            out += glosser.term(word, JARGON["E.O."], "E.O.")
        elif m.group("decl"):
            out += glosser.term(word, JARGON["DECL"], "DECL")
        elif m.group("sipdis"):
            out += glosser.term(word, JARGON["SIPDIS"], "SIPDIS")
        elif m.group("reasons"):
            letters = re.findall(r"\(\s*([a-hA-H])\s*\)", word)
            section = word[:3]
            tip = "; ".join(explain_reason(f"{section}({x.lower()})") for x in letters)
            out += glosser.term(word, tip, "reasons")
        else:
            out += glosser.term(word, JARGON["Classified By"], "Classified By")
        last = m.end()
    return out + escape(text[last:])


def _annotate_tags(text: str, glosser: Glosser) -> Markup:
    out = Markup("")
    last = 0
    for m in _TAG_CODE.finditer(text):
        out += escape(text[last:m.start()])
        kind, meaning = tag_label(m.group(0))
        out += glosser.term(m.group(0), f"{m.group(0)}: {meaning or 'meaning not listed'}"
                                        f" ({kind} tag)")
        last = m.end()
    return out + escape(text[last:])


def _annotate_refs(text: str, links: CableLinks) -> Markup:
    out = Markup("")
    last = 0
    for m in _REF_ID.finditer(text):
        year = int("20" + m.group(1)) if m.group(1) else links.year
        found = canonical_cable_id(f"{m.group(2)} {m.group(3)}", year=year)
        if found is None or found not in links.references:
            continue
        out += escape(text[last:m.start()]) + links.link(found, m.group(0))
        last = m.end()
    return out + escape(text[last:])


def annotate_prose(text: str, glosser: Glosser, links: CableLinks,
                   mentions: list[Mention] | None = None) -> Markup:
    """Paragraph text with 'Ref A' linked to the cited cable, entities linked to their pages,
    and SIPDIS or E.O. explained."""
    refs: list[tuple[int, int, str]] = []
    for m in _PROSE_REF.finditer(text):
        index = ord(m.group(1)) - ord("A")
        if index < len(links.references):
            refs.append((m.start(), m.end(), links.references[index]))
    spans: list[tuple[int, int, str | Mention]] = [(a, b, ref) for a, b, ref in refs]
    for mention in mentions or []:
        if not any(a < mention.end and mention.start < b for a, b, _r in refs):
            spans.append((mention.start, mention.end, mention))
    spans.sort(key=lambda span: (span[0], -span[1]))
    out = Markup("")
    at = 0
    for start, end, what in spans:
        if start < at or end > len(text):
            continue
        out += _annotate_terms(text[at:start], glosser)
        word = text[start:end]
        out += links.link(what, word) if isinstance(what, str) else entity_link(word, what)
        at = end
    return out + _annotate_terms(text[at:], glosser)


def split_body(doc: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """(header lines, paragraphs, trailing lines) of a cable's clean body."""
    body: str = doc.get("body") or ""
    paragraphs: list[dict[str, Any]] = list(doc.get("paragraphs") or [])
    if not paragraphs:
        blocks = [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]
        return [], [{"number": None, "marking": None, "heading": None, "text": b}
                    for b in blocks], []
    first, last = paragraphs[0], paragraphs[-1]
    start = _find(body, first.get("heading")) if first.get("heading") else -1
    if start < 0:
        start = _find(body, first["text"][:40])
    if start < 0:
        return [], paragraphs, []
    start = body.rfind("\n", 0, start) + 1
    header = [line.strip() for line in body[:start].splitlines() if line.strip()]
    tail_key = last["text"][-40:]
    end = body.rfind(tail_key) if tail_key else -1
    trailer = ([line.strip() for line in body[end + len(tail_key):].splitlines() if line.strip()]
               if end >= start else [])
    return header, paragraphs, trailer


def _find(body: str, text: str | None) -> int:
    return body.find(text) if text else -1


def recipients(doc: dict[str, Any], glosser: Glosser) -> list[dict[str, Any]]:
    """TO and INFO addressees with their routing indicators decoded."""
    out = []
    for role, key in (("To", "recipients"), ("Info", "info_recipients")):
        for r in doc.get(key) or []:
            station = station_for(r.get("route"))
            route = None
            if r.get("route"):
                tip = (f"Routing indicator {r['route']}: {station}" if station else
                       f"Routing indicator {r['route']} (not in the bundled table)")
                route = glosser.term(r["route"], tip + ". " + JARGON["route"], "route")
            out.append({"role": role, "name": r.get("name"), "route": route,
                        "station": station, "serial": r.get("serial"),
                        "precedence": r.get("precedence")})
    return out


def metadata_notes(doc: dict[str, Any], glosser: Glosser) -> dict[str, Markup]:
    """The metadata values that carry a "how to read this" note."""
    notes: dict[str, Markup] = {}
    if doc.get("precedence"):
        tip = PRECEDENCE.get(str(doc["precedence"]).upper(), JARGON["precedence"])
        notes["precedence"] = glosser.term(doc["precedence"], tip, "precedence")
    if doc.get("date_time_group"):
        notes["dtg"] = glosser.term(doc["date_time_group"], explain_dtg(doc["date_time_group"]),
                                    "DTG")
    if doc.get("executive_order"):
        notes["eo"] = glosser.term(doc["executive_order"], JARGON["E.O."], "E.O.")
    if doc.get("declassify_on"):
        notes["decl"] = glosser.term(doc["declassify_on"], JARGON["DECL"], "DECL")
    reasons = [glosser.term(r, explain_reason(r), "reasons")
               for r in doc.get("classification_reasons") or []]
    if reasons:
        notes["reasons"] = Markup(", ").join(reasons)
    if doc.get("transmission_id"):
        notes["transmission"] = glosser.term(doc["transmission_id"], JARGON["transmission"],
                                             "transmission")
    return notes


def tags(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for tag in doc.get("tags") or []:
        kind, meaning = tag_label(tag)
        out.append({"code": tag, "kind": kind, "meaning": meaning})
    return out


def marking_badge(marking: str | None, glosser: Glosser) -> Markup:
    if not marking:
        return Markup("")
    level = re.split(r"[/\s-]", marking.upper())[0]
    kind = {"U": "u", "SBU": "sbu", "C": "c", "S": "s", "TS": "ts"}.get(level, "other")
    note = glosser.term(f"({marking})", explain_marking(marking) + ". " + JARGON["marking"],
                        "marking")
    return Markup('<span class="badge badge-{kind}">{note}</span>').format(kind=kind, note=note)


def present_cable(shown: dict[str, Any], sipdis: bool = False,
                  enrichment: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the cable template needs beyond the JSON of `Archive.show`; `sipdis` says
    whether the original carries the SIPDIS distribution marker; `enrichment` (when the archive
    has it) gives the entities to link."""
    doc = shown["document"]
    glosser = Glosser()
    created = doc.get("created") or ""
    year = int(created[:4]) if created[:4].isdigit() else None
    links = CableLinks(references=list(doc.get("references") or []),
                       in_archive={c["id"]: bool(c["in_archive"]) for c in shown["cites"]},
                       year=year)
    notes = metadata_notes(doc, glosser)
    if sipdis:
        notes["sipdis"] = glosser.term("SIPDIS", JARGON["SIPDIS"], "SIPDIS")
    header, paragraphs, trailer = split_body(doc)
    header_html = [annotate_header(line, glosser, links) for line in header]
    mentions = index_mentions(enrichment) if doc.get("paragraphs") else {}
    paragraph_html = [
        {"number": p.get("number"),
         "heading": link_entities(p["heading"], mentions.get(("headings", i), []))
         if p.get("heading") else None,
         "marking": marking_badge(p.get("marking"), glosser),
         "text": annotate_prose(p.get("text") or "", glosser, links,
                                mentions.get(("paragraphs", i), []))}
        for i, p in enumerate(paragraphs)
    ]
    return {
        "notes": notes,
        "recipients": recipients(doc, glosser),
        "tags": tags(doc),
        "header": header_html,
        "paragraphs": paragraph_html,
        "trailer": trailer,
        "entities": named_entities(enrichment),
        "how_to_read": [{"label": TOPIC_LABELS.get(topic, topic), "text": text}
                        for topic, text in glosser.used.items()],
    }


TOPIC_LABELS = {"E.O.": "E.O. (executive order)", "reasons": "Reasons 1.4(a)-(h)",
                "DTG": "Date-time group", "route": "Routing indicators",
                "marking": "Paragraph markings", "precedence": "Precedence",
                "transmission": "Transmission id", "DECL": "DECL (declassify on)"}
