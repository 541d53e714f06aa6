"""TAGS and SUBJECT read from the telegram alone, against what the cablegate site shows.

    python benchmarks/tags_subject_oracle.py [--corpus PATH] [--field tags|subject]
                                             [--list KIND] [--limit N]

Every page of the corpus carries two readings nobody tuned the reader on: the site's own TAGS,
as links (`<a href='/tag/PREL_0.html'>PREL</a>`) on the TAGS line of the body's `<pre>`, and
the subject as the site read it, the title of its `<h3>Viewing cable ID, TITLE</h3>`
(`PageMeta.title`). For each page the telegram alone (the `<pre>` blocks as `read_html_page`
gives them, routing header and body, no page metadata) is read by `read_cable`, and its `tags`
and `subject` are compared with the site's.

The pages are split in two halves by a hash of the page's id: `dev`, the half the reader may be
tuned on (`--list KIND` shows its pages of a kind), and `check`, whose pages are counted by kind
and never shown. Both halves are reported: `agree` is `same` plus the pages where ours is the
site's reading with a site error (below) undone; `ours differ` is the rest.

What counts as the same is a matter of form only:

- subject: case and whitespace (the site shows the title in its own case, its spaces made
  one); nothing else: quotes, dashes, punctuation and words are compared as they are.
- tags: the site links each word of a TAGS line on its own, so a keyword in words or a person
  is several links (`IRAQI FREEDOM` -> IRAQI, FREEDOM; `OVIP (CLINTON, HILLARY)` -> OVIP,
  CLINTON, HILLARY). Ours are compared in that form: each word of each tag, in order, each once
  (`site_form`); the site's links each once, in order.

Not compared: a page whose TAGS line the site did not link (it links no TAGS line without a
colon, `TAGS PREL, PGOV`; `no site tags`), a page without a site title (`no site title`).

The site is itself wrong in ways the reader must not copy. Each kind found (on the dev half) is
undone only where the telegram shows it, and counted as `site: <kind>`:

TAGS
- `codes run together`: codes written without spaces are one link (`KFRDKIRFCVISEG`, `IZPREL`,
  `ETRDECONWTOCS`) where the reader splits them, with a warning naming that token.
- `typo kept`: a code with a letter too many is linked as written (`MOPPS`, `UNDESCO`,
  `PTERS`) where the reader reads the known code, with a warning naming that token.
- `first line only`: a TAGS line wrapped over two lines has only its first line linked; the
  tags ours has more of all stand on the line after the site's last link.
- `split at a hyphen`: `ZANU-PF` linked as ZANU and PF.

SUBJECT
- `first line only`: the title is the subject's first line (most wrapped subjects); ours goes
  on from it, and that line of the telegram ends where the title does. Ours's words past it are
  not checked against the site, only for what never belongs to a subject (a label, a banner, a
  handling notice, slashes, a numbered paragraph: then the page counts as ours differing).
- `runs on into the next field`: a subject run together with what follows on its line has the
  title run on too (`... REF: STATE 112828`, `... CLASSIFIED BY: ...`, an older telegram's
  page marker `TRIPOLI 00000873 001.2 OF 002`, the handling notice, the first paragraph).
- `marking kept, its '(' lost`: `S) NETHERLANDS/IRAN: ...` for `(S) NETHERLANDS/IRAN: ...`.
- `first character lost`: a subject opening with a quote or bracket loses it (`MERCENARIES"
  IN KENYA` for `"MERCENARIES" IN KENYA`, `SOURCE REMOVED] ...`).
- `line-end backslash kept`: a copy whose lines end in `\\` (a dump's escaped line break) keeps
  the backslash in the title.
- `label kept` (`SUBJECT: AFGHANISTAN: ...`), `markup in the title` (`strong> GENERAL ...`),
  `title from another line` (the title is a sentence of the body, not the SUBJECT line).

Limits: where the site shows the first line only, the end of our subject is not checked by the
site, only by the rule above.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tarfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cablewire.formats.cable.page import pre_text, read_html_page
from cablewire.formats.cable.reader import read_cable

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cablegate-pages.tar.xz"
_TABLE_END = "</table>"
_TAG_LINK = re.compile(r"<a href='/tag/[^']*'>([^<]*)</a>")
_WORD = re.compile(r"[^\s,;()]+")


@dataclass
class Page:
    id: str
    half: str
    site_tags: list[str]
    site_next_line: str  # the page's text on the lines under its lines of tag links
    site_title: str | None
    text: str  # the telegram as read (routing header and body)
    tags: list[str]
    warnings: list[str]
    subject: str | None


def half_of(page_id: str) -> str:
    """`dev` or `check`, fixed by the page's id."""
    return "check" if hashlib.sha1(page_id.encode("utf-8")).digest()[0] % 2 else "dev"


def site_tags_of(page: str) -> tuple[list[str], str]:
    """The site's tag links in the telegram (after the metadata table), in order, each once;
    and the text of the lines under the lines holding links (a TAGS line wrapped, or repeated
    in a later section)."""
    start = page.find("<table class='cable'>")
    start = page.find(_TABLE_END, start) if start >= 0 else 0
    out: list[str] = []
    under: list[str] = []
    lines = page[max(start, 0) :].split("&#x000A;")
    for i, line in enumerate(lines):
        links = _TAG_LINK.findall(line)
        out.extend(t for t in links if t not in out)
        if links and i + 1 < len(lines):
            under.append(pre_text(lines[i + 1]))
    return out, "\n".join(under)


def site_form(tags: list[str]) -> list[str]:
    """Tags as the site links them: each word of each tag, in order, each once."""
    out: list[str] = []
    for tag in tags:
        for word in _WORD.findall(tag):
            if word not in out:
                out.append(word)
    return out


def _norm(text: str) -> str:
    """A subject as compared: case and whitespace are form."""
    return " ".join(text.split()).casefold()


# ---- TAGS ---------------------------------------------------------------------------------

_READ_AS = re.compile(r"^tag (\S+) read as (.+?) \((codes run together|a known tag with a letter)")


def tags_kind(p: Page) -> str:
    """How our tags stand to the site's: `same`, a kind of site error (`site: ...`), or a kind
    of our own difference (`ours: ...`)."""
    if not p.site_tags:
        return "no site tags" if p.tags else "no site tags, none read"
    ours = site_form(p.tags)
    if ours == p.site_tags:
        return "same"
    if not p.tags:
        return "ours: none read"
    site, errors = _site_tags_corrected(p, ours)
    if site == ours:
        return "site: " + ", ".join(errors)
    if set(ours) == set(site):
        return "ours: other order"
    if set(ours) < set(site):
        return "ours: fewer"
    if set(ours) > set(site):
        return "ours: more"
    return "ours: other"


def _site_tags_corrected(p: Page, ours: list[str]) -> tuple[list[str], list[str]]:
    """The site's tags with the site's errors undone, and the kinds undone. Each undoing is
    checked against the telegram: a run-together code or a typo only where the reader warns
    it read that very token so; a first line only where the tags ours has more of stand on
    the line after the site's last link."""
    errors: list[str] = []
    fixes = {}
    for w in p.warnings:
        m = _READ_AS.match(w)
        if m:
            fixes[m.group(1)] = (m.group(2).split(), "run together" in m.group(3))
    site: list[str] = []
    for tag in p.site_tags:
        if tag in fixes:
            pieces, together = fixes[tag]
            errors.append("codes run together" if together else "typo kept")
            site.extend(t for t in pieces if t not in site)
        elif tag not in site:
            site.append(tag)
    # ZANU-PF linked as ZANU and PF
    for tag in ours:
        if "-" in tag and tag not in site:
            parts = tag.split("-")
            for i in range(len(site) - len(parts) + 1):
                if site[i : i + len(parts)] == parts:
                    site[i : i + len(parts)] = [tag]
                    errors.append("split at a hyphen")
                    break
    if site != ours and ours[: len(site)] == site:
        extra = ours[len(site) :]
        next_line = set(_WORD.findall(p.site_next_line.upper()))
        for raw, (pieces, _) in fixes.items():  # a correction the reader made there
            if raw in next_line:
                next_line.update(pieces)
        if all(t in next_line or set(_WORD.findall(t)) <= next_line for t in extra):
            errors.append("first line only")
            site = site + extra
    return site, sorted(set(errors))


# ---- SUBJECT ------------------------------------------------------------------------------

_SITE_LABEL = re.compile(r"^SUBJ(?:ECT)?\s*:\s*", re.I)
_SITE_MARKING = re.compile(
    r"^(?:U|C|S|TS|SBU|LOU|FOUO|[CS]/NF|[CS]//NF|S/REL[^)]{0,30}|U//FOUO|SBU/NF)\)\s+", re.I)
# what the site's title runs on into after the subject (compared in lower case): the next
# label, a page marker, the handling notice, the first paragraph
_SITE_RUNS_ON = re.compile(
    r"(?:ref(?:s|tels?)?\b|classified\b|(?:[a-z]+ ){1,3}\d{6,8} \d{3}(?:\.\d)? of \d{3}\b"
    r"|sensitive but unclassified|\d{1,2}\. \()")


def subject_kind(p: Page) -> str:
    """How our subject stands to the site's title: `same`, a kind of site error
    (`site: ...`), or a kind of our own difference (`ours: ...`)."""
    if p.site_title is None:
        return "no site title"
    if p.subject is None:
        return "ours: none read"
    ours = _norm(p.subject)
    if ours == _norm(p.site_title):
        return "same"
    site, errors = _site_title_corrected(p, ours)
    if site == ours:
        return "site: " + ", ".join(errors)
    if site.startswith(ours):
        return "ours: shorter"
    if ours.startswith(site):
        return "ours: longer"
    return "ours: other"


def _site_title_corrected(p: Page, ours: str) -> tuple[str, list[str]]:
    """The site's title with the site's errors undone, and the kinds undone."""
    errors: list[str] = []
    site = p.site_title or ""
    if site.startswith("strong> "):
        site, _ = site[len("strong> ") :], errors.append("markup in the title")
    if (m := _SITE_LABEL.match(site)) and not ours.startswith("subj"):
        site, _ = site[m.end() :], errors.append("label kept")
    if (m := _SITE_MARKING.match(site)) and not ours.startswith(_norm(site[: m.end()])):
        site, _ = site[m.end() :], errors.append("marking kept, its '(' lost")
    site = _norm(site)
    if site.endswith(" \\"):
        site, _ = site[:-2], errors.append("line-end backslash kept")
    if ours and not ours[0].isalnum() and site and ours[1:].startswith(site[:20]) and (
            not site.startswith(ours[:1])):
        site, _ = ours[0] + site, errors.append("first character lost")
    if site.startswith(ours) and site != ours and _SITE_RUNS_ON.match(site[len(ours) :].strip()):
        site, _ = ours, errors.append("runs on into the next field")
    if site != ours and _after_label(p.text, ours) and not _after_label(p.text, site):
        return ours, errors + ["title from another line"]
    if ours.startswith(site) and site != ours and _line_ends_after(p.text, site) and (
            not _NO_SUBJECT.search(ours[len(site) :])):
        site, _ = ours, errors.append("first line only")
    return site, errors


# What a subject's later lines never hold: a label, a banner, a handling notice, a line of
# slashes, a numbered paragraph. Where our subject goes on past the site's first line, its
# words there are taken for the rest of the subject only without these (else the page counts
# as ours running on).
_NO_SUBJECT = re.compile(
    r"\b(?:ref(?:s|tels?)?:|classified by|e\.o\. (?:11652|12065|12356|12958|13292|13526)|tags:"
    r"|sensitive but unclassified"
    r"|c o n f i d e n t i a l|s e c r e t|u n c l a s|\d{1,2}\. \()|/{3,}")


def _after_label(text: str, words: str) -> bool:
    """Whether these words open a SUBJECT field of the telegram (case and spacing aside)."""
    head = words.split()[:6]
    if not head:
        return False
    pattern = r"SUBJ(?:ECT)?\s*:?\s*(?:\([^)\n]{1,12}\)\s*)?" + r"\s+".join(
        re.escape(w) for w in head)
    return re.search(pattern, text, re.I) is not None


def _line_ends_after(text: str, words: str) -> bool:
    """Whether a line of the telegram ends with these words (case and spacing aside)."""
    tail = words.split()[-6:]
    if not tail:
        return False
    pattern = r"[^\S\n]+".join(re.escape(w) for w in tail) + r"[^\S\n]*\\?[^\S\n]*\n"
    return re.search(pattern, text, re.I) is not None


def pages(corpus: Path) -> Iterator[Page]:
    with tarfile.open(corpus) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.name.endswith(".html") else None
            if handle is None:
                continue
            html = handle.read().decode("utf-8", "replace")
            meta, routing, body = read_html_page(html)
            page_id = meta.id or Path(member.name).stem
            text = routing + "\n" + body
            cable = read_cable(text)
            site_tags, next_line = site_tags_of(html)
            yield Page(page_id, half_of(page_id), site_tags, next_line, meta.title, text,
                       cable.tags, cable.warnings, cable.subject)


KINDS = {"tags": tags_kind, "subject": subject_kind}
AGREE = {"same"}
NOT_COUNTED = {"no site tags", "no site tags, none read", "no site title"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--field", choices=tuple(KINDS))
    ap.add_argument("--list", metavar="KIND",
                    help="show the dev half's pages of the kinds that start so ('ours', 'site')")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args(argv)
    fields = [args.field] if args.field else list(KINDS)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    shown: dict[str, int] = Counter()
    for p in pages(args.corpus):
        for f in fields:
            kind = KINDS[f](p)
            counts[(f, p.half)][kind] += 1
            if (args.list and p.half == "dev" and kind.startswith(args.list)
                    and shown[f] < args.limit):
                shown[f] += 1
                if f == "tags":
                    print(f"{p.id} [{kind}]\n  site: {p.site_tags}\n  ours: {p.tags}")
                else:
                    print(f"{p.id} [{kind}]\n  site: {p.site_title!r}\n  ours: {p.subject!r}")
    for f in fields:
        print(f"\n{f}")
        for h in ("dev", "check"):
            c = counts[(f, h)]
            compared = sum(n for k, n in c.items() if k not in NOT_COUNTED)
            same = sum(n for k, n in c.items() if k in AGREE)
            site = sum(n for k, n in c.items() if k.startswith("site:"))
            agree = same + site
            print(f"  {h:<6} agree {agree}/{compared} {agree / compared if compared else 0:.4f}"
                  f"  (same {same}, the site wrong {site}); ours differ {compared - agree}")
            for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
                print(f"         {n:>5}  {k}")
    return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
