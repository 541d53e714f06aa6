"""From a story to its background: the documents behind a document, ranked by a blend of parts.

Each part ranks candidates on its own evidence, and the blend fuses the ranks (weighted
reciprocal-rank fusion), keeping every part's rank and evidence in the result so the reasons
shown are the ones that ranked it:

- `lexical`: the probe's distinctive terms (tf-idf against the archive) as a BM25 query;
- `entities`: the people, organisations and places it names, after alias resolution, each
  weighted by how rare it is in the archive (names cross languages where words do not);
- `meaning`: passage vectors, when the archive has them (`cablewire.link.meaning`);
- `time`: background predates the story: documents after the probe's date (or the end of its
  date estimate) are left out when the probe is an article, and a document close in time to
  the probe is pulled up a little;
- `citations`: a cable cited by, or citing, a strong hit is pulled up, with the path shown.

    probe = Probe.of(doc, results)                 # a stored document, or pasted text read
    found = background(index, store, probe, kind="cable", limit=10)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

import tantivy

from cablewire.index.searchindex import SearchIndex
from cablewire.link.terms import key_terms
from cablewire.results import Background, BackgroundHit
from cablewire.store.base import Store

CANDIDATES = 100
RRF_K = 60
WEIGHTS = {"lexical": 1.0, "entities": 1.0, "meaning": 0.5, "citations": 1.0, "time": 0.6}
"""Fitted on the dev half of `benchmarks/linking/` (`benchmarks/linking_eval.py --fit`, corpus
archive with entities and vectors), from the grid there. On the test half, which the fit never
saw, nDCG@5 against the untuned weights (all 1, citations 0.5, time 0.3): citation recovery
0.575 (0.473), news in English 0.888 (0.902), Portuguese 0.902 (0.841), Spanish 0.823 (0.826);
BM25 alone 0.369, 0.835, 0.828, 0.294."""
ENTITY_TYPES = ("person", "organization", "place", "group")
MAX_ENTITIES = 40


@dataclass
class Probe:
    """What to find the background of: a document's JSON form and its entities."""

    doc: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    own_id: str | None = None
    """Its id when it is in the archive (left out of its own results)."""

    @classmethod
    def of(cls, doc: dict[str, Any], results: dict[str, dict[str, Any]] | None = None,
           stored: bool = False) -> Probe:
        entities = [e for r in (results or {}).values() for e in r.get("entities") or []]
        return cls(doc, entities, str(doc["id"]) if stored and doc.get("id") else None)

    @property
    def date(self) -> str | None:
        """The probe's date, or the end of its date estimate (ISO day)."""
        doc = self.doc
        value = doc.get("created") if doc.get("kind") == "cable" else doc.get("published")
        if not value and isinstance(doc.get("date_estimate"), dict):
            value = doc["date_estimate"].get("latest")
        return str(value)[:10] if value else None


def read_probe(data: bytes, name: str = "pasted.txt") -> Probe:
    """A probe from text or a file's bytes, read by the same readers as ingest (not stored),
    with its entities found in this process when the NLP extra is installed."""
    from cablewire.enrich.stages import nlp_available
    from cablewire.errors import FormatError
    from cablewire.model.listing import with_id
    from cablewire.reading import parse_bytes

    docs = parse_bytes(data, name)
    if not docs:
        raise FormatError(f"{name}: no document could be read from it: give the text of an"
                          " article or a cable")
    doc = with_id(docs[0].to_dict())
    results: dict[str, dict[str, Any]] = {}
    if nlp_available():
        from cablewire.enrich.stages import run_entities

        results["entities"] = run_entities(doc, {})
    return Probe.of(doc, results)


@dataclass
class Ranked:
    """One part's ranking: document id -> (score, evidence), best first."""

    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)

    def order(self) -> list[str]:
        return sorted(self.scores, key=lambda i: (-self.scores[i], i))


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


class Blend:
    """The parts of the blend over one archive's index and store."""

    def __init__(self, index: SearchIndex, store: Store,
                 meaning: Callable[[Probe, int], Ranked] | None = None) -> None:
        self.index = index
        self.store = store
        self.meaning = meaning

    # -- filters ---------------------------------------------------------------------------------

    def filters(self, probe: Probe, kind: str | None, before: str | None,
                 after: str | None) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        schema = self.index.schema
        out: list[tuple[tantivy.Occur, tantivy.Query]] = []
        if probe.own_id:
            out.append((tantivy.Occur.MustNot,
                        tantivy.Query.term_query(schema, "doc_id", probe.own_id)))
        if kind:
            out.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, "kind", kind)))
        low = int(after.replace("-", "")[:8].ljust(8, "0")) if after else None
        high = int(before.replace("-", "")[:8].ljust(8, "9")) if before else None
        if low is not None or high is not None:
            out.append((tantivy.Occur.Must, tantivy.Query.range_query(
                schema, "day", tantivy.FieldType.Integer, low, high)))
        return out

    def _search(self, clauses: list[tuple[tantivy.Occur, tantivy.Query]],
                filters: list[tuple[tantivy.Occur, tantivy.Query]], limit: int
                ) -> list[tuple[str, float]]:
        if not clauses:
            return []
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.boolean_query(clauses)), *filters])
        searcher = self.index.searcher()
        out = []
        for score, address in searcher.search(query, limit).hits:
            out.append((str(searcher.doc(address).get_first("doc_id")), float(score)))
        return out

    # -- the parts -------------------------------------------------------------------------------

    def lexical(self, probe: Probe, filters: list[Any], count: int = 30) -> Ranked:
        terms = key_terms(self.index, probe.doc, count)
        schema = self.index.schema
        clauses = [(tantivy.Occur.Should, tantivy.Query.boost_query(
            tantivy.Query.term_query(schema, field_name, term), weight))
            for term, weight, _form, field in terms
            for field_name in ((field,) if field == "names" else ("body", "title"))]
        ranked = Ranked()
        for doc_id, score in self._search(clauses, filters, CANDIDATES):
            ranked.scores[doc_id] = score
        ranked.evidence = {"terms": [(term, form, field) for term, _w, form, field in terms]}
        return ranked

    def entities(self, probe: Probe, filters: list[Any]) -> tuple[Ranked, dict[str, float],
                                                                   dict[str, str]]:
        """Documents that name the probe's entities, weighted by how rare each is."""
        searcher = self.index.searcher()
        total = max(1, searcher.num_docs)
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for e in probe.entities:
            if e.get("type") in ENTITY_TYPES:
                counts[e["key"]] += max(1, len(e.get("mentions") or []))
                names.setdefault(e["key"], e.get("name") or e["key"])
        weights: dict[str, float] = {}
        for key, n in counts.items():
            df = searcher.doc_freq("entity", key)
            if df == 0 or df > total * 0.3:
                continue
            weights[key] = math.log(1 + total / df) * (1 + math.log(n))
        top = sorted(weights, key=lambda k: (-weights[k], k))[:MAX_ENTITIES]
        schema = self.index.schema
        clauses = [(tantivy.Occur.Should, tantivy.Query.boost_query(
            tantivy.Query.term_query(schema, "entity", key), weights[key])) for key in top]
        ranked = Ranked()
        for doc_id, score in self._search(clauses, filters, CANDIDATES):
            ranked.scores[doc_id] = score
        return ranked, {k: weights[k] for k in top}, names

    def citations(self, fused: list[str], seeds: int = 5) -> Ranked:
        """Cables cited by, or citing, the strongest hits, with the path."""
        ranked = Ranked()
        for position, hit in enumerate(fused[:seeds]):
            for other, how in ([(c, "cited by") for c in self.store.cites(hit)]
                               + [(c, "cites") for c in self.store.cited_by(hit)]):
                if other == hit:
                    continue
                score = 1.0 / (1 + position)
                if score > ranked.scores.get(other, 0.0):
                    ranked.scores[other] = score
                    ranked.evidence[other] = {"via": hit, "relation": how}
        return ranked


def background(index: SearchIndex, store: Store, probe: Probe, kind: str | None = None,
               before: str | None = None, after: str | None = None, limit: int = 10,
               parts: tuple[str, ...] = ("lexical", "entities", "meaning", "citations", "time"),
               meaning: Callable[[Probe, int], Ranked] | None = None,
               weights: dict[str, float] | None = None, bounded: bool = True) -> Background:
    """The documents behind `probe`, best first, each with its score and its reasons.
    Unless `bounded` is false, an article's background predates it."""
    weights = {**WEIGHTS, **(weights or {})}
    if before is None and bounded and probe.doc.get("kind") == "article" and "time" in parts:
        before = probe.date
    blend = Blend(index, store, meaning)
    filters = blend.filters(probe, kind, before, after)
    ranked: dict[str, Ranked] = {}
    entity_weights: dict[str, float] = {}
    names: dict[str, str] = {}
    if "lexical" in parts:
        ranked["lexical"] = blend.lexical(probe, filters)
    if "entities" in parts and probe.entities:
        ranked["entities"], entity_weights, names = blend.entities(probe, filters)
    if "meaning" in parts and meaning is not None:
        found = meaning(probe, CANDIDATES * 3)
        keep = _allowed(store, set(found.scores), probe, kind, before, after)
        found.scores = {k: v for k, v in found.scores.items() if k in keep}
        order = found.order()[:CANDIDATES]
        found.scores = {k: found.scores[k] for k in order}
        found.evidence = {k: found.evidence[k] for k in order if k in found.evidence}
        ranked["meaning"] = found

    def fuse(ranks: dict[str, Ranked]) -> dict[str, float]:
        total: dict[str, float] = {}
        for part, r in ranks.items():
            for rank, doc_id in enumerate(r.order()):
                total[doc_id] = total.get(doc_id, 0.0) + weights[part] / (RRF_K + rank + 1)
        return total

    fused = fuse(ranked)
    if "citations" in parts:
        order = sorted(fused, key=lambda i: (-fused[i], i))
        cited = blend.citations(order)
        allowed = set(fused) | _allowed(store, set(cited.scores) - set(fused), probe, kind,
                                        before, after)
        cited.scores = {k: v for k, v in cited.scores.items() if k in allowed}
        ranked["citations"] = cited
        fused = fuse(ranked)
    story = _day(probe.date)
    listing = store.listing(list(fused))
    fused = {k: v for k, v in fused.items() if k in listing}
    if "time" in parts and story is not None:
        for doc_id in fused:
            when = _day(listing[doc_id]["date"])
            if when is not None:
                years = abs((story - when).days) / 365.25
                fused[doc_id] += weights["time"] / (RRF_K + 1) / (1 + years)
    order = sorted(fused, key=lambda i: (-fused[i], i))[:limit]
    hits = []
    for doc_id in order:
        row = listing[doc_id]
        reasons: dict[str, Any] = {}
        for part, r in ranked.items():
            if doc_id in r.scores:
                reasons[part] = {"rank": r.order().index(doc_id) + 1,
                                 "score": round(r.scores[doc_id], 4)}
        for part in ("citations", "meaning"):
            if part in reasons and doc_id in ranked[part].evidence:
                reasons[part].update(ranked[part].evidence[doc_id])
        hits.append({**row, "score": round(fused[doc_id], 6), "reasons": reasons})
    _explain(hits, index, ranked, entity_weights, names)
    _passages(hits, store)
    return {"probe": {"id": probe.own_id, "kind": probe.doc.get("kind"),
                      "title": probe.doc.get("title"), "date": probe.date},
            "filters": {"kind": kind, "before": before, "after": after},
            "hits": cast(list[BackgroundHit], hits)}


def _allowed(store: Store, ids: set[str], probe: Probe, kind: str | None, before: str | None,
             after: str | None) -> set[str]:
    """Of documents the citation graph adds, those that pass the same filters."""
    out = set()
    for doc_id, row in store.listing(sorted(ids)).items():
        when = (row["date"] or "")[:10]
        if doc_id == probe.own_id or (kind and row["kind"] != kind):
            continue
        if (before and when and when > before) or (after and when and when < after):
            continue
        out.add(doc_id)
    return out


def _explain(hits: list[dict[str, Any]], index: SearchIndex, ranked: dict[str, Ranked],
             weights: dict[str, float], names: dict[str, str]) -> None:
    """Add what each hit shares with the probe: entities by name, key terms as written. One
    search per entity or term over the hits together, not one per hit."""
    if not hits:
        return
    searcher = index.searcher()
    terms = ranked["lexical"].evidence.get("terms", []) if "lexical" in ranked else []
    keys = sorted(weights, key=lambda k: (-weights[k], k))
    schema = index.schema
    among = tantivy.Query.boolean_query([
        (tantivy.Occur.Should, tantivy.Query.term_query(schema, "doc_id", hit["id"]))
        for hit in hits])
    where = {}
    for _score, address in searcher.search(among, len(hits)).hits:
        where[(address.segment_ord, address.doc)] = str(searcher.doc(address).get_first("doc_id"))

    def having(field_name: str, value: str) -> set[str]:
        query = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, among),
            (tantivy.Occur.Must, tantivy.Query.term_query(schema, field_name, value))])
        return {where[(a.segment_ord, a.doc)] for _s, a in searcher.search(query, len(hits)).hits
                if (a.segment_ord, a.doc) in where}

    named = {k: having("entity", k) for k in keys} if any(
        "entities" in h["reasons"] for h in hits) else {}
    worded = {(field, term): having(field, term) for term, _form, field in terms} if any(
        "lexical" in h["reasons"] for h in hits) else {}
    for hit in hits:
        reasons = hit["reasons"]
        if "entities" in reasons:
            reasons["entities"]["shared"] = [names[k] for k in keys if hit["id"] in named[k]][:8]
        if "lexical" in reasons:
            reasons["lexical"]["terms"] = [form for term, form, field in terms
                                           if hit["id"] in worded[(field, term)]][:8]


def _passages(hits: list[dict[str, Any]], store: Store) -> None:
    """The words of the passage that made a `meaning` hit (from the vectors stage's result)."""
    for hit in hits:
        reason = hit["reasons"].get("meaning")
        if not reason or "passage" not in reason:
            continue
        result = store.result(hit["id"], "vectors") or {}
        for passage in result.get("passages") or []:
            if passage.get("number") == reason["passage"]:
                text = str(passage.get("text") or "")
                reason["text"] = text if len(text) <= 200 else text[:200].rsplit(" ", 1)[0] + " …"
