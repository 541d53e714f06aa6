"""Writing NDJSON to standard output, where a closed pipe is a normal end."""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def write_json_line(obj: Any, pretty: bool = False) -> None:
    """Write one JSON document; `pretty` indents it for people."""
    text = json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as a pipe stage should.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
