"""The `meaning` part of the blend: documents whose passages are close to the probe's in the
multilingual vector space (`cablewire.enrich.embedding`), so a Portuguese or Spanish story
reaches the English cables behind it.

A probe in the archive is looked up with its stored vectors; pasted text is embedded here (the
model loads once per process, about a second).

    part = Meaning(vectors)                      # a VectorIndex caught up with the store
    ranked = part(probe, 100)                    # a `Ranked`, evidence per document
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cablewire.index.vectorindex import VectorIndex

if TYPE_CHECKING:
    from cablewire.link.background import Probe, Ranked

PROBE_PASSAGES = 2
"""A pasted text's passages that are embedded, as many as a stored document has: a story's
lead carries its subject, and each passage costs the model about 0.15 s on 2 cores."""


class Meaning:
    """Callable as the blend's `meaning` part."""

    def __init__(self, vectors: VectorIndex) -> None:
        self.vectors = vectors

    def probe_vectors(self, probe: Probe) -> Any:
        from cablewire.enrich.embedding import Embedder
        from cablewire.enrich.passages import passages

        if probe.own_id is not None:
            stored = self.vectors.vectors_of(probe.own_id)
            if stored is not None:
                return stored
        texts = [p.text for p in passages(probe.doc, limit=PROBE_PASSAGES)]
        return Embedder.load().queries(texts)

    def __call__(self, probe: Probe, count: int) -> Ranked:
        from cablewire.link.background import Ranked

        ranked = Ranked()
        if not len(self.vectors):
            return ranked
        for hit in self.vectors.search(self.probe_vectors(probe), count, exclude=probe.own_id):
            ranked.scores[hit.doc_id] = hit.score
            ranked.evidence[hit.doc_id] = {"passage": hit.passage,
                                           "probe_passage": hit.probe_passage}
        return ranked

    def text_vectors(self, text: str) -> Any:
        """A search query's vector (`cablewire search --semantic`)."""
        from cablewire.enrich.embedding import Embedder

        return Embedder.load().queries([text])
