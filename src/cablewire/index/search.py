"""Searching the archive: a parsed query to a tantivy query, hits with snippets (text and the
ranges of the matched words), and facet counts over the whole result set.

The result is a `cablewire.results.SearchResult` (what `cablewire search --json`, the web app
and the API give)::

    {"query": "...", "total": 3, "offset": 0, "limit": 20, "sort": "relevance",
     "hits": [{"id", "kind", "title", "date", "origin", "classification", "score",
               "snippet": {"text": "… that AQIM is …", "highlights": [[7, 11]]}}],
     "facets": {"kind": [{"value": "cable", "count": 3}], "year": [...], "classification": [...],
                "origin": [...], "tag": [...]}}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import get_args

import tantivy

from cablewire.errors import UsageError
from cablewire.index import words
from cablewire.index.query import All, And, Filter, Node, Not, Or, Text, parse_query
from cablewire.index.searchindex import SearchIndex
from cablewire.index.snippets import from_fragment, from_text
from cablewire.model.ids import canonical_cable_id, yearless_candidates
from cablewire.results import (
    FacetName,
    Facets,
    FacetValue,
    Hit,
    SearchResult,
    Snippet,
    Sort,
)
from cablewire.store.base import Store

SORTS: tuple[Sort, ...] = get_args(Sort)
FACETS: dict[FacetName, int] = {
    "kind": 10, "year": 100, "classification": 20, "origin": 20, "tag": 30}
TEXT_FIELDS = ["title", "body"]
SNIPPET_CHARS = 240

Ranker = Callable[[str], list[tuple[str, float]]]
"""Document ids ranked for a text, best first (`similar:ID`, a semantic query)."""


class _Translator:
    def __init__(self, index: SearchIndex, store: Store, similar: Ranker | None = None) -> None:
        self.index = index
        self.store = store
        self.similar = similar
        self.schema = index.schema
        self.texts: list[tantivy.Query] = []  # the text parts, for highlighting
        self.name_words: set[str] = set()  # names of the query, folded: highlighted alone

    def query(self, node: Node) -> tantivy.Query:
        if isinstance(node, All):
            return tantivy.Query.all_query()
        if isinstance(node, Text):
            q = self.text(node)
            # the stemmed fields' query too, for the snippet (it highlights words of `body`)
            if self.names(node):
                self.texts.append(self.text(node, names=False))
                self.name_words.update(w for w in words.tokens(node.text, words.FOLDED)
                                       if words.is_name(w))
            else:
                self.texts.append(q)
            return q
        if isinstance(node, Filter):
            return self.filter(node)
        if isinstance(node, Not):
            return tantivy.Query.boolean_query([
                (tantivy.Occur.Must, tantivy.Query.all_query()),
                (tantivy.Occur.MustNot, self.query(node.node)),
            ])
        if isinstance(node, And):
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, self.query(n)) for n in node.nodes]
            )
        assert isinstance(node, Or)
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, self.query(n)) for n in node.nodes]
        )

    @staticmethod
    def names(node: Text) -> bool:
        """Whether the words hold a name, searched unstemmed (`cablewire.index.words`)."""
        return any(words.is_name(w) for w in words.tokens(node.text, words.FOLDED))

    def text(self, node: Text, names: bool | None = None) -> tantivy.Query:
        if node.prefix and not node.phrase:
            pattern = re.escape(words.fold(node.text)) + ".*"
            return tantivy.Query.boolean_query([
                (tantivy.Occur.Should, tantivy.Query.regex_query(self.schema, f, pattern))
                for f in (*TEXT_FIELDS, "names")
            ])
        cleaned = node.text.replace("\\", " ").replace('"', " ").strip()
        if not cleaned:
            return tantivy.Query.empty_query()
        fields = ["names"] if (self.names(node) if names is None else names) else TEXT_FIELDS
        return self.index.index.parse_query(f'"{cleaned}"', fields)

    def filter(self, node: Filter) -> tantivy.Query:
        name, value = node.field, node.value.strip()
        if name == "id":
            found = self.store.find_id(canonical_cable_id(value) or value)
            if found is None and (candidates := yearless_candidates(value)):
                return self.any_of("doc_id", list(self.store.listing(candidates)))
            return self.term("doc_id", found or value)
        if name == "kind":
            return self.term("kind", value.lower())
        if name in ("origin", "classification", "tag"):
            values = self.store.values_like(name, value) or [value]
            return self.any_of(name, values)
        if name == "cites":
            return self.term("cites", canonical_cable_id(value) or value.upper())
        if name == "cited-by":
            citing = self.store.find_id(canonical_cable_id(value) or value) or value
            return self.any_of("doc_id", self.store.cites(citing))
        if name in ("from", "to", "year"):
            return self.dates(name, value)
        if name in ("entity", "place"):
            keys = self.store.entity_keys(value, "place" if name == "place" else None)
            return self.any_of(name, keys)
        if name == "similar":
            if self.similar is None:
                raise UsageError("similar: needs an archive to rank by (Archive.search)")
            return self.ranked(self.similar(value))
        raise UsageError(f"unknown field {name}:")

    def term(self, field: str, value: str) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def any_of(self, field: str, values: list[str]) -> tantivy.Query:
        if not values:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, self.term(field, v)) for v in values]
        )

    def ranked(self, ranking: list[tuple[str, float]]) -> tantivy.Query:
        """Exactly the documents of `ranking`, scored in its order (each id is one term of
        the same weight, so the boost alone orders them)."""
        if not ranking:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.boost_query(
                self.term("doc_id", doc_id), 1.0 / (1 + rank)))
            for rank, (doc_id, _score) in enumerate(ranking)])

    def dates(self, name: str, value: str) -> tantivy.Query:
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
        if not m:
            raise UsageError(
                f"{name}:{value} is not a date: write {name}:2009, {name}:2009-06"
                f" or {name}:2009-06-12"
            )
        year, month, day = m.group(1), m.group(2), m.group(3)
        low = int(f"{year}{int(month or 1):02d}{int(day or 1):02d}")
        high = int(f"{year}{int(month or 12):02d}{int(day or 31):02d}")
        lower = low if name in ("from", "year") else None
        upper = high if name in ("to", "year") else None
        return tantivy.Query.range_query(
            self.schema, "day", tantivy.FieldType.Integer, lower, upper
        )


def search(
    index: SearchIndex,
    store: Store,
    query: str,
    limit: int = 20,
    offset: int = 0,
    sort: str = "relevance",
    similar: Ranker | None = None,
    semantic: Ranker | None = None,
) -> SearchResult:
    """Run `query` and give the JSON form of the result (see the module docstring).

    `similar` ranks the documents like one (`similar:ID`). With `semantic`, the query's words
    are not matched as words: `semantic` ranks documents by their meaning, and the query's
    field filters (dates, tags, kinds...) keep those that pass."""
    if sort not in SORTS:
        raise UsageError(f"--sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if limit < 0 or offset < 0:
        raise UsageError("--limit and --offset must be 0 or more")
    translator = _Translator(index, store, similar)
    tree = parse_query(query)
    if semantic is not None:
        words = " ".join(_words(tree))
        if not words:
            raise UsageError("a semantic search needs words to look for, e.g."
                             " --semantic 'military coup in West Africa' year:2009")
        tq = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, translator.query(_filters_only(tree))),
            (tantivy.Occur.Must, translator.ranked(semantic(words)))])
    else:
        tq = translator.query(tree)
    searcher = index.searcher()
    fetch = max(limit, 1)  # tantivy needs at least one; `limit=0` asks for counts and facets only
    if sort == "relevance":
        result = searcher.search(tq, fetch, count=True, offset=offset)
    else:
        order = tantivy.Order.Desc if sort == "-date" else tantivy.Order.Asc
        result = searcher.search(
            tq, fetch, count=True, offset=offset, order_by_field="stamp", order=order
        )
    highlight = _snippet_generator(searcher, translator, index)
    hits: list[Hit] = []
    for score, address in result.hits[:limit]:
        doc = searcher.doc(address)
        hits.append({
            "id": str(doc.get_first("doc_id")),
            "kind": str(doc.get_first("kind")),
            "title": doc.get_first("title") or None,
            "date": doc.get_first("date") or None,
            "origin": doc.get_first("origin"),
            "classification": doc.get_first("classification"),
            "snippet": _snippet(highlight, doc, translator.name_words),
            "score": round(float(score), 4) if sort == "relevance" else None,
        })
    return {
        "query": query,
        "total": result.count,  # type: ignore[attr-defined]  # missing from tantivy's stubs
        "offset": offset,
        "limit": limit,
        "sort": sort,
        "hits": hits,
        "facets": _facets(searcher, tq),
    }


def _words(node: Node) -> list[str]:
    """The words a query looks for (not those it excludes)."""
    if isinstance(node, Text):
        return [node.text]
    if isinstance(node, And | Or):
        return [w for n in node.nodes for w in _words(n)]
    return []


def _filters_only(node: Node) -> Node:
    """The query with its words taken out: what remains filters."""
    if isinstance(node, Text):
        return All()
    if isinstance(node, And):
        return And(tuple(_filters_only(n) for n in node.nodes))
    if isinstance(node, Or):
        kept = tuple(_filters_only(n) for n in node.nodes)
        return All() if any(isinstance(n, All) for n in kept) else Or(kept)
    if isinstance(node, Not):
        inner = _filters_only(node.node)
        return All() if isinstance(inner, All) else Not(inner)
    return node


def _snippet_generator(searcher: tantivy.Searcher, translator: _Translator,
                       index: SearchIndex) -> tantivy.SnippetGenerator | None:
    if not translator.texts:
        return None
    combined = tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, q) for q in translator.texts]
    )
    generator = tantivy.SnippetGenerator.create(searcher, combined, index.schema, "body")
    generator.set_max_num_chars(SNIPPET_CHARS)
    return generator


def _snippet(generator: tantivy.SnippetGenerator | None, doc: tantivy.Document,
             names: set[str] = frozenset()) -> Snippet:  # type: ignore[assignment]
    """Where the query's words are in the body (its start when the query has no words). A
    name of the query is highlighted as written, not every word of its stem (toure, not
    tour)."""
    body = doc.get_first("body") or ""
    if generator is not None:
        snippet = generator.snippet_from_doc(doc)
        fragment = snippet.fragment()
        if fragment.strip():
            where = snippet.fragment_range()
            raw = fragment.encode()
            stems = {words.stem(n) for n in names}
            marks = [(r.start, r.end) for r in snippet.highlighted()
                     if not names or words.fold(word := raw[r.start:r.end].decode(
                         "utf-8", "replace")) in names or words.stem(word) not in stems]
            return from_fragment(
                fragment, marks,
                cut_before=where.start > 0, cut_after=where.end < len(body.strip().encode()))
    head = body[: SNIPPET_CHARS * 2]
    opening = " ".join(head.split())
    if len(opening) > SNIPPET_CHARS:
        cut = opening.rfind(" ", 0, SNIPPET_CHARS)
        opening = opening[: cut if cut > 0 else SNIPPET_CHARS]
    cut = len(body) > len(head) or len(opening) < len(" ".join(head.split()))
    return from_text(opening, [], cut_after=cut)


def _facets(searcher: tantivy.Searcher, query: tantivy.Query) -> Facets:
    aggs = {name: {"terms": {"field": name, "size": size}} for name, size in FACETS.items()}
    raw = searcher.aggregate(query, aggs)

    def values(name: FacetName) -> list[FacetValue]:
        buckets = raw.get(name, {}).get("buckets", [])
        return [{"value": b["key"], "count": b["doc_count"]} for b in buckets]

    return {"kind": values("kind"), "year": sorted(values("year"), key=lambda b: b["value"]),
            "classification": values("classification"), "origin": values("origin"),
            "tag": values("tag")}
