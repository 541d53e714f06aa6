"""Presenters: stored documents and results turned into what the templates show."""
