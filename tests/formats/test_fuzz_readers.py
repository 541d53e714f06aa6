"""Fuzzing every reader: mangled documents (`fuzz_inputs`) are read in under a second of CPU
each (CPU time: other work on the machine does not count), and only cablewire's own errors come
out. A longer run: `benchmarks/fuzz_readers.py`."""

from __future__ import annotations

import gc
import time

from fuzz_inputs import TEXTS, mangled
from hypothesis import HealthCheck, given, settings

import cablewire

for _name, _text in TEXTS.items():  # the readers' first document loads their data: not timed
    cablewire.parse_text(_text, source=_name)

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


def read(text: str, source: str) -> list[float]:
    """Read `text` as text and as UTF-8 bytes; the CPU seconds of each. Only a
    `CablewireError` may come out (it is the answer for input that cannot be read)."""
    took = []
    for attempt in (lambda: cablewire.parse_text(text, source=source),
                    lambda: cablewire.parse_bytes(text.encode("utf-8", "surrogatepass"),
                                                  source=source)):
        # (the collector off while timed: late in a full run it walks every other test's
        # garbage, which is no time of the reader's)
        gc.collect()
        gc.disable()
        started = time.process_time()
        try:
            attempt()
        except cablewire.CablewireError:
            pass
        finally:
            took.append(time.process_time() - started)
            gc.enable()
    return took


@FUZZ
@given(mangled())
def test_a_mangled_document_is_read_quickly_or_refused_with_our_error(
        case: tuple[str, str]) -> None:
    name, text = case
    took = read(text, source=name)
    assert max(took) < 1.0, f"{name}: {took} s of CPU for {len(text):,} characters"
