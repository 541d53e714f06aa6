"""Errors raised by cablewire.

One root, and leaves that say what went wrong::

    CablewireError
     +-- InputError            a path or file cannot be read
     |    +-- UnreadableError  bytes that are not text (binary, or an encoding we cannot decode)
     +-- FormatError           text that no format recognises, or that its format cannot parse
     +-- UsageError            a call or setting that makes no sense

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


class FormatError(CablewireError):
    """No format recognises the text, or its format cannot parse it."""

    status = 422


class UsageError(CablewireError):
    """A call or setting that makes no sense."""

    exit_code = 2
    status = 400
