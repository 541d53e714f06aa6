"""Settings, declared once. Precedence: defaults < `CABLEWIRE_*` environment variables < flags.

Build a `Settings` at the edge (the CLI, the web app) with `Settings.resolve(...)` and pass it
down; library code never reads the environment itself.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cablewire.budget import DEFAULT_SECONDS
from cablewire.errors import UsageError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting(
        "cablewire.db",
        "The archive (the store of record): a SQLite file path, sqlite://PATH,"
        " postgresql://USER@HOST/DATABASE (a shared archive), or memory:.",
    )
    index: str = _setting(
        "",
        "Folder of the derived search index; empty means the store's default (FILE.index beside"
        " a SQLite archive, ~/.cache/cablewire/ARCHIVE-ID.index for PostgreSQL, in memory for"
        " memory:).",
    )
    workers: int = _setting(
        0, "Processes (or Ray actors) that parse documents and run the stages; 0 means one per CPU"
        " core (of the Ray cluster, for the ray executor)."
    )
    executor: str = _setting(
        "local",
        "Where parsing and the stages run: local (a process pool on this machine) or ray (a"
        " pool of Ray actors; the ray extra).",
    )
    ray_address: str = _setting(
        "",
        "The Ray cluster for the ray executor: auto (the one this machine belongs to) or"
        " HOST:PORT; empty starts Ray on this machine for the run.",
    )
    batch_size: int = _setting(200, "Source files written to the archive per transaction.")
    time_budget: float = _setting(
        DEFAULT_SECONDS,
        "Seconds one document may take to read, and again to enrich; over it the document is"
        " recorded as failed and the batch goes on. 0 means no budget.",
    )
    index_heap_mb: int = _setting(128, "Memory for the search index writer, in MiB.")
    enrich: str = _setting(
        "auto",
        "Find entities, places, dates and quotes during ingest: yes, no, or auto (yes when the"
        " NLP extra is installed).",
    )

    @classmethod
    def resolve(
        cls, env: Mapping[str, str] | None = None, **flags: Any
    ) -> Settings:
        """Defaults, then `CABLEWIRE_<NAME>` variables from `env`, then flags that are not None."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f"CABLEWIRE_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _convert(f, raw)
        values.update({k: v for k, v in flags.items() if v is not None})
        unknown = set(values) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls(**values)


def _convert(f: dataclasses.Field[Any], raw: str) -> Any:
    if f.type in ("int", int):
        try:
            return int(raw)
        except ValueError:
            raise UsageError(
                f"CABLEWIRE_{f.name.upper()}={raw!r} is not a whole number; set it to one"
            ) from None
    if f.type in ("float", float):
        try:
            return float(raw)
        except ValueError:
            raise UsageError(
                f"CABLEWIRE_{f.name.upper()}={raw!r} is not a number; set it to one"
            ) from None
    return raw
