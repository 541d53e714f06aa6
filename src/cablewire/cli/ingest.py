"""`cablewire ingest`: documents into the archive, with its progress on standard error."""

from __future__ import annotations

import json
import sys

import click

from cablewire.budget import DEFAULT_SECONDS
from cablewire.cli.common import db_option, executor_options, settings_from, translate_errors
from cablewire.cli.counts import count
from cablewire.cli.progress import Meter
from cablewire.pipeline import Progress, StageProgress, ingest


def _count(paths: tuple[str, ...]) -> int | None:
    from cablewire.sources import count_sources

    try:
        return count_sources(paths)
    except Exception:  # a path that cannot be walked: ingest itself says so
        return None


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option("--workers", type=int, default=None,
              help="Parsing processes, or Ray actors (default: one per core).")
@executor_options
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
                   executor: str | None, address: str | None, enrich: bool | None,
                   time_budget: float | None, as_json: bool) -> None:
    """Ingest cables and articles from PATHS (files, folders, .tar.* and .zip archives) into
    the archive. Running it again on the same input changes nothing; after an interruption it
    resumes where it stopped. Documents that cannot be read are recorded (`cablewire errors`)
    and the rest go on; the exit status is then 1. A path that does not exist is an error
    (status 2) and nothing is read.

    \b
    Example:
        cablewire ingest cablegate-pages.tar.xz bbc-news/ --db archive.db
    """
    settings = settings_from(db=db, workers=workers, executor=executor, ray_address=address,
                             time_budget=time_budget,
                             enrich=None if enrich is None else ("yes" if enrich else "no"))
    reading = Meter("ingest", "sources")
    total = _count(paths) if reading.use_bar else None
    stages = Meter("enrich", "documents")

    def read(p: Progress) -> None:
        reading.update(p.sources, total, f"{p.documents} documents, {p.failed} failed")

    def enriched(p: StageProgress) -> None:
        reading.close()  # reading is over when the stages start
        stages.update(p.done, p.total, f"{p.failed} failed")

    try:
        report = ingest(paths, settings, on_progress=read, on_stage_progress=enriched)
    finally:
        reading.close()
        stages.close()
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
