"""The signature at the end of a cable body, and what closes the body around it.

    ... we want to thank them for their efforts in this case.
    Rice                                  the signer, on a line of its own
    Nnnn                                  the transmission trailer (dropped)
    End Cable Text                        what the site put after the telegram

The signer stands on the body's last line (`MILOVANOVIC`, `SCHREIBER HUGHES`, `van Voorst`,
once or twice), or run on after the last sentence (`... (reftel). SCOBEY`, `... INTERESTS.
PEARSON`), or inside or after a post's website note (`Visit London's Classified Website:
XXXXXXXXXXXX TUTTLE`). After it come a closing classification line and what the site put after
the telegram: `>`, a closing `"` or `",` of a CSV row, `End Cable Text`, the release's id line
(`2002ROME01725 - Classification: CONFIDENTIAL`), or a row of its database with the cable's
summary (`0 12/04/2009 2675 ASEC,KCRM,... ALLEGED NUCLEAR SMUGGLING ...`). All of that is the
body's closing, kept as written but for the transmission trailer.
"""

from __future__ import annotations

import re

from cablewire.formats.cable.numbering import TERMINAL
from cablewire.text.linebreaks import word_frequency

_SIGNER = re.compile(r"^[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}$")
_MIXED_SIGNER = re.compile(r"^(?:(?:van|de|du|la|le|von|der|da|dos|del)\s)?[A-Z][a-zA-Z'\-]+"
                           r"(?:\s(?:van|de|du|la|le|von|der|da|del|[A-Z][a-zA-Z.'\-]*)){0,3}$")
_TRAILING_SIGNER = re.compile(r"[.!?\"”)]\s+([A-Z][A-Z'\-]{1,}(?: [A-Z][A-Z'\-]+){0,2})\s*$")
_TRAILING_NAME = re.compile(r"[.!?\"”)]\s+([A-Z][a-z]+(?:[A-Z][a-z]+)?)\s*$")
_NOT_SIGNERS = {
    "END", "BT", "NNNN", "SIPDIS", "NOFORN", "SUMMARY", "COMMENT", "UNQUOTE", "QUOTE", "TEXT",
    "AMEMBASSY", "AMCONSUL", "IMMEDIATE", "PRIORITY", "ROUTINE", "ACTION", "REQUEST", "AND", "THE",
    "OF", "FOR", "TO", "IN", "ON", "GUIDANCE", "CLASSIFIED", "UNCLASSIFIED", "CONFIDENTIAL",
    "SECRET", "MINIMIZE", "CONSIDERED", "WEBSITE", "SIPRNET",
}  # fmt: skip
_CLASSIFICATION_LINE = re.compile(
    r"^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|UNCLAS)\s*$"
)
# The release's id line after the telegram, with the classification (`2002ROME01725 -
# Classification: CONFIDENTIAL`, `2004CARACA02200 - CONFIDENTIAL`) or alone (`2004CARACA0154`).
# (The classification's words are separated by spaces that each word after them must follow, so
# that spaces at its end are left to what comes after: linear, however many spaces run on.)
_ID_LINE = r"\d{4}[A-Z][A-Z ]*\d+ - (?:Classification: )?[A-Z/]+(?:[ ]+[A-Z/]+)*"
# Lines the site put after the telegram, and the transmission trailer in any case (`Nnnn`).
_SITE_LINE = re.compile(
    r'^\s*(?:>|"+(?:\s*,)?|End Cable Text|' + _ID_LINE + r"|(?:19|20)\d{2}[A-Z]{2,}\d{2,}"
    r"|=+\s*CABLE ENDS\s*=+)\s*$"
)
_TRANSMISSION_END = re.compile(r"^\s*(?i:NNNN|BT)\s*$")
# The same run on at the end of the signer's line: `GFOELLER ",`, `HENZEL NNNN End Cable Text`.
# (Tried only where a run of spaces starts: the leftmost match starts there anyway, and a search
# from every space of a long run would take time in the square of its length.)
_RUN_ON_CLOSING = re.compile(
    r'(?<!\s)(?:\s+(?:"+(?:\s*,)?|NNNN|End Cable Text|' + _ID_LINE +
    r"|=+\s*CABLE ENDS\s*=+))+\s*$"
)
_RUN_ON_MAX = 2000  # characters at a line's end the run-on closings are looked for in


def run_on_closing(line: str) -> re.Match[str] | None:
    """The closings run on at the end of `line` (`_RUN_ON_CLOSING`), looked for in its last
    `_RUN_ON_MAX` characters: a search over a whole line of such items (`"` a million times)
    would try every one of them as the first, in time in the square of the line's length."""
    return _RUN_ON_CLOSING.search(line, max(0, len(line) - _RUN_ON_MAX))


# A row of the site's database after the telegram: "0 12/04/2009 2675 ASEC,KCRM,KZ ..."
# (Matched from the line break before it, in the text after a line break: a literal first
# character is found fast.)
_DATABASE_ROW = re.compile(
    r"\n[^\S\n]*\d+ \d{1,2}/\d{1,2}/\d{4} \d+ [A-Z][A-Z0-9-]*,[A-Z0-9,()/-]"
)
# A post's note on its classified website: "Visit London's Classified Website: ...",
# "Please visit Paris' Classified Website at: ...", between rows of asterisks.
_WEBSITE = re.compile(r"(?:Please\s+)?[Vv]isit\s+[^\n]{1,60}?\s+Classified\s+Website\b")
_ASTERISKS = re.compile(r"^[*\s]*\*[*\s]*$")
_NOTE_WINDOW = 12  # lines from the end within which a website note starts
# The signer run on at the end of a website note: after its address, a redaction mark, a row
# of asterisks ("... index.cfm TUTTLE", "XXXXXXXXXXXX Susman", "******** ERELI").
_NOTE_SIGNER = re.compile(
    r"(?:(?<=\s)|(?<=\*)|(?<=XXXXXX))(?P<name>[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)?)[\s.,]*$"
)
_NUMBER_PREFIX = re.compile(r"^\s*(?:¶\s*)?\d{1,3}\s*[.)]\s*(?:\([^)\n]{1,20}\)\s*)?$")
# The last sentence broken over a blank line: "... posed in paragraph" / "3. Koenig".
_NUMBER_THEN_NAME = re.compile(r"^\s*(?P<number>\d{1,3}[.)])\s*(?P<name>\S.*)$")

# A name with the end marks of a transmission or a full stop after it ("GILLESPIE##")
_MARKED_NAME = re.compile(r"^[^\S\n]*([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2})(#+|\.)[^\S\n]*$")
# What a cable's handling adds below the signature: a communications centre's note, or the
# stamp of a declassification review; `_NOTE_LINES` is the most lines either takes.
_HANDLING_NOTE = re.compile(
    r"NOTE(?:[^\S\n]+BY[^\S\n]+[A-Z][A-Z/]{1,11})?[^\S\n]*:"
    r"|Declassified/Released[^\S\n]+US[^\S\n]+Department[^\S\n]+of[^\S\n]+State\b")
_NOTE_LINES = 3
# The formulas that close a cable's text, and a name in capitals run on after them
_CLOSING_FORMULA_NAME = re.compile(
    r"\b(?i:MINIMIZE\s+CONSIDERED|END\s+(?:OF\s+)?(?:TEXT|COMMENTS?|FYI|QUOTE|MESSAGE|NOTE)"
    r"|UNQUOTE)[.:]?[^\S\n]+(?P<name>[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2})[^\S\n]*$")


def _is_rare_word(word: str) -> bool:
    """A capitalised word that is not a common English word (so a surname, not "Thanks")."""
    return word_frequency(word.lower()) < 1e-6


def take_signer(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split off the body's closing: the signature and what follows it. Returns the lines
    before it, the signers, and the closing lines as written (one entry a line; a website
    note's lines joined into one)."""
    end = _last_text(lines, len(lines))
    tail: list[str] = []
    row = _database_row(lines, end)
    if row is not None:
        tail = [" ".join(ln.split()) for ln in lines[row:end] if ln.strip()]
        end = _last_text(lines, row)
    closing: list[str] = []
    while end and (not lines[end - 1].strip() or _CLASSIFICATION_LINE.match(lines[end - 1])
                   or _SITE_LINE.match(lines[end - 1]) or _TRANSMISSION_END.match(lines[end - 1])):
        if lines[end - 1].strip() and not _TRANSMISSION_END.match(lines[end - 1]):
            closing.insert(0, " ".join(lines[end - 1].split()))
        end -= 1
    note = _website_note(lines, end)
    if note is not None:
        head, signers, entries = note
        return head, signers, entries + closing + tail
    head, signers, entries = _signature(lines, end)
    notes = _before_closing_notes(lines, end)
    if not signers and notes < end:
        # a handling note or a review stamp below the signature goes with the closing lines,
        # when a signature stands above it
        head, signers, entries = _signature(lines, notes)
        if signers:
            closing = _closing_lines(lines[notes:end]) + closing
    if not signers and not closing and not tail:
        return lines, [], []
    return head, signers, entries + closing + tail


def _last_text(lines: list[str], end: int) -> int:
    while end and not lines[end - 1].strip():
        end -= 1
    return end


def _database_row(lines: list[str], end: int) -> int | None:
    """Where a row of the site's database stands after the telegram's text, if one does."""
    text = "\n".join(lines[:end])
    for m in _DATABASE_ROW.finditer("\n" + text):  # (its start there is the row's in `text`)
        if text[: m.start()].strip():
            return text.count("\n", 0, m.start())
    return None


def _signature(lines: list[str], end: int) -> tuple[list[str], list[str], list[str]]:
    """The signer on the last line (`end - 1`): the lines before it, the signers and the
    signature's lines as written."""
    if end < 2:
        return lines[:end], [], []
    marked = _marked_name(lines, end)
    if marked:
        return lines[: end - 1], [marked], [" ".join(lines[end - 1].split())]
    written = " ".join(lines[end - 1].split())
    run_on = run_on_closing(written)
    last = written[: run_on.start()] if run_on else written
    broken = _broken_sentence(lines, end, last)
    if broken is not None:
        return broken
    if last.endswith(".") and not last.endswith(("JR.", "SR.", "Jr.")):
        return lines[:end], [], []
    previous = lines[end - 2].rstrip()
    if ((_SIGNER.match(last) and not set(last.split()) & _NOT_SIGNERS and len(last) <= 40)
            or ((not previous or previous.endswith(TERMINAL)) and _MIXED_SIGNER.match(last))):
        return _doubled(lines, end - 1, last, [written])
    line = lines[end - 1][: len(lines[end - 1]) - (len(written) - len(last))] if run_on else (
        lines[end - 1])
    m = _TRAILING_SIGNER.search(line) or _TRAILING_NAME.search(line)
    if m and m.re is _TRAILING_NAME and not _is_rare_word(m.group(1)):
        m = None
    if m and not set(m.group(1).split()) & _NOT_SIGNERS and (
            sum(map(str.islower, line[: m.start()])) > 10
            or line[m.start() + 1 : m.start(1)].startswith("  ")):
        # run on after the last sentence; in an upper-case cable only after a wide gap
        head = lines[: end - 1] + [line[: m.start() + 1]]
        return head, [m.group(1)], [" ".join(lines[end - 1][m.start(1):].split())]
    return _signed_after_closing_formula(lines, end)


def _before_closing_notes(lines: list[str], end: int) -> int:
    """Where the lines after the signature start, past what the telegram's handling added
    below it: a communications centre's note (`NOTE BY OC/T:  HEADING AS RECEIVED.`, `NOTE:
    NOT PASSED TO ABOVE ADDRESSEE(S)`) and the stamp of a declassification review
    (`Declassified/Released US Department of State EO Systematic Review 30 JUN 2006`), each a
    block of its own, with the classification lines and blank lines around them."""
    while True:
        start = end
        while start and (not lines[start - 1].strip()
                         or _CLASSIFICATION_LINE.match(lines[start - 1])):
            start -= 1
        block = start
        while block and lines[block - 1].strip() and start - block < _NOTE_LINES:
            block -= 1
        if block == start or (block and lines[block - 1].strip()):
            return start
        if not _HANDLING_NOTE.match(" ".join(ln.strip() for ln in lines[block:start])):
            return start
        end = block


def _closing_lines(lines: list[str]) -> list[str]:
    """The lines after the signature, stripped, each note or stamp of `_before_closing_notes`
    as one line (its block joined, as the body joins it)."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
            continue
        text = " ".join(block)
        if _HANDLING_NOTE.match(text):
            out.append(text)
        else:
            out.extend(block)
        block = []
    return out


def _marked_name(lines: list[str], end: int) -> str | None:
    """A name alone on the last line with a mark after it: the end marks of a transmission
    (`GILLESPIE##`), or a full stop (`MCNAMARA.`) when the name stands as a block of its own
    after a finished sentence."""
    m = _MARKED_NAME.match(lines[end - 1])
    if not m or set(m.group(1).split()) & _NOT_SIGNERS:
        return None
    if m.group(2) == ".":
        above = end - 2
        while above >= 0 and not lines[above].strip():
            above -= 1
        if above in (-1, end - 2) or not lines[above].rstrip().endswith(TERMINAL):
            return None
    return m.group(1)


def _signed_after_closing_formula(lines: list[str],
                                  end: int) -> tuple[list[str], list[str], list[str]]:
    """A name in capitals run on after the formula that closes a cable's text (`... BEIRUT
    MINIMIZE CONSIDERED.  EAGLETON`, `END OF TEXT. BAKER`, `END COMMENT MULFORD`): in text
    all in capitals only the formula tells the name from the sentence's last word."""
    m = _CLOSING_FORMULA_NAME.search(lines[end - 1])
    if not m or set(m.group("name").split()) & _NOT_SIGNERS:
        return lines[:end], [], []
    head = lines[: end - 1] + [lines[end - 1][: m.start("name")].rstrip()]
    return head, [m.group("name")], [m.group("name")]


def _doubled(lines: list[str], at: int, name: str,
             entries: list[str]) -> tuple[list[str], list[str], list[str]]:
    """A signature written twice (`LANGDALE` / `LANGDALE`) is one signer with both lines."""
    before = _last_text(lines, at)
    if before and " ".join(lines[before - 1].split()) == name:
        return lines[: before - 1], [name], [name, *entries]
    return lines[:at], [name], entries


def _broken_sentence(lines: list[str], end: int,
                     last: str) -> tuple[list[str], list[str], list[str]] | None:
    """`... posed in paragraph` / blank / `3. Koenig`: the number ends the sentence above, the
    name after it signs."""
    m = _NUMBER_THEN_NAME.match(last)
    if m is None or end < 3 or lines[end - 2].strip():
        return None
    name = m.group("name")
    if not ((_SIGNER.match(name) and not set(name.split()) & _NOT_SIGNERS)
            or _MIXED_SIGNER.match(name)) or len(name.split()) > 3:
        return None
    above = _last_text(lines, end - 1)
    if not above or lines[above - 1].rstrip().endswith(TERMINAL):
        return None
    joined = lines[above - 1].rstrip() + " " + m.group("number")
    return lines[: above - 1] + [joined], [name], [name]


def _website_note(lines: list[str],
                  end: int) -> tuple[list[str], list[str], list[str]] | None:
    """A post's website note at the end of the body, with the signer inside or after it: the
    lines before it, the signers, and the note (one entry) and the signer's line."""
    start = None
    for i in range(end - 1, max(end - _NOTE_WINDOW, 0) - 1, -1):
        if "Website" in lines[i] and (m := _WEBSITE.search(lines[i])):
            if _NUMBER_PREFIX.match(lines[i][: m.start()]):
                break  # a paragraph of the cable on its website: the text keeps it
            start, pos = i, m.start()
        elif start is not None and not _ASTERISKS.match(lines[i]):
            break
    if start is None:
        return None
    first = lines[start]
    while pos and (first[pos - 1].isspace() or first[pos - 1] == "*"):
        pos -= 1  # the asterisks before the note on its line belong to it
    if first[:pos].strip():  # run on at the end of the last paragraph
        head, note = lines[:start] + [first[:pos].rstrip()], [first[pos:], *lines[start + 1 : end]]
    else:
        while start and _ASTERISKS.match(lines[start - 1]):
            start -= 1  # the rows of asterisks above it belong to it too
        head, note = lines[:start], lines[start:end]
    note = [ln for ln in note if ln.strip()]
    written = [" ".join(ln.split()) for ln in note]
    signers: list[str] = []
    last = written[-1]
    run_on = run_on_closing(last)
    core = last[: run_on.start()] if run_on else last
    if not core.endswith(("JR.", "SR.", "Jr.")):
        core = core.rstrip(" .,")  # "SUSMAN.", "TUTTLE.."
    alone = _SIGNER.match(core) or _MIXED_SIGNER.match(core) or re.fullmatch(r"[a-z][a-z'\-]{2,}",
                                                                              core)
    if len(written) > 1 and alone and not set(core.upper().split()) & _NOT_SIGNERS:
        signers = [core]
        entries = [" ".join(written[:-1]), last]
    else:
        entries = [" ".join(written)]
        m = _NOTE_SIGNER.search(core)
        if m:
            name = re.sub(r"^X{6,}\s*", "", m.group("name"))
            if name and not set(name.upper().split()) & _NOT_SIGNERS and not name.startswith(
                    ("Visit", "Classified")):
                signers = [name]
    return head, signers, entries
