"""`cablewire serve`: the reading room (web app and JSON API) over an archive."""

from __future__ import annotations

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
@translate_errors
def serve_command(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the archive as a web app and a JSON API (/api, /api/openapi.json). A port that
    is in use is an error (exit 2) that names a free one to try.

    \b
    Example:
        cablewire serve --db cablewire.db
        curl 'http://127.0.0.1:8000/api/search?q=AQIM'
    """
    import uvicorn

    from cablewire.web import create_app
    from cablewire.web.ports import check_port

    check_port(host, port)
    app = create_app(settings_from(db=db), token=token)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"cablewire: serving {app.state.web.settings.db} at http://{shown}:{port}/"
               f" ({'writes need the token' if token else 'read-only'}); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
