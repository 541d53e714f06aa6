"""Linking: related documents, news to background cables."""
