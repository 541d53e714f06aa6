"""A time budget per document: work over it stops with `OverBudget`, and the document is
recorded as failed with the reason while the batch goes on.

The budget is a timer signal (SIGALRM) in the process doing the work, which interrupts a regular
expression or a model between two steps: nothing is killed, and the worker takes the next
document. Where no timer signal can be set (not the main thread of its process, or no SIGALRM on
this platform) the work runs without a budget.

    >>> with within(0):        # 0: no budget
    ...     pass
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT_SECONDS = 120.0
"""Per document: reading a 1 MB line takes seconds, and the model reads about 3,000 words a
second on one core, so only a runaway input gets near it."""


class OverBudget(BaseException):  # noqa: N818 (what happened, not an error of the caller)
    """The work on one document went over its time budget. Like `KeyboardInterrupt` it is no
    `Exception`, so no `except Exception` in a reader or a stage swallows it; the pipeline
    records it against the document and never raises it to the caller."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the time budget of {seconds:g} s per document; a longer budget"
                         " (--time-budget SECONDS, 0 for none) lets it finish")
        self.seconds = seconds


def can_interrupt() -> bool:
    """Whether this thread can set the timer that stops work over budget."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Run the block with a budget of `seconds` (0 or less: none); over it, `OverBudget` is
    raised inside the block."""
    if seconds <= 0 or not can_interrupt():
        yield
        return
    def over(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
