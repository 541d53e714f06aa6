"""A longer fuzz run over every reader than the suite's (`tests/formats/test_fuzz_readers.py`,
same inputs: `tests/formats/fuzz_inputs.py`).

    python benchmarks/fuzz_readers.py [--examples 2000] [--seed N] [--limit 1.0]

Prints how many inputs were read, by outcome (documents, or the cablewire error), the slowest
inputs in CPU seconds, and any input over `--limit` seconds or that raised anything but a
`CablewireError`; exits 1 if there was one.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "formats"))

from fuzz_inputs import TEXTS, mangled  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

import cablewire  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=float, default=1.0, help="CPU seconds per input")
    args = parser.parse_args()
    for name, text in TEXTS.items():
        cablewire.parse_text(text, source=name)
    outcomes: Counter[str] = Counter()
    slowest: list[tuple[float, str, int]] = []
    bad: list[str] = []

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck),
              phases=[Phase.generate])
    @given(mangled())
    def run(case: tuple[str, str]) -> None:
        name, text = case
        started = time.process_time()
        try:
            outcomes[f"{len(cablewire.parse_text(text, source=name))} document(s)"] += 1
        except cablewire.CablewireError as exc:
            outcomes[type(exc).__name__] += 1
        except Exception:  # noqa: BLE001 (what the run looks for)
            bad.append(f"{name}, {len(text):,} characters:\n{traceback.format_exc()}")
        took = time.process_time() - started
        slowest.append((took, name, len(text)))
        if took > args.limit:
            bad.append(f"{name}, {len(text):,} characters: {took:.2f} s")

    started = time.perf_counter()
    run()
    print(f"{sum(outcomes.values())} inputs in {time.perf_counter() - started:.0f} s"
          f" (seed {args.seed})")
    for outcome, n in outcomes.most_common():
        print(f"  {n:6d}  {outcome}")
    print("slowest (CPU s, form, characters):")
    for took, name, size in sorted(slowest, reverse=True)[:5]:
        print(f"  {took:6.2f}  {name:16s} {size:,}")
    for line in bad:
        print("PROBLEM:", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
