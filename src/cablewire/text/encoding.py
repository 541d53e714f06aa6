"""Bytes to text: detect binary input, decode UTF-8 (with or without BOM), UTF-16 by BOM,
else Windows-1252, and say which was used when it was not UTF-8."""

from __future__ import annotations

from cablewire.errors import UnreadableError


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of `data` and warnings about how it was decoded."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16"]
        except UnicodeDecodeError:
            raise UnreadableError(
                "this starts like UTF-16 text but does not decode as UTF-16: save it as UTF-8"
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in head or _control_share(head) > 0.1:
        raise UnreadableError(
            "this looks like a binary file, not text: give cablewire the cable or article as"
            " text or HTML"
        )
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), ["not UTF-8: decoded as Windows-1252"]


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _control_share(head: bytes) -> float:
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROLS))) / len(head)
