"""`cablewire ingest`: documents into the archive, with a progress line on a terminal."""

from __future__ import annotations

import json
import os
import sys

import click

from cablewire.budget import DEFAULT_SECONDS
from cablewire.cli.common import db_option, settings_from, translate_errors
from cablewire.cli.counts import count
from cablewire.pipeline import Progress, ingest


class _ProgressLine:
    """Documents/s, errors so far and time left, redrawn on one terminal line."""

    def __init__(self, total: int | None) -> None:
        self.total = total

    def __call__(self, p: Progress) -> None:
        rate = p.sources / p.elapsed if p.elapsed > 0 else 0.0
        left = ""
        if self.total and rate > 0:
            seconds = max(0.0, (self.total - p.sources) / rate)
            left = f", {seconds:.0f}s left"
        done = f"{p.sources}/{self.total}" if self.total else f"{p.sources}"
        sys.stderr.write(
            f"\r{done} sources, {p.documents} documents, {rate:.0f} sources/s,"
            f" {p.failed} failed{left}   "
        )
        sys.stderr.flush()


def _show_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option("--workers", type=int, default=None,
              help="Parsing processes (default: one per core).")
@click.option("--enrich/--no-enrich", default=None,
              help="Find entities, places, dates and quotes too (default: when the NLP extra"
                   " is installed).")
@click.option("--time-budget", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Seconds one document may take (to read, and again to enrich); over it the"
                   " document is recorded as failed and the rest go on. Default:"
                   f" {DEFAULT_SECONDS:g}; 0: no budget.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@translate_errors
def ingest_command(paths: tuple[str, ...], db: str | None, workers: int | None,
                   enrich: bool | None, time_budget: float | None, as_json: bool) -> None:
    """Ingest cables and articles from PATHS (files, folders, .tar.* and .zip archives) into
    the archive. Running it again on the same input changes nothing; after an interruption it
    resumes where it stopped. Documents that cannot be read are recorded (`cablewire errors`)
    and the rest go on; the exit status is then 1. A path that does not exist is an error
    (status 2) and nothing is read.

    \b
    Example:
        cablewire ingest cablegate-pages.tar.xz bbc-news/ --db archive.db
    """
    settings = settings_from(db=db, workers=workers, time_budget=time_budget,
                             enrich=None if enrich is None else ("yes" if enrich else "no"))
    progress = None
    if _show_progress():
        from cablewire.sources import count_sources

        progress = _ProgressLine(count_sources(paths))
    report = ingest(paths, settings, on_progress=progress)
    if progress:
        sys.stderr.write("\n")
    out = report.to_dict()
    if as_json:
        click.echo(json.dumps(out))
    else:
        click.echo(
            f"{out['new']} new, {out['updated']} updated, {out['unchanged']} unchanged,"
            f" {out['failed']} failed ({out['sources']} sources in {out['seconds']}s)"
            + (f"; {out['enriched']} enriched" if out["enriched"] else "")
        )
    if out["failed"]:
        if not as_json:
            click.echo(f"{count(out['failed'], 'source')} could not be read; see why with:"
                       " cablewire errors", err=True)
        sys.exit(1)
