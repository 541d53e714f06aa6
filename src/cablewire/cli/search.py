"""`cablewire search`, `show`, `stats`, `errors` and `reindex`: reading the archive."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from cablewire.archive import Archive
from cablewire.cli.common import db_option, json_option, settings_from, translate_errors
from cablewire.cli.counts import count
from cablewire.cli.progress import Meter
from cablewire.index.search import FACETS, SORTS
from cablewire.index.snippets import pieces
from cablewire.results import Shown, Snippet


def snippet_line(snippet: Snippet, emphasis: bool) -> str:
    """A snippet as one line of terminal text, the matched words in bold when `emphasis`."""
    return "".join(click.style(piece, bold=True) if matched and emphasis else piece
                   for piece, matched in pieces(snippet))


@click.command("search")
@click.argument("query", default="")
@db_option
@click.option("--limit", default=20, show_default=True, help="Hits to show.")
@click.option("--offset", default=0, show_default=True, help="Hits to skip (paging).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--semantic", is_flag=True,
              help="Rank by meaning (passage vectors, in any of about 100 languages) instead"
                   " of matching the words; filters still apply.")
@json_option
@translate_errors
def search_command(query: str, db: str | None, limit: int, offset: int, sort: str,
                   semantic: bool, as_json: bool) -> None:
    """Search the archive. The query language: words, "exact phrases", AND / OR / NOT and
    -word, (parentheses), prefix*, and the filters id: kind: origin: classification: tag:
    from: to: year: cites: cited-by: entity: place: similar:.

    \b
    Example:
        cablewire search 'AQIM tag:PTER'
        cablewire search 'origin:"Embassy Bamako" from:2009-01-01' --sort -date
        cablewire search 'similar:09BAMAKO387 year:2009'
        cablewire search --semantic 'golpe militar no Mali' kind:cable
    """
    with Archive.open(settings_from(db=db)) as archive:
        result = archive.search(query, limit=limit, offset=offset, sort=sort,
                                semantic=semantic)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo(count(result["total"], "document"))
    emphasis = sys.stdout.isatty()
    for hit in result["hits"]:
        click.echo(f"\n{hit['id']}  {hit['date'] or '-'}  {hit['kind']}  {hit['origin'] or ''}"
                   f"  {hit['classification'] or ''}")
        click.echo(f"  {hit['title'] or ''}")
        click.echo(f"  {snippet_line(hit['snippet'], emphasis)}")
    for name in FACETS:
        buckets = result["facets"][name]
        if buckets:
            shown = ", ".join(f"{b['value']} ({b['count']})" for b in buckets[:8])
            click.echo(f"\n{name}: {shown}")


def revision_lines(shown: Shown) -> list[str]:
    """Which revision is shown and why, and why not each other one (nothing for a document
    with one revision)."""
    current = shown["current"]
    if current["of"] < 2:
        return []
    lines = [f"revision {current['revision']} of {current['of']} shown: {current['reason']}"]
    sources = {r["revision"]: r for r in shown["revisions"]}
    for other in current["passed_over"]:
        found = sources.get(other["revision"])
        where = f" ({found['source']}, ingested {found['ingested_at']})" if found else ""
        lines.append(f"  revision {other['revision']}{where}: {other['reason']}")
    return lines


@click.command("show")
@click.argument("doc_id")
@db_option
@json_option
@click.option("--original", is_flag=True, help="Print the original bytes as ingested.")
@click.option("--revision", type=click.IntRange(min=1), default=None,
              help="With --original: the bytes of this revision (default: the current one).")
@translate_errors
def show_command(doc_id: str, db: str | None, as_json: bool, original: bool,
                 revision: int | None) -> None:
    """Show a document with the cables it cites and the documents that cite it. Of a
    document with several revisions it shows the current one, and says why that one: the
    most complete, then the latest release, then the latest ingested (--json lists them all).

    \b
    Example:
        cablewire show 09BAMAKO387
        cablewire show 09BAMAKO387 --original > page.txt
        cablewire show 09BAMAKO387 --original --revision 2
    """
    if revision is not None and not original:
        raise click.UsageError("--revision goes with --original: add --original to print"
                               " that revision's bytes (--json lists every revision)")
    with Archive.open(settings_from(db=db)) as archive:
        if original:
            sys.stdout.buffer.write(archive.original(doc_id, revision))
            return
        shown = archive.show(doc_id)
    if as_json:
        click.echo(json.dumps(shown, ensure_ascii=False))
        return
    doc: dict[str, Any] = shown["document"]
    when = doc.get("created") or doc.get("published") or ""
    click.echo(f"{doc['id']}  {doc.get('kind')}  {when}")
    for key in ("title", "classification", "origin", "dateline", "subject"):
        if doc.get(key):
            click.echo(f"{key}: {doc[key]}")
    for line in revision_lines(shown):
        click.echo(line)
    for label in ("cites", "cited_by"):
        for entry in shown[label]:
            where = "in archive" if entry["in_archive"] else (
                "in the full release, not in this archive" if entry["in_release"]
                else "not in the release")
            click.echo(f"{label.replace('_', ' ')}: {entry['id']} ({where})"
                       + (f" {entry['title']}" if entry["title"] else ""))
    click.echo("")
    click.echo(doc.get("body") or "")


@click.command("stats")
@db_option
@json_option
@translate_errors
def stats_command(db: str | None, as_json: bool) -> None:
    """Counts by kind, year, origin and classification, and the archive's size.

    \b
    Example:
        cablewire stats --json
    """
    with Archive.open(settings_from(db=db)) as archive:
        stats = archive.stats()
    if as_json:
        click.echo(json.dumps(stats))
        return
    click.echo(f"{stats['documents']} documents, {stats['revisions']} revisions,"
               f" {stats['sources']['failed']} failed sources")
    click.echo(f"database {stats['database_bytes'] / 1e6:.1f} MB,"
               f" index {stats['index_bytes'] / 1e6:.1f} MB")
    for key in ("by_kind", "by_year", "by_classification", "by_origin"):
        items = list(stats[key].items())[:15]
        click.echo(f"{key[3:]}: " + ", ".join(f"{k} ({v})" for k, v in items))


@click.command("errors")
@db_option
@click.option("--clear", is_flag=True, help="Forget the recorded failures (an ingest of the"
              " same sources records them again).")
@json_option
@translate_errors
def errors_command(db: str | None, clear: bool, as_json: bool) -> None:
    """Sources whose last reading failed, with the reason. A source read well later is
    dropped from the list.

    \b
    Example:
        cablewire errors --json
        cablewire errors --clear
    """
    with Archive.open(settings_from(db=db)) as archive:
        if clear:
            cleared = archive.clear_failures()
            click.echo(f"cleared {count(cleared, 'recorded failure')}")
            return
        failures = archive.failures()
    if as_json:
        click.echo(json.dumps(failures))
        return
    if not failures:
        click.echo("no failures recorded")
        return
    for failure in failures:
        click.echo(f"{failure['source']}: {failure['error']}")
    click.echo(count(len(failures), "failed source"), err=True)


@click.command("reindex")
@db_option
@translate_errors
def reindex_command(db: str | None) -> None:
    """Rebuild the search index from the archive (it is derived data).

    \b
    Example:
        cablewire reindex --db archive.db
    """
    meter = Meter("reindex", "documents")
    try:
        with Archive.open(settings_from(db=db)) as archive:
            indexed = archive.reindex(meter.update)
    finally:
        meter.close()
    click.echo(f"indexed {count(indexed, 'document')}")
