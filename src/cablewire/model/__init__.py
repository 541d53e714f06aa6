"""The domain model: documents and their identifiers, and cable jargon (`jargon`)."""

from cablewire.model.document import Article, Cable, Document
from cablewire.model.ids import canonical_cable_id, make_document_id

__all__ = ["Article", "Cable", "Document", "canonical_cable_id", "make_document_id"]
