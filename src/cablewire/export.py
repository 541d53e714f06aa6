"""Every hit of a query written out for other tools, in one of three forms:

- `jsonl`: one document's JSON a line (the stored form, as `cablewire show --json` gives it);
- `csv`: one row a document with the fields a researcher sorts by (`CSV_COLUMNS`);
- `ftm`: FollowTheMoney entities, one JSON object a line, as Aleph and the `ftm` tools import
  them: a `Document` (cable) or `Article` (news) for each document, a `Person` or
  `Organization` for each person or organisation it names with a `Mention` tying the two, and
  an `Address` for each place, tied to the document by an `UnknownLink` (role "mentions
  place"). Names of groups (nationalities, "the British") go in `namesMentioned` only.

The CLI (`cablewire export`) and the web (`/export?q=...&format=...`) write the same bytes:
both page through the hits with `export_page` and render each page with one `Exporter`.

    >>> with Archive.open(settings) as archive:                          # doctest: +SKIP
    ...     export(archive, "AQIM tag:PTER", "csv", sys.stdout)
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from cablewire.errors import UsageError

if TYPE_CHECKING:
    from cablewire.archive import Archive

FORMATS = ("jsonl", "csv", "ftm")
"""The export forms, by the name `--format` and `format=` take."""

MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv",
               "ftm": "application/x-ndjson"}
EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "ftm": "ftm.json"}

BATCH = 500
"""Hits read (and documents loaded) at a time."""

CSV_COLUMNS = ("id", "kind", "date", "classification", "origin", "title", "subject", "tags",
               "references", "entities")
LIST_SEPARATOR = "; "
"""Between the items of a list in one CSV cell (tags, references, entity names)."""

FTM_PREFIX = "cablewire-"
FTM_SCHEMAS = {"person": "Person", "organization": "Organization"}
"""The FtM schema of an entity of each type that becomes an entity of its own (places become
`Address`, groups only a name)."""

Record = tuple[dict[str, Any], dict[str, Any] | None]
"""A document's JSON and its enrichment (`cablewire.enrich.combine`; None: not enriched)."""


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(f"format {fmt!r} is not an export format: ask for one of"
                         f" {', '.join(FORMATS)}")
    return fmt


def export_page(archive: Archive, query: str, offset: int, sort: str = "relevance",
                limit: int = BATCH) -> tuple[int, list[Record]]:
    """The total of `query` and its hits from `offset` on (at most `limit`), each as a record."""
    from cablewire.enrich import combine

    result = archive.search(query, limit=limit, offset=offset, sort=sort)
    records: list[Record] = []
    for hit in result["hits"]:
        doc = archive.store.get(hit["id"])
        if doc is None:
            continue
        found = combine(hit["id"], archive.store.results(hit["id"]))
        records.append((doc, None if found is None else dict(found)))
    return result["total"], records


def records(archive: Archive, query: str, sort: str = "relevance",
            batch: int = BATCH) -> Iterator[list[Record]]:
    """Every hit of `query`, a page of records at a time."""
    offset = 0
    while True:
        total, page = export_page(archive, query, offset, sort, batch)
        if page:
            yield page
        offset += batch
        if not page or offset >= total:
            return


def export(archive: Archive, query: str, fmt: str, out: TextIO, sort: str = "relevance",
           batch: int = BATCH) -> int:
    """Write every hit of `query` to `out` in the form `fmt`; returns how many documents."""
    exporter = Exporter(check_format(fmt))
    out.write(exporter.header())
    count = 0
    for page in records(archive, query, sort, batch):
        out.write(exporter.render(page))
        count += len(page)
    return count


class Exporter:
    """Renders pages of records in one form. For `ftm` it remembers the entities already
    written, so a person named in many documents is one entity in the export."""

    def __init__(self, fmt: str) -> None:
        self.fmt = check_format(fmt)
        self._written: set[str] = set()

    def header(self) -> str:
        return _csv_line(CSV_COLUMNS) if self.fmt == "csv" else ""

    def render(self, page: list[Record]) -> str:
        if self.fmt == "jsonl":
            return "".join(_json_line(doc) for doc, _ in page)
        if self.fmt == "csv":
            return "".join(_csv_line(csv_row(doc, found)) for doc, found in page)
        lines = []
        for doc, found in page:
            for entity in ftm_entities(doc, found):
                if entity["id"] in self._written:
                    continue
                self._written.add(entity["id"])
                lines.append(_json_line(entity))
        return "".join(lines)


# -- CSV ------------------------------------------------------------------------------------------

def document_date(doc: dict[str, Any]) -> str:
    """A cable's creation time or an article's publication date ("" when it has neither)."""
    return str(doc.get("created") or doc.get("published") or "")


def csv_row(doc: dict[str, Any], found: dict[str, Any] | None) -> list[str]:
    """One document as a row of `CSV_COLUMNS`: lists joined by "; ", entity names in the
    order the enrichment found them."""
    names = [entity["name"] for entity in (found or {}).get("entities") or []]
    return [
        _cell(doc.get("id")), str(doc.get("kind") or ""), document_date(doc),
        str(doc.get("classification") or ""), _cell(doc.get("origin") or doc.get("publisher")),
        _cell(doc.get("title")), _cell(doc.get("subject")),
        LIST_SEPARATOR.join(doc.get("tags") or []),
        LIST_SEPARATOR.join(doc.get("references") or []),
        _cell(LIST_SEPARATOR.join(names)),
    ]


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_line(cells: tuple[str, ...] | list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def _json_line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) + "\n"


# -- FollowTheMoney -------------------------------------------------------------------------------

def ftm_id(*parts: str) -> str:
    """A deterministic FtM entity id: the prefix and the parts, or a hash of them when they
    are not one plain key."""
    if len(parts) == 1:
        return FTM_PREFIX + parts[0].replace(":", "-")
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{FTM_PREFIX}{digest}"


def _props(**values: list[str] | str | None) -> dict[str, list[str]]:
    """FtM properties: every value a list of strings, empty ones left out."""
    out: dict[str, list[str]] = {}
    for name, value in values.items():
        items = [value] if isinstance(value, str) else list(value or [])
        items = [item for item in items if item]
        if items:
            out[name] = list(dict.fromkeys(items))
    return out


def _body(doc: dict[str, Any]) -> str:
    body = doc.get("body")
    if isinstance(body, str) and body:
        return body
    return "\n\n".join(p for p in doc.get("paragraphs") or [] if isinstance(p, str))


def ftm_entities(doc: dict[str, Any], found: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The FtM entities of one document: the document first, then what it names."""
    doc_fid = FTM_PREFIX + str(doc["id"])
    entities = (found or {}).get("entities") or []
    by_type: dict[str, list[str]] = {"person": [], "organization": [], "place": [], "group": []}
    for entity in entities:
        by_type.setdefault(entity["type"], []).append(entity["name"])
    article = doc.get("kind") == "article"
    date = document_date(doc)
    document = {
        "id": doc_fid,
        "schema": "Article" if article else "Document",
        "properties": _props(
            title=doc.get("title") or doc.get("subject") or doc.get("dateline"),
            publishedAt=date if article else None,
            date=None if article else date,
            author=doc.get("authors") or doc.get("signers"),
            publisher=doc.get("publisher") or doc.get("origin"),
            summary=doc.get("summary"),
            bodyText=_body(doc),
            keywords=doc.get("tags"),
            sourceUrl=doc.get("url"),
            peopleMentioned=by_type["person"],
            companiesMentioned=by_type["organization"],
            locationMentioned=by_type["place"],
            namesMentioned=by_type["group"],
            notes=str(doc["classification"]) if doc.get("classification") else None,
        ),
    }
    out = [document]
    places = {place["key"]: place for place in (found or {}).get("places") or []}
    for entity in entities:
        kind = entity["type"]
        if kind in FTM_SCHEMAS:
            fid = ftm_id(entity["key"])
            out.append({"id": fid, "schema": FTM_SCHEMAS[kind],
                        "properties": _props(name=entity["name"], alias=entity["aliases"])})
            out.append({"id": ftm_id(str(doc["id"]), entity["key"]), "schema": "Mention",
                        "properties": _props(document=doc_fid, resolved=fid,
                                             name=entity["name"],
                                             detectedSchema=FTM_SCHEMAS[kind])})
        elif kind == "place":
            fid = ftm_id(entity["key"])
            place = places.get(entity["key"])
            out.append({"id": fid, "schema": "Address", "properties": _props(
                full=entity["name"], name=entity["name"],
                latitude=str(place["lat"]) if place else None,
                longitude=str(place["lon"]) if place else None,
                country=(place.get("country") or "").lower() if place else None)})
            out.append({"id": ftm_id(str(doc["id"]), entity["key"]), "schema": "UnknownLink",
                        "properties": _props(subject=doc_fid, object=fid,
                                             role="mentions place")})
    return out
