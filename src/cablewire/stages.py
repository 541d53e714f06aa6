"""Stages: what derives knowledge from documents, declared once and run by the pipeline.

A stage has a name, a version, the stages it needs, and either

- `run(doc, needs) -> result`: a pure function of a document's JSON form and the results of
  the stages it needs (by name), run on any worker; or
- `feed(doc, needs)` and `flush() -> [(doc_id, result)]`: work across documents, run in the
  writing process (`flush` is called when a run has fed every pending document).

Results are stored keyed by (document, stage, version) with the versions of their inputs, so
bumping one stage's version re-runs that stage (and the stages that need it) alone. A result's
`entities`, `places`, `events` and `quotes` lists become rows that only that stage owns.

Built-in stages register through the same hook a third-party plugin uses::

    from cablewire import hookimpl
    from cablewire.stages import Stage

    @hookimpl
    def cablewire_stages():
        return [Stage("wordcount", "1", run=lambda doc, needs: {"words": len(doc["body"].split())})]

(For a run on worker processes, `run` must be a module-level function.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cablewire.errors import StageError

Result = dict[str, Any]
RunFn = Callable[[dict[str, Any], dict[str, Result]], Result]
FeedFn = Callable[[dict[str, Any], dict[str, Result]], None]
FlushFn = Callable[[], list[tuple[str, Result]]]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    run: RunFn | None = None
    needs: tuple[str, ...] = ()
    feed: FeedFn | None = None
    flush: FlushFn | None = None
    indexed: bool = False
    """Whether the search index reads this stage's result (entity and place filters)."""
    available: Callable[[], bool] = field(default=lambda: True, compare=False)
    """Whether what the stage needs to run (an optional extra, a model) is installed."""
    prepare: Callable[[], None] | None = field(default=None, compare=False)
    """Loads what the stage needs once per worker (a model), raising a `CablewireError` with
    the install hint when it is missing."""
    description: str = ""

    def __post_init__(self) -> None:
        if (self.run is None) == (self.feed is None and self.flush is None):
            raise StageError(f"stage {self.name!r} needs either run, or feed and flush")
        if (self.feed is None) != (self.flush is None):
            raise StageError(f"stage {self.name!r} needs both feed and flush")


def registered() -> list[Stage]:
    """Every registered stage, in an order where each comes after the stages it needs."""
    from cablewire.plugins import plugin_manager

    found: dict[str, Stage] = {}
    for batch in reversed(plugin_manager().hook.cablewire_stages()):
        for stage in batch:
            if stage.name in found:
                raise StageError(f"two stages are named {stage.name!r}: rename one of them")
            found[stage.name] = stage
    return ordered(found.values())


def ordered(stages: Iterable[Stage]) -> list[Stage]:
    """`stages` with each after the stages it needs (names sorted where order is free)."""
    by_name = {s.name: s for s in stages}
    out: list[Stage] = []
    state: dict[str, str] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            raise StageError("stages need each other in a circle: " + " -> ".join(chain + (name,)))
        stage = by_name.get(name)
        if stage is None:
            raise StageError(f"stage {chain[-1]!r} needs {name!r}, which no plugin provides")
        state[name] = "visiting"
        for need in stage.needs:
            visit(need, chain + (name,))
        state[name] = "done"
        out.append(stage)

    for name in sorted(by_name):
        visit(name, ())
    return out


def get(name: str) -> Stage:
    for stage in registered():
        if stage.name == name:
            return stage
    names = ", ".join(s.name for s in registered())
    raise StageError(f"no stage named {name!r}: choose one of {names}")


def with_needs(names: Iterable[str]) -> list[Stage]:
    """The named stages and every stage they need, in running order."""
    everything = {s.name: s for s in registered()}
    wanted: set[str] = set()

    def add(name: str) -> None:
        if name not in everything:
            raise StageError(f"no stage named {name!r}: choose one of {', '.join(everything)}")
        if name not in wanted:
            wanted.add(name)
            for need in everything[name].needs:
                add(need)

    for name in names:
        add(name)
    return [s for s in registered() if s.name in wanted]


def inputs_of(stage: Stage, stages: dict[str, Stage] | None = None) -> str:
    """The versions a result of `stage` is made from, as stored beside it
    (`entities=1.1.0,dates=1.0.0`)."""
    known = stages if stages is not None else {s.name: s for s in registered()}
    return ",".join(f"{need}={known[need].version}" for need in sorted(stage.needs))

