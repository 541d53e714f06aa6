"""Errors raised by cablewire.

One root, and leaves that say what went wrong::

    CablewireError
     +-- InputError              a path or file cannot be read
     |    +-- UnreadableError    bytes that are not text (binary, or an encoding we cannot decode)
     |    +-- NotFound           no document (or entity, or revision) by that name
     |    +-- TooLarge           a body over the server's size limit
     +-- FormatError             text that no format recognises, or that its format cannot parse
     +-- UsageError              a call or setting that makes no sense
     |    +-- QueryError         a search query that cannot be parsed (with the position)
     |    +-- ModelMissingError  a stage's model (an optional extra) is not installed
     |    +-- Unauthorized       a write (or a private read) without the server's token
     +-- StoreError              the archive's store cannot do what was asked
     |    +-- ArchiveMissing     no archive at that path or address (only `ingest` creates one)
     |    +-- StoreBusy          another process is writing the archive
     |    +-- StoreCorrupt       the file or database is not a cablewire archive (an InputError too)
     +-- SearchIndexError       the derived search index cannot be used (rebuild it)
     +-- StageError             a stage cannot run (unknown, or its needs are not met)

Every message says what to do about it. The CLI maps `exit_code`; the web layer maps `status`.
"""

from __future__ import annotations


class CablewireError(Exception):
    """Root of all cablewire errors."""

    exit_code = 1
    status = 500


class InputError(CablewireError):
    """A path or file cannot be read."""

    exit_code = 2
    status = 400


class UnreadableError(InputError):
    """The bytes are not text that cablewire can decode."""


class NotFound(InputError):
    """No document, entity or revision by that name in the archive."""

    status = 404


class TooLarge(InputError):
    """A request body over the server's size limit."""

    status = 413


class FormatError(CablewireError):
    """No format recognises the text, or its format cannot parse it."""

    status = 422


class UsageError(CablewireError):
    """A call or setting that makes no sense."""

    exit_code = 2
    status = 400


class QueryError(UsageError):
    """A query that cannot be parsed; the message points at the problem."""

    def __init__(self, query: str, position: int, problem: str) -> None:
        pointer = " " * min(position, len(query)) + "^"
        super().__init__(f"{problem}\n  {query}\n  {pointer}")
        self.position = position
        self.problem = problem


class ModelMissingError(UsageError):
    """A stage's model (an optional extra such as `cablewire[nlp]`) is not installed."""


class Unauthorized(UsageError):
    """A write (or a read of a private archive) without the server's token."""

    exit_code = 1
    status = 401


class StoreError(CablewireError):
    """The archive's store cannot do what was asked."""

    exit_code = 1
    status = 503


class ArchiveMissing(StoreError):
    """No archive at that path or address; only `ingest` creates one."""

    exit_code = 2
    status = 404


class StoreBusy(StoreError):
    """Another process holds the archive's write lock."""


class StoreCorrupt(StoreError, InputError):
    """The file or database is not a cablewire archive (or not one this version can read)."""

    exit_code = 2
    status = 503


class SearchIndexError(CablewireError):
    """The derived search index cannot be used; it can always be rebuilt from the store."""

    exit_code = 1
    status = 503


class StageError(CablewireError):
    """A stage cannot run: unknown, or the stages it needs are missing."""

    exit_code = 2
    status = 400
