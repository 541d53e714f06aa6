"""The domain model: one `Document` base, a `Cable` and an `Article`.

Every field is declared once, here, with its help text; `to_dict()` gives the public JSON form
(field order as declared) and `json_schema()` exports the same declaration for other consumers.
A value the document does not give is `None` (or an empty list), never a guess.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypedDict


class Source(TypedDict):
    """Where a document came from and which form it was read as."""

    path: str | None
    form: str


class Recipient(TypedDict):
    """One addressee of a telegram (`TO` or `INFO` line): routing indicator, name, precedence
    and serial (message continuity number) as written, each null when not written; `excluded`
    names the addressees an `XMT` line exempts from this one, a collective (empty for most)."""

    route: str | None
    name: str
    precedence: str | None
    serial: str | None
    excluded: list[str]


class ReferenceItem(TypedDict):
    """One item of a REF block, as the text refers to it ("Ref B")."""

    letter: str | None
    text: str
    ids: list[str]


class Paragraph(TypedDict):
    """One numbered paragraph of a cable body."""

    number: int | None
    marking: str | None
    heading: str | None
    text: str


def _help(text: str, default: Any = None, factory: Any = None) -> Any:
    if factory is not None:
        return field(default_factory=factory, metadata={"help": text})
    return field(default=default, metadata={"help": text})


@dataclass(kw_only=True)
class Document:
    """Fields every document has."""

    kind: ClassVar[str] = "document"

    id: str | None = _help("Stable identifier of the document")
    source: Source | None = _help("Path the document was read from and the form it was read as")
    warnings: list[str] = _help("Anomalies met while reading, as short strings", factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form: `kind` first, then the declared fields in order."""
        out: dict[str, Any] = {"kind": self.kind}
        for f in _ordered_fields(type(self)):
            out[f.name] = getattr(self, f.name)
        return out

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        """A JSON Schema of the public form, built from the field declarations."""
        props: dict[str, Any] = {"kind": {"const": cls.kind}}
        for f in _ordered_fields(cls):
            props[f.name] = {"description": f.metadata.get("help", "")}
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": cls.__name__,
            "type": "object",
            "properties": props,
            "required": list(props),
        }


def _ordered_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """Declared fields with `id` first and `source`, `warnings` last, whatever the subclass."""
    fields = list(dataclasses.fields(cls))
    head = [f for f in fields if f.name == "id"]
    tail = [f for f in fields if f.name in ("source", "warnings")]
    middle = [f for f in fields if f.name not in ("id", "source", "warnings")]
    return head + middle + tail


@dataclass(kw_only=True)
class Cable(Document):
    """A diplomatic telegram, with every field of its page and its own header."""

    kind: ClassVar[str] = "cable"

    created: str | None = _help("When the cable was sent (ISO 8601, no zone), from the page or DTG")
    released: str | None = _help("When the cable was published (ISO 8601), when the page says")
    classification: str | None = _help("Classification with handling caveat, e.g. SECRET//NOFORN")
    markers: list[str] = _help("Distribution and handling markers the telegram carries (SIPDIS, "
                               "NOFORN, EXDIS, NODIS...), in the order met, each once",
                               factory=list)
    origin: str | None = _help("Sending post as the release names it, e.g. 'Embassy Bamako'")
    subject: str | None = _help("SUBJECT line as written, continuation lines joined")
    title: str | None = _help("Readable title case of the subject (acronyms kept upper-case)")
    tags: list[str] = _help("TAGS codes in order", factory=list)
    transmission_id: str | None = _help("Transmission identifier such as VZCZCXRO7559")
    precedence: str | None = _help("Precedence of the message (ROUTINE, PRIORITY, IMMEDIATE...)")
    date_time_group: str | None = _help("Date-time group as written, e.g. '121116Z JUN 09'")
    date_time_group_utc: str | None = _help("The date-time group as an ISO 8601 UTC timestamp")
    sender: str | None = _help("FM line: the sending station")
    recipients: list[Recipient] = _help("TO addressees", factory=list)
    info_recipients: list[Recipient] = _help("INFO addressees", factory=list)
    references: list[str] = _help("Canonical ids of cited cables, in order", factory=list)
    other_references: list[str] = _help("Cited items that are not cables", factory=list)
    reference_items: list[ReferenceItem] = _help(
        "REF items in order: letter (null when unlettered), text as written, and the canonical "
        "ids of the cables it names (none for an item that is not a cable)", factory=list)
    classified_by: str | None = _help("Name of the classifying official")
    classifier_title: str | None = _help("Title of the classifying official")
    classification_reasons: list[str] = _help("Reasons such as 1.4(b)", factory=list)
    declassify_on: str | None = _help("Declassification date (ISO) when one is given")
    executive_order: str | None = _help("Executive order cited, e.g. 'E.O. 12958'")
    signers: list[str] = _help("Signature lines at the end of the cable", factory=list)
    sections: int | None = _help("Number of sections the telegram was sent in")
    summary: str | None = _help("The summary paragraph's text, without its markers")
    comment: str | None = _help("The closing comment's text")
    header_block: list[str] = _help("Lines of the body before the first paragraph: banner, E.O., "
                                    "TAGS, SUBJECT, REF, Classified By", factory=list)
    paragraphs: list[Paragraph] = _help("Paragraphs with number, marking and heading", factory=list)
    trailer: list[str] = _help("Lines of the body after the last paragraph: the signature and "
                               "what follows it", factory=list)
    body: str | None = _help("Clean body text: header once, page markers gone, words rejoined")


class Caption(TypedDict):
    text: str
    credit: str | None


class DateEstimate(TypedDict):
    earliest: str
    latest: str
    evidence: list[str]


@dataclass(kw_only=True)
class Article(Document):
    """A news article, with its page debris left behind."""

    kind: ClassVar[str] = "article"

    title: str | None = _help("Headline, or null when the document gives none")
    subtitle: str | None = _help("Standfirst or sub-headline")
    dateline: str | None = _help("Dateline such as 'STUTTGART, Germany'")
    published: str | None = _help("Publication date (ISO) when the document states it")
    date_estimate: DateEstimate | None = _help("Inferred date interval with its evidence")
    authors: list[str] = _help("Authors named by the document", factory=list)
    author_bio: str | None = _help("Author blurb, kept out of the body")
    publisher: str | None = _help("Publisher named by the document")
    captions: list[Caption] = _help("Photo captions, each once", factory=list)
    paragraphs: list[str] = _help("Body paragraphs in order", factory=list)
    body: str | None = _help("The article's own words, nothing else")
    language: str | None = _help("ISO 639-1 language code")
    url: str | None = _help("URL of the page, when known")
    canonical_url: str | None = _help("Canonical URL the page declares")
    site_name: str | None = _help("Site name the page declares")
