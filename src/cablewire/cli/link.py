"""`cablewire related`: the documents behind a story (or a cable), each with why; `cablewire
cast`: where else the people, organisations and places of a document appear."""

from __future__ import annotations

import json
import os
import sys

import click

from cablewire.archive import Archive
from cablewire.cli.common import db_option, json_option, settings_from, translate_errors
from cablewire.errors import InputError
from cablewire.results import CrossReference


@click.command("related")
@click.argument("target", metavar="ID|PATH|-")
@db_option
@click.option("--kind", type=click.Choice(["cable", "article"]), default=None,
              help="Only documents of this kind.")
@click.option("--before", default=None, metavar="DATE", help="Only documents on or before.")
@click.option("--after", default=None, metavar="DATE", help="Only documents on or after.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 200))
@json_option
@translate_errors
def related_command(target: str, db: str | None, kind: str | None, before: str | None,
                    after: str | None, limit: int, as_json: bool) -> None:
    """The documents behind TARGET, ranked by a blend of shared terms, shared people,
    organisations and places, meaning (passage vectors, across languages), time and
    citations, each with its reasons. TARGET is a
    document id in the archive, a file (read, not stored), or - for text on standard input.

    \b
    Example:
        cablewire related story.txt --kind cable
        cablewire related - --json < story.txt
        cablewire related 09BAMAKO387
    """
    with Archive.open(settings_from(db=db)) as archive:
        if target == "-":
            found = archive.background(sys.stdin.buffer.read(), kind, before, after, limit)
        elif os.path.isfile(target):
            try:
                with open(target, "rb") as handle:
                    data = handle.read()
            except OSError as exc:
                raise InputError(f"{target} cannot be read ({exc.strerror})") from None
            found = archive.background(data, kind, before, after, limit,
                                       name=os.path.basename(target))
        else:
            found = archive.background(target, kind, before, after, limit)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    if not found["hits"]:
        click.echo("Nothing related found.")
        return
    for n, hit in enumerate(found["hits"], 1):
        click.echo(f"{n:>2}. {hit['id']}  {(hit['date'] or '')[:10]}  {hit['title'] or ''}")
        reasons = hit["reasons"]
        why = []
        if "entities" in reasons and reasons["entities"].get("shared"):
            why.append("names " + ", ".join(reasons["entities"]["shared"][:5]))
        if "lexical" in reasons and reasons["lexical"].get("terms"):
            why.append("terms " + ", ".join(reasons["lexical"]["terms"][:5]))
        if "meaning" in reasons:
            why.append(f"close in meaning (passage {reasons['meaning']['passage']})")
        if "citations" in reasons:
            c = reasons["citations"]
            why.append(f"{c['relation']} {c['via']}")
        if why:
            click.echo("    " + "; ".join(why))


CAST_LABELS = {"person": "People", "organization": "Organisations", "group": "Groups",
               "place": "Places"}


@click.command("cast")
@click.argument("doc_id", metavar="ID")
@db_option
@click.option("--per-entity", default=5, show_default=True, type=click.IntRange(0, 50),
              help="How many of the other documents to list per entity.")
@json_option
@translate_errors
def cast_command(doc_id: str, db: str | None, per_entity: int, as_json: bool) -> None:
    """Where else the cast of document ID appears: each person, organisation, group and place
    it names (by type, then by how often it names them), with how many other documents name
    it and those that mention it most. Needs the entities stage (`cablewire enrich`).

    \b
    Example:
        cablewire cast 09BAMAKO387
        cablewire cast 09BAMAKO387 --per-entity 2 --json
    """
    with Archive.open(settings_from(db=db)) as archive:
        found = archive.cross_reference(doc_id, per_entity)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    click.echo(cast_text(found))


def cast_text(found: CrossReference) -> str:
    """The plain-text rendering of a cross-reference."""
    named = len(found["entities"]) + len(found["only_here"])
    if not named:
        return (f"{found['id']} names no one: it has no entities (run `cablewire enrich`"
                " if the archive has not been enriched).")
    lines = [f"{found['id']}: {named} entities, {len(found['entities'])} named in other"
             " documents"]
    heading = None
    for member in found["entities"]:
        if member["type"] != heading:
            heading = member["type"]
            lines += ["", CAST_LABELS.get(heading, heading.title())]
        others = member["documents"]
        lines.append(f"  {member['name']} ({member['key']}): {member['mentions']} here, named in"
                     f" {others} other document{'s' if others != 1 else ''}")
        for doc in member["strongest"]:
            lines.append(f"      {doc['id']:16s}  {(doc['date'] or '-')[:10]:10s}"
                         f"  {doc['mentions']:>3}x  {doc['title'] or ''}".rstrip())
    if found["only_here"]:
        lines += ["", "Named only here: " + ", ".join(m["name"] for m in found["only_here"])]
    return "\n".join(lines)
