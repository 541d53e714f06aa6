"""Is a port free to serve on? Checked before the server starts, so a busy port is a message
that names a free one, not a traceback after the serving URL."""

from __future__ import annotations

import errno
import socket

from cablewire.errors import UsageError

TRIES = 20
"""How many ports after a busy one are tried for a free one to suggest."""


def _bindable(host: str, port: int) -> OSError | None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc
    return None


def check_port(host: str, port: int) -> None:
    """Raise `UsageError` when `host:port` cannot be served on, naming a free port to try."""
    problem = _bindable(host, port)
    if problem is None:
        return
    if problem.errno == errno.EADDRINUSE:
        free = next((p for p in range(port + 1, min(port + 1 + TRIES, 65536))
                     if _bindable(host, p) is None), None)
        hint = (f"try --port {free} (scripts/demo: PORT={free} bash scripts/demo)"
                if free else "stop what is using it, or choose another --port")
        raise UsageError(f"port {port} on {host} is already in use (another cablewire serve?):"
                         f" {hint}")
    if problem.errno == errno.EACCES:
        raise UsageError(f"port {port} on {host} needs more privileges than this user has:"
                         " choose a port above 1023, e.g. --port 8000")
    raise UsageError(f"cannot listen on {host}:{port} ({problem.strerror}): check --host"
                     " (127.0.0.1 for this machine only, 0.0.0.0 for every address)")
