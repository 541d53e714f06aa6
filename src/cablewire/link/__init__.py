"""Linking: the documents behind a document (the blend of terms, names, citations and time)."""
