"""The search query language, parsed into a small tree.

    aqim tessalit              both words (AND is implied)
    "choir boys"               an exact phrase
    aqim OR aqmi               either; NOT word or -word excludes; ( ) groups
    terror*                    prefix
    id:09BAMAKO387  kind:cable|article  origin:"Embassy Bamako"  classification:secret
    tag:PTER  from:2009-01-01  to:2010-12-31  year:2009  cites:09BAMAKO186  cited-by:09BAMAKO387
    entity:ATT  place:Tessalit      documents naming an entity or place, by any of its names
    similar:09BAMAKO387             documents like that one (the linking blend), best first

A malformed query raises `QueryError`, whose message shows where the problem is: an unclosed
phrase or bracket, a stray ')', an impossible date (`from:2009-13-01`), a word with nothing to
search for (a lone `-`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cablewire.errors import QueryError

FIELDS = ("id", "kind", "origin", "classification", "tag", "from", "to", "year", "cites",
          "cited-by", "entity", "place", "similar")
KEYWORDS = ("AND", "OR", "NOT")




@dataclass(frozen=True)
class Text:
    """Words to find: a phrase when `phrase`, a prefix when `prefix`."""

    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class Filter:
    field: str
    value: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class All:
    """Every document (the empty query)."""


Node = Text | Filter | Not | And | Or | All


@dataclass(frozen=True)
class _Token:
    kind: str  # word, phrase, field, lparen, rparen, and, or, not
    value: str
    position: int
    field: str = ""
    prefix: bool = False


_FIELD = re.compile(r"([A-Za-z][A-Za-z-]*):")


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c == "(":
            out.append(_Token("lparen", c, i))
            i += 1
        elif c == ")":
            out.append(_Token("rparen", c, i))
            i += 1
        elif c == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError(query, i, 'a phrase is not closed: add the closing "')
            prefix = end + 1 < n and query[end + 1] == "*"
            out.append(_Token("phrase", query[i + 1 : end], i, prefix=prefix))
            i = end + (2 if prefix else 1)
        elif c == "-" and i + 1 < n and not query[i + 1].isspace() and (
            i == 0 or query[i - 1].isspace() or query[i - 1] == "("
        ):
            out.append(_Token("not", "-", i))
            i += 1
        else:
            m = _FIELD.match(query, i)
            if m and m.group(1).lower() in FIELDS:
                name = m.group(1).lower()
                j = m.end()
                if j < n and query[j] == '"':
                    end = query.find('"', j + 1)
                    if end < 0:
                        raise QueryError(query, j, 'a phrase is not closed: add the closing "')
                    out.append(_Token("field", query[j + 1 : end], i, field=name))
                    i = end + 1
                    continue
                end = j
                while end < n and not query[end].isspace() and query[end] not in "()":
                    end += 1
                if end == j:
                    raise QueryError(query, j, f"'{name}:' needs a value, e.g. {_example(name)}")
                if name in ("from", "to", "year"):
                    _check_date(query, j, name, query[j:end])
                out.append(_Token("field", query[j:end], i, field=name))
                i = end
                continue
            if m and not m.group(1)[0].isdigit() and _looks_like_field(query, m):
                raise QueryError(
                    query, i, f"unknown field '{m.group(1)}:'; known fields: "
                    + ", ".join(f + ":" for f in FIELDS)
                )
            end = i
            while end < n and not query[end].isspace() and query[end] not in '()"':
                end += 1
            word = query[i:end]
            if word in KEYWORDS:
                out.append(_Token(word.lower(), word, i))
            else:
                prefix = word.endswith("*")
                text = word.rstrip("*")
                if not text:
                    raise QueryError(query, i, "'*' must follow the start of a word, e.g. terror*")
                if not any(ch.isalnum() for ch in text):
                    raise QueryError(query, i, f"'{text}' has no letters or digits to search for:"
                                     " remove it, or put it after a word (-word excludes one)")
                out.append(_Token("word", text, i, prefix=prefix))
            i = end
    return out


_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _check_date(query: str, at: int, name: str, value: str) -> None:
    """A date filter's value is a year, a month or a day that exists."""
    m = _DATE.fullmatch(value)
    hint = f"write {name}:2009, {name}:2009-06 or {name}:2009-06-12"
    if not m:
        raise QueryError(query, at, f"{name}:{value} is not a date: {hint}")
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise QueryError(query, at, f"{name}:{value} has no month {month}: {hint}")
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError:
        raise QueryError(query, at, f"{name}:{value} is no day of that month: {hint}") from None


def _looks_like_field(query: str, m: re.Match[str]) -> bool:
    end = m.end()
    return end < len(query) and not query[end].isspace() and len(m.group(1)) <= 20


def _example(name: str) -> str:
    return {
        "id": "id:09BAMAKO387", "kind": "kind:cable", "origin": 'origin:"Embassy Bamako"',
        "classification": "classification:secret", "tag": "tag:PTER",
        "from": "from:2009-01-01", "to": "to:2010-12-31", "year": "year:2009",
        "cites": "cites:09BAMAKO186", "cited-by": "cited-by:09BAMAKO387",
        "entity": 'entity:"Amadou Toumani Toure"', "place": "place:Tessalit",
        "similar": "similar:09BAMAKO387",
    }.get(name, f"{name}:value")


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.i = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            return All()
        node = self.or_expr()
        token = self.peek()
        if token is not None:
            raise QueryError(self.query, token.position, "unexpected ')': remove it or add '('")
        return node

    def or_expr(self) -> Node:
        nodes = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            nodes.append(self.and_expr())
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))

    def and_expr(self) -> Node:
        nodes = [self.unary()]
        while (token := self.peek()) is not None and token.kind not in ("or", "rparen"):
            if token.kind == "and":
                self.take()
            nodes.append(self.unary())
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise QueryError(self.query, len(self.query), "the query ends too soon: add a word")
        if token.kind == "not":
            self.take()
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "rparen":
            raise QueryError(self.query, token.position, "unexpected ')': remove it or add '('")
        if token.kind == "lparen" and (inside := self.peek()) is not None and (
                inside.kind == "rparen"):
            raise QueryError(self.query, token.position,
                             "'()' holds nothing: put words inside or remove it")
        if token.kind == "lparen":
            node = self.or_expr()
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise QueryError(self.query, token.position, "'(' is not closed: add ')'")
            self.take()
            return node
        if token.kind == "word":
            return Text(token.value, prefix=token.prefix)
        if token.kind == "phrase":
            return Text(token.value, phrase=True, prefix=token.prefix)
        if token.kind == "field":
            return Filter(token.field, token.value)
        raise QueryError(
            self.query, token.position,
            f"'{token.value}' needs a word on each side (use quotes to search for it)",
        )


def parse_query(query: str) -> Node:
    """The query as a tree; QueryError when it is malformed."""
    return _Parser(query).parse()
