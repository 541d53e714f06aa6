"""A document's revisions for its page: which one the page shows and why, and each revision
with its completeness, its original and why it is not the one shown (the choice of
`cablewire.model.revisions`, as `Archive.show` gives it)."""

from __future__ import annotations

from typing import Any

from cablewire.model.revisions import Completeness
from cablewire.results import Shown
from cablewire.web.rendering import document_url


def present_revisions(shown: Shown) -> dict[str, Any]:
    """`shown` (the revision shown, of how many, the rule and the reason) and `revisions`
    (each with its original's address, its completeness in words, whether it is shown and
    why not when it is not)."""
    current = shown["current"]
    doc_id = shown["document"]["id"]
    why_not = {p["revision"]: p["reason"] for p in current["passed_over"]}
    revisions = [{
        "revision": r["revision"],
        "url": f"{document_url(doc_id)}/original?revision={r['revision']}",
        "ingested_at": r["ingested_at"],
        "source": r["source"],
        "released": r["released"],
        "completeness": Completeness.from_dict(dict(r["completeness"])).describe(),
        "current": r["current"],
        "why_not": why_not.get(r["revision"]),
    } for r in shown["revisions"]]
    return {"revision": current["revision"], "of": current["of"], "rule": current["rule"],
            "reason": current["reason"], "revisions": revisions}
