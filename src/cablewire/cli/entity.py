"""`cablewire entity`: one entity (its mentions in their sentences), and users' corrections of
the archive's entities (merge, split, reject, undo, the list of them)."""

from __future__ import annotations

import getpass
import json
from typing import Any

import click

from cablewire.archive import Archive
from cablewire.cli.common import db_option, json_option, settings_from, translate_errors
from cablewire.enrich.corrections import describe, mention_id, parse_mention
from cablewire.results import EntityCorrection

by_option = click.option("--by", default=None, metavar="WHO",
                         help="Who makes the correction (default: your login name).")
note_option = click.option("--note", default="", help="Why, in a few words (kept with it).")


class EntityGroup(click.Group):
    """A group whose first argument, when it is not one of its commands, is an entity to show:
    `cablewire entity ATT` is `cablewire entity show ATT`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.group("entity", cls=EntityGroup, context_settings={"help_option_names": ["-h", "--help"]})
def entity_command() -> None:
    """One entity by any of its names or its key (`entity NAME` is `entity show NAME`), and
    your corrections of the archive's entities: merge two, split one, reject one, undo. A
    correction is kept as your decision, apart from what the stages found: re-running
    `cablewire enrich` keeps it, and every page, search facet and command shows the archive
    through it.

    \b
    Example:
        cablewire entity ATT
        cablewire entity ATT --mentions
        cablewire entity merge Qadhafi "Muammar al-Qadhafi"
        cablewire entity corrections
    """


def _who(by: str | None) -> str:
    return by or getpass.getuser()


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False))


@entity_command.command("show")
@click.argument("name")
@click.option("--mentions", "show_mentions", is_flag=True,
              help="Each mention instead: document, date, and the sentence with the mention"
                   " marked [[like this]].")
@click.option("--limit", default=1000, show_default=True, help="Mentions to show at most.")
@db_option
@json_option
@translate_errors
def show_command(name: str, show_mentions: bool, limit: int, db: str | None,
                 as_json: bool) -> None:
    """One entity: aliases, facts, documents, co-occurring entities, quotes, dated events and
    the corrections that name it; with --mentions, each mention in its sentence.

    \b
    Example:
        cablewire entity show ATT
        cablewire entity ATT --mentions --limit 20
    """
    with Archive.open(settings_from(db=db)) as archive:
        if show_mentions:
            found = archive.mentions(name, limit)
            if as_json:
                _echo_json(found)
                return
            click.echo(f"{found['name']} ({found['type']}, {found['key']}): {found['total']}"
                       f" mentions in {found['documents']} documents")
            for m in found["mentions"]:
                a, b = m["mark"]
                s = m["sentence"]
                where = mention_id(m["document"], m["field"], m["paragraph"], m["start"])
                click.echo(f"\n{m['date'] or '-':19s}  {where}\n  {s[:a]}[[{s[a:b]}]]{s[b:]}")
            if found["total"] > len(found["mentions"]):
                click.echo(f"\n{found['total'] - len(found['mentions'])} more: raise --limit")
            return
        entity = archive.entity(name)
    if as_json:
        _echo_json(entity)
        return
    click.echo(f"{entity['name']} ({entity['type']}, {entity['key']})")
    if entity["aliases"]:
        click.echo("also: " + ", ".join(entity["aliases"]))
    for fact in entity["facts"][:10]:
        click.echo(f"{fact['kind']}: {fact['value']} ({fact['documents']} documents)")
    if entity["place"]:
        click.echo(f"at {entity['place']['lat']:.4f}, {entity['place']['lon']:.4f}")
    click.echo(f"\n{len(entity['documents'])} documents, {entity['mentions']} mentions"
               f" (each in its sentence: cablewire entity {entity['key']} --mentions):")
    for doc in entity["documents"][:20]:
        click.echo(f"  {doc['date'] or '-':19s}  {doc['id']}  {doc['title'] or ''}")
    if len(entity["documents"]) > 20:
        click.echo(f"  ... {len(entity['documents']) - 20} more (--json lists them all)")
    if entity["co_occurring"]:
        click.echo("\nnamed with: " + ", ".join(
            f"{c['name']} ({c['documents']})" for c in entity["co_occurring"][:12]))
    for quote in entity["quotes"][:10]:
        click.echo(f'\n  "{quote["text"]}"  ({quote["document"]})')
    if entity["events"]:
        click.echo(f"\n{len(entity['events'])} dated events:")
        for event in entity["events"]:
            click.echo(f"  {event['date']}  {event['document']}  {event['sentence']}")
    for correction in entity.get("corrections") or []:
        click.echo("\ncorrected: " + describe(correction))
    for other in entity.get("other_matches") or []:
        click.echo(f"\nthe name also fits: {other['name']} ({other['type']}, {other['key']})")


@entity_command.command("merge")
@click.argument("name")
@click.argument("into")
@by_option
@note_option
@db_option
@json_option
@translate_errors
def merge_command(name: str, into: str, by: str | None, note: str, db: str | None,
                  as_json: bool) -> None:
    """NAME and INTO are one entity: NAME takes INTO's key and name everywhere (both by key
    or by a name only one entity goes by).

    \b
    Example:
        cablewire entity merge CRETZ "Gene A. Cretz" --note "the ambassador"
    """
    with Archive.open(settings_from(db=db)) as archive:
        made = archive.merge_entities(name, into, _who(by), note)
    _report(made, as_json)


@entity_command.command("split")
@click.argument("name")
@click.option("--name", "new_name", required=True, help="The new entity's name.")
@click.option("--variant", "names", multiple=True, metavar="TEXT",
              help="Mentions written so (ignoring case) leave; repeat for more.")
@click.option("--document", "documents", multiple=True, metavar="ID",
              help="Every mention in this document leaves; repeat for more.")
@click.option("--mention", "mentions", multiple=True, metavar="DOC:FIELD:PARAGRAPH:START",
              help="This mention leaves (as `entity NAME --mentions` prints it); repeat.")
@by_option
@note_option
@db_option
@json_option
@translate_errors
def split_command(name: str, new_name: str, names: tuple[str, ...], documents: tuple[str, ...],
                  mentions: tuple[str, ...], by: str | None, note: str, db: str | None,
                  as_json: bool) -> None:
    """Some mentions of NAME are another entity: those chosen (by name variant, document or
    mention) become a new entity called --name, of NAME's type.

    \b
    Example:
        cablewire entity split Lula --name "Lula da Silva" --variant "Lula da Silva"
        cablewire entity split Toure --name "Sekou Toure" --document 85CONAKRY1203
    """
    refs = [parse_mention(m) for m in mentions]
    with Archive.open(settings_from(db=db)) as archive:
        made = archive.split_entity(name, new_name, _who(by), list(names), list(documents),
                                    refs, note)
    _report(made, as_json)


@entity_command.command("reject")
@click.argument("name")
@by_option
@note_option
@db_option
@json_option
@translate_errors
def reject_command(name: str, by: str | None, note: str, db: str | None,
                   as_json: bool) -> None:
    """NAME is not an entity (a redaction mark, a header line): it is shown nowhere.

    \b
    Example:
        cablewire entity reject "Embassy Manama" --note "the sender, not a person"
    """
    with Archive.open(settings_from(db=db)) as archive:
        made = archive.reject_entity(name, _who(by), note)
    _report(made, as_json)


@entity_command.command("undo")
@click.argument("correction_id", metavar="ID", type=int)
@by_option
@db_option
@json_option
@translate_errors
def undo_command(correction_id: int, by: str | None, db: str | None, as_json: bool) -> None:
    """Undo correction ID (see `entity corrections`): the archive is shown as if it had not
    been made; it stays listed, marked undone.

    \b
    Example:
        cablewire entity undo 3
    """
    with Archive.open(settings_from(db=db)) as archive:
        made = archive.undo_correction(correction_id, _who(by))
    _report(made, as_json)


@entity_command.command("corrections")
@db_option
@json_option
@translate_errors
def corrections_command(db: str | None, as_json: bool) -> None:
    """Every correction made, oldest first: its id, who made it and when, what it does, and
    whether it was undone.

    \b
    Example:
        cablewire entity corrections --json
    """
    with Archive.open(settings_from(db=db)) as archive:
        found = archive.corrections()
    if as_json:
        _echo_json(found)
        return
    if not found:
        click.echo("no corrections yet (make one with `cablewire entity merge|split|reject`)")
    for correction in found:
        click.echo(describe(correction))


def _report(made: EntityCorrection, as_json: bool) -> None:
    if as_json:
        _echo_json(made)
    else:
        click.echo(describe(made))
