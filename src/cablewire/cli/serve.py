"""`cablewire serve`: the reading room (web app and JSON API) over an archive."""

from __future__ import annotations

import os

import click

from cablewire.cli.common import db_option, settings_from, translate_errors


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--token", default=None, envvar="CABLEWIRE_TOKEN", metavar="TOKEN",
              help="Allow writes (POST /api/documents) with 'Authorization: Bearer TOKEN'."
                   " Without it the server is read-only. Also $CABLEWIRE_TOKEN.")
@click.option("--read-token", default=None, envvar="CABLEWIRE_READ_TOKEN", metavar="TOKEN",
              help="A private archive: every page and API call needs this token (or the write"
                   " token), as 'Authorization: Bearer TOKEN' or a browser's password."
                   " Also $CABLEWIRE_READ_TOKEN.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes, each with its own connections and a search index kept"
                   " caught up with the archive (for a shared PostgreSQL archive).")
@translate_errors
def serve_command(db: str | None, host: str, port: int, token: str | None,
                  read_token: str | None, workers: int) -> None:
    """Serve the archive as a web app and a JSON API (/api, /api/openapi.json). A port that
    is in use is an error (exit 2) that names a free one to try.

    \b
    Example:
        cablewire serve --db cablewire.db
        cablewire serve --db postgresql://reader@db.example.org/cables --workers 4
        curl 'http://127.0.0.1:8000/api/search?q=AQIM'
    """
    import uvicorn

    from cablewire.web import create_app
    from cablewire.web.ports import check_port

    check_port(host, port)
    settings = settings_from(db=db)
    # The archive is opened here first, so a wrong --db fails before any worker starts, and the
    # workers find the search index caught up.
    app = create_app(settings, token=token, read_token=read_token)
    shown = f"[{host}]" if ":" in host else host
    access = "writes need the token" if token else "read-only"
    if read_token:
        access += ", reads need the read token"
    click.echo(f"cablewire: serving {app.state.web.archive.store.uri} at http://{shown}:{port}/"
               f" ({access}; {workers} worker{'s' if workers > 1 else ''}); Ctrl-C stops")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
        return
    app.state.web.close()
    os.environ["CABLEWIRE_DB"] = settings.db
    for name, value in (("CABLEWIRE_TOKEN", token), ("CABLEWIRE_READ_TOKEN", read_token)):
        if value:
            os.environ[name] = value
        else:
            os.environ.pop(name, None)
    uvicorn.run("cablewire.web.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning", proxy_headers=False)
