"""A cable laid out for reading: its header lines with the jargon explained, its paragraphs with
their markings and headings, REF citations linked, and the notes a reader needs.

Only the stored JSON is read: the header block, paragraphs and trailer, the REF items with their
letters ("Ref B" links to the cables of item B, and to nothing when B is not a cable) and the
distribution markers are fields of the cable, never found again in its text or its original.
Everything here builds `Markup` from escaped pieces: the document's text is never trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from cablewire.model.jargon import (
    JARGON,
    PRECEDENCE,
    explain_dtg,
    explain_marking,
    explain_reason,
    station_for,
    tag_label,
)
from cablewire.results import Shown
from cablewire.web.presenters.entity_links import (
    Mention,
    entity_link,
    index_mentions,
    link_entities,
    named_entities,
)
from cablewire.web.rendering import document_url, readable_date

_TERM = Markup(
    '<span class="term"><span class="term-word" tabindex="0" aria-describedby="{id}">{text}'
    '</span><span class="tip" role="tooltip" id="{id}">{tip}</span></span>'
)

_HEADER_TERMS = re.compile(
    r"(?P<eo>\bE\.\s?O\.\s?\d{4,5}\b)"
    r"|(?P<decl>\bDECL(?:ASSIFY ON)?\b)"
    r"|(?P<sipdis>\bSIPDIS\b)"
    r"|(?P<reasons>\b1\.[45]\s*\(\s*[a-hA-H]\s*\)(?:\s*(?:(?:,|and|&|/)\s*)?\(\s*[a-hA-H]\s*\))*)"
    r"|(?P<classified>\bClassified\s+By\b:?)",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^\s*(?:(TAGS)\s*:?(?=\s)|(SUBJECT|SUBJ|REFERENCES|REFERENCE|REFTELS|REFTEL|REFS|REF)\s*:)",
    re.IGNORECASE)
_LABEL_TOPICS = {"SUBJ": "SUBJECT", "REFS": "REF", "REFTEL": "REF", "REFTELS": "REF",
                 "REFERENCE": "REF", "REFERENCES": "REF"}
_TAG_CODE = re.compile(r"\b[A-Za-z][A-Za-z0-9]{1,6}\b")
# "Ref B", "REFTEL A", "reftels (C)": the letter of a REF item.
_PROSE_REF = re.compile(
    r"\b(?:REF|Ref|ref|REFTEL|Reftel|reftel)s?\.?\s+(?:\(([A-Z])\)|([A-Z])(?!\w))")


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
    """The REF items of one cable by letter, and where each cited cable can be read."""

    items: list[dict[str, Any]]
    in_archive: dict[str, bool]
    months: dict[str, str | None] = field(default_factory=dict)
    """The month each cited cable was written, from the full release's list of ids (None:
    not in the release)."""

    def link(self, cable_id: str, text: str) -> Markup:
        if self.in_archive.get(cable_id):
            return Markup('<a class="ref" href="{url}" title="{id}">{text}</a>').format(
                url=document_url(cable_id), id=cable_id, text=text)
        month = self.months.get(cable_id)
        when = readable_date(month) if month else None
        title = f"{cable_id}: not held in this archive" + (f"; written {when}" if when else "")
        note = "not held" + (f" · {when}" if when else "")
        return Markup('<span class="ref missing" title="{title}">{text}'
                      ' <span class="not-held">{note}</span></span>').format(
            title=title, text=text, note=note)

    def cite(self, ids: list[str], text: str) -> Markup:
        """`text` linked to the first of the cables it stands for, each further one after it;
        plain text when it stands for no cable (an e-mail, a telcon, a report)."""
        if not ids:
            return escape(text)
        out = self.link(ids[0], text)
        for cable_id in ids[1:]:
            out += Markup('<sup class="ref-more">{link}</sup>').format(
                link=self.link(cable_id, cable_id))
        return out

    def lettered(self, letter: str) -> list[str]:
        """The cables of the REF item(s) with this letter, in order, each once."""
        ids: list[str] = []
        for item in self.items:
            if item.get("letter") == letter:
                ids.extend(i for i in item.get("ids") or [] if i not in ids)
        return ids

    def ref_line(self) -> Markup:
        """The REF items as written, each letter with its text, linked to its cables."""
        parts: list[Markup] = []
        for item in self.items:
            letter = item.get("letter")
            cited = self.cite(list(item.get("ids") or []), str(item.get("text") or ""))
            parts.append(Markup("{letter}. {cited}").format(letter=letter, cited=cited)
                         if letter else cited)
        unlettered = all(not item.get("letter") for item in self.items)
        return Markup("; " if unlettered else " ").join(parts)


def label_topic(line: str) -> str | None:
    """TAGS, SUBJECT or REF when the header line starts with that label."""
    label = _LABEL.match(line)
    if not label:
        return None
    name = (label.group(1) or label.group(2)).upper()
    return _LABEL_TOPICS.get(name, name)


def annotate_header(line: str, glosser: Glosser, links: CableLinks) -> Markup:
    """One header line (E.O., TAGS, SUBJECT, REF, Classified By...) with its terms explained;
    a REF line shows the cable's REF items, each linked to its own cables."""
    label = _LABEL.match(line)
    if label:
        topic = label_topic(line) or ""
        head = glosser.term(line[: label.end()], JARGON[topic], topic)
        rest = line[label.end():]
        if topic == "TAGS":
            return head + _annotate_tags(rest, glosser)
        if topic == "REF" and links.items:
            return head + " " + links.ref_line()
        return head + escape(rest)
    return _annotate_terms(line, glosser)


def header_lines(doc: dict[str, Any], glosser: Glosser, links: CableLinks) -> list[Markup]:
    """The stored header block, annotated. Its first REF line shows every REF item (a copy that
    repeats the block has its items once more there, and its later REF lines go); a cable with
    REF items but no REF line in its header (a header read wrongly) gets one at the end."""
    out: list[Markup] = []
    ref_shown = False
    for line in doc.get("header_block") or []:
        if label_topic(line) == "REF" and links.items:
            if ref_shown:
                continue
            ref_shown = True
        out.append(annotate_header(line, glosser, links))
    if links.items and not ref_shown:
        out.append(glosser.term("REF:", JARGON["REF"], "REF") + " " + links.ref_line())
    return out


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


def annotate_prose(text: str, glosser: Glosser, links: CableLinks,
                   mentions: list[Mention] | None = None) -> Markup:
    """Paragraph text with 'Ref B' linked to the cables of REF item B (left as it is when B cites
    no cable), entities linked to their pages, and SIPDIS or E.O. explained."""
    refs: list[tuple[int, int, list[str]]] = []
    for m in _PROSE_REF.finditer(text):
        ids = links.lettered(m.group(1) or m.group(2))
        if ids:
            refs.append((m.start(), m.end(), ids))
    spans: list[tuple[int, int, list[str] | Mention]] = [(a, b, ref) for a, b, ref in refs]
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
        out += links.cite(what, word) if isinstance(what, list) else entity_link(word, what)
        at = end
    return out + _annotate_terms(text[at:], glosser)


def paragraphs_of(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The stored paragraphs; a cable stored without them (and without a header block) shows
    its clean body a block at a time."""
    paragraphs: list[dict[str, Any]] = list(doc.get("paragraphs") or [])
    if paragraphs or doc.get("header_block"):
        return paragraphs
    blocks = [b.strip() for b in str(doc.get("body") or "").split("\n\n") if b.strip()]
    return [{"number": None, "marking": None, "heading": None, "text": b} for b in blocks]


def marker_notes(doc: dict[str, Any], glosser: Glosser) -> list[Markup]:
    """The distribution markers (SIPDIS, NOFORN...), explained where the glossary can."""
    out: list[Markup] = []
    for marker in doc.get("markers") or []:
        tip = JARGON.get(marker)
        out.append(glosser.term(marker, tip, marker) if tip else
                   Markup('<span class="marker">{m}</span>').format(m=marker))
    return out


def recipients(doc: dict[str, Any], glosser: Glosser) -> list[dict[str, Any]]:
    """TO and INFO addressees with their routing indicators decoded, and the addressees an XMT
    line exempts from a collective."""
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
                        "precedence": r.get("precedence"), "excluded": r.get("excluded") or []})
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


def present_cable(shown: Shown,
                  enrichment: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the cable template needs beyond the JSON of `Archive.show`, from the stored
    document alone; `enrichment` (when the archive has it) gives the entities to link."""
    doc = shown["document"]
    glosser = Glosser()
    links = CableLinks(items=list(doc.get("reference_items") or []),
                       in_archive={c["id"]: bool(c["in_archive"]) for c in shown["cites"]},
                       months={c["id"]: c.get("month") for c in shown["cites"]})
    notes = metadata_notes(doc, glosser)
    markers = marker_notes(doc, glosser)
    header_html = header_lines(doc, glosser, links)
    paragraphs = paragraphs_of(doc)
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
        "markers": markers,
        "recipients": recipients(doc, glosser),
        "tags": tags(doc),
        "header": header_html,
        "paragraphs": paragraph_html,
        "trailer": list(doc.get("trailer") or []),
        "entities": named_entities(enrichment),
        "how_to_read": [{"label": TOPIC_LABELS.get(topic, topic), "text": text}
                        for topic, text in glosser.used.items()],
    }


TOPIC_LABELS = {"E.O.": "E.O. (executive order)", "reasons": "Reasons 1.4(a)-(h)",
                "DTG": "Date-time group", "route": "Routing indicators",
                "marking": "Paragraph markings", "precedence": "Precedence",
                "transmission": "Transmission id", "DECL": "DECL (declassify on)"}
