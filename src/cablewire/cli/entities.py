"""`cablewire enrich`, `stages`, `entities`, `timeline` and `quotes`: who, where and when
(`entity` is in `cablewire.cli.entity`)."""

from __future__ import annotations

import json
import sys

import click

from cablewire.archive import Archive
from cablewire.budget import DEFAULT_SECONDS
from cablewire.cli.common import (
    db_option,
    executor_options,
    json_option,
    settings_from,
    translate_errors,
)
from cablewire.cli.counts import count
from cablewire.cli.progress import Meter
from cablewire.pipeline import StageProgress, enrich, stage_status
from cablewire.timeline import when

TYPES = ("person", "organization", "place", "group")


@click.command("enrich")
@db_option
@click.option("--workers", type=int, default=None,
              help="Processes, or Ray actors (default: one per core, of the Ray cluster).")
@executor_options
@click.option("--stage", "names", multiple=True, metavar="NAME",
              help="Run only this stage (and those it needs); repeat for more. Default: all."
                   " See `cablewire stages`.")
@click.option("--time-budget", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Seconds one document may take (to read, and again to enrich); over it the"
                   " document is recorded as failed and the rest go on. Default:"
                   f" {DEFAULT_SECONDS:g}; 0: no budget.")
@json_option
@translate_errors
def enrich_command(db: str | None, workers: int | None, executor: str | None,
                   address: str | None, names: tuple[str, ...], time_budget: float | None,
                   as_json: bool) -> None:
    """Run the stages (people, organisations, places, dates, events, quotes, jargon, passage
    vectors) on the documents that lack their current result: a stage whose version changed
    re-runs alone (the model's stage needs the NLP extra: pip install 'cablewire[nlp]'). Exits
    with status 1 when any document failed (each failure is printed on standard error).

    \b
    Example:
        cablewire enrich --db archive.db
        cablewire enrich --stage quotes
        cablewire enrich --stage vectors --executor ray --address auto --workers 8
    """
    meter = Meter("enrich", "documents")

    def progress(p: StageProgress) -> None:
        meter.update(p.done, p.total, f"{p.failed} failed")

    settings = settings_from(db=db, workers=workers, executor=executor, ray_address=address,
                             time_budget=time_budget)
    try:
        report = enrich(settings, on_progress=progress, names=names or None)
    finally:
        meter.close()
    if as_json:
        click.echo(json.dumps(report.to_dict()))
    else:
        written = ", ".join(f"{n} {stage}" for stage, n in sorted(report.written.items()))
        click.echo(f"{count(report.enriched, 'document')} enriched in {report.seconds:.1f}s"
                   + (f" ({written})" if written else "") + f", {len(report.failed)} failed")
        for failure in report.failed:
            click.echo(f"{failure['document']} ({failure['stage']}): {failure['error']}",
                       err=True)
    if report.failed:
        sys.exit(1)


@click.command("stages")
@db_option
@json_option
@translate_errors
def stages_command(db: str | None, as_json: bool) -> None:
    """The stages that derive knowledge from documents: each one's version, the stages it
    needs, whether it can run here, and how many documents it still has to do.

    \b
    Example:
        cablewire stages --db archive.db
    """
    rows = stage_status(settings_from(db=db))
    if as_json:
        click.echo(json.dumps(rows))
        return
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        needs = f" (needs {', '.join(r['needs'])})" if r["needs"] else ""
        state = "" if r["available"] else "  [not installed]"
        pending = "up to date" if not r["pending"] else f"{r['pending']} to do"
        click.echo(f"{r['name']:<{width}}  {r['version']:<8} {pending:<14}{state}"
                   f"  {r['description']}{needs}")


@click.command("entities")
@db_option
@click.option("--type", "type_", type=click.Choice(TYPES), default=None)
@click.option("--limit", default=50, show_default=True)
@json_option
@translate_errors
def entities_command(db: str | None, type_: str | None, limit: int, as_json: bool) -> None:
    """Entities in the archive with their mention and document counts.

    \b
    Example:
        cablewire entities --type person --limit 20
    """
    with Archive.open(settings_from(db=db)) as archive:
        found = archive.entities(type_, limit)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    for e in found:
        click.echo(f"{e['documents']:6d} docs {e['mentions']:7d} mentions  {e['type']:12s}"
                   f" {e['name']}  ({e['key']})")


@click.command("timeline")
@click.argument("query", default="")
@db_option
@click.option("--limit", default=200, show_default=True)
@json_option
@translate_errors
def timeline_command(query: str, db: str | None, limit: int, as_json: bool) -> None:
    """Dated events in order, across the archive or the documents a query finds, each at its
    own precision: 2012 (a year), 2009-03 (a month), 2009-06-10 (a day), 1991/1992 (a span).

    \b
    Example:
        cablewire timeline 'entity:AQIM'
    """
    with Archive.open(settings_from(db=db)) as archive:
        events = archive.timeline(query or None, limit)
    if as_json:
        click.echo(json.dumps(events, ensure_ascii=False))
        return
    width = max((len(when(event)) for event in events), default=0)
    for event in events:
        click.echo(f"{when(event):<{width}}  {event['document']}  {event['sentence'][:160]}")


@click.command("quotes")
@db_option
@click.option("--speaker", default=None, help="Only this speaker (any of their names).")
@click.option("--limit", default=200, show_default=True)
@json_option
@translate_errors
def quotes_command(db: str | None, speaker: str | None, limit: int, as_json: bool) -> None:
    """Direct quotations with their speakers.

    \b
    Example:
        cablewire quotes --speaker Toure
    """
    with Archive.open(settings_from(db=db)) as archive:
        found = archive.quotes(speaker, limit)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    if not found:
        click.echo(f"no quotes by {speaker} found" if speaker else "no quotes found"
                   " (quotes come from enrichment: cablewire enrich)")
    for quote in found:
        click.echo(f'{quote["speaker"] or "?"}: "{quote["text"]}"  ({quote["document"]})')
