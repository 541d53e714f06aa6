"""Progress of long work (ingest, enrichment and vectors, re-indexing) on standard error: a
tqdm bar on a terminal; elsewhere (a pipe, a log, CI) plain lines, the first after
`PLAIN_AFTER` seconds and then one every `PLAIN_EVERY`, so a short run prints nothing and a
long one shows it is alive. Standard output keeps only the command's answer.

    meter = Meter("enrich", "documents")
    meter.update(10, 302)
    meter.close()
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

PLAIN_AFTER = 5.0
PLAIN_EVERY = 15.0


def on_terminal(stream: TextIO) -> bool:
    """Whether `stream` is a terminal a person watches (not a pipe, not CI)."""
    return stream.isatty() and not os.environ.get("CI")


class Meter:
    """How far one piece of work has got, shown as it goes."""

    def __init__(self, label: str, unit: str, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 bar: bool | None = None) -> None:
        self.label, self.unit = label, unit
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.next_line = self.started + PLAIN_AFTER
        self.done: int = 0
        self.total: int | None = None
        self.extra = ""
        self._bar: Any = None
        self.closed = False
        self.lines = 0
        self.use_bar = on_terminal(self.stream) if bar is None else bar

    def update(self, done: int, total: int | None = None, extra: str = "") -> None:
        if self.closed:
            return
        self.done, self.extra = done, extra
        if total is not None:
            self.total = total
        if self.use_bar:
            self._draw_bar()
        elif self.clock() >= self.next_line:
            self.stream.write(self.line() + "\n")
            self.stream.flush()
            self.lines += 1
            self.next_line = self.clock() + PLAIN_EVERY

    def line(self) -> str:
        """The plain line: `ingest: 150/302 sources (50%), 0 failed, 12s`."""
        seconds = self.clock() - self.started
        count = f"{self.done}/{self.total}" if self.total else f"{self.done}"
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        extra = f", {self.extra}" if self.extra else ""
        return f"{self.label}: {count} {self.unit}{share}{extra}, {seconds:.0f}s"

    def _draw_bar(self) -> None:
        from tqdm import tqdm

        if self._bar is None:
            self._bar = tqdm(total=self.total, desc=self.label, unit=self.unit,
                             file=self.stream, dynamic_ncols=True, leave=True)
        if self.total is not None and self._bar.total != self.total:
            self._bar.total = self.total
        self._bar.n = self.done
        if self.extra:
            self._bar.set_postfix_str(self.extra, refresh=False)
        self._bar.refresh()

    def close(self) -> None:
        """End the bar, or write the last plain line when any was written; twice is once."""
        if self.closed:
            return
        self.closed = True
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elif self.lines:
            self.stream.write(self.line() + " (done)\n")
            self.stream.flush()
