"""JSON Schema from the library's result types: the OpenAPI description's response schemas are
generated here from the `TypedDict`s in `cablewire.results` (and the web layer's own few), not
written by hand.

    >>> from cablewire.results import FacetValue
    >>> found = Schemas()
    >>> found.of(list[FacetValue])
    {'type': 'array', 'items': {'$ref': '#/components/schemas/FacetValue'}}
    >>> found.components["FacetValue"]["required"]
    ['value', 'count']

The subset it emits: `type` (one or a list, "null" among them for `X | None`), `enum`,
`properties`, `required`, `additionalProperties` (for `dict[str, X]`), `items`, `prefixItems`
with `minItems`/`maxItems` (a `tuple`), `anyOf`, `oneOf`, `$ref` and `description`. A
`TypedDict` becomes a named component; a key is required unless it is `NotRequired`.
`Annotated[X, Described("...")]` adds a description, `Annotated[X, Schema({...})]` replaces the
derived schema (a `$ref` in it may name a component bare: `{"$ref": "Cable"}`).
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin

from cablewire.results import Described, Schema

REF = "#/components/schemas/"
_SCALARS: dict[object, str] = {str: "string", int: "integer", float: "number", bool: "boolean",
                               type(None): "null"}


class Schemas:
    """Schemas of types, with every `TypedDict` met on the way kept in `components`."""

    def __init__(self) -> None:
        self.components: dict[str, dict[str, Any]] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        """The JSON Schema of a type expression (a `$ref` for a `TypedDict`)."""
        origin = get_origin(tp)
        if origin is typing.Annotated:
            inner, *extras = get_args(tp)
            return self._annotated(inner, extras)
        if origin in (NotRequired, Required):
            return self.of(get_args(tp)[0])
        if tp is Any or tp is object:
            return {}
        if tp in _SCALARS:
            return {"type": _SCALARS[tp]}
        if typing.is_typeddict(tp):
            return {"$ref": REF + self._typeddict(tp)}
        if origin is Literal:
            return _literal(get_args(tp))
        if origin in (Union, types.UnionType):
            return _union([self.of(arg) for arg in get_args(tp)])
        if origin is list:
            return {"type": "array", "items": self.of(get_args(tp)[0])}
        if origin is tuple:
            args = get_args(tp)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            return {"type": "array", "prefixItems": [self.of(a) for a in args],
                    "minItems": len(args), "maxItems": len(args)}
        if origin is dict:
            key, value = get_args(tp) or (str, Any)
            if key is not str:
                raise TypeError(f"a JSON object's keys are strings, not {key!r}")
            return {"type": "object", "additionalProperties": self.of(value)}
        if tp is dict:
            return {"type": "object"}
        if tp is list:
            return {"type": "array"}
        raise TypeError(f"no JSON Schema for {tp!r}: declare it with the types of"
                        " cablewire.results (or give it Annotated[..., Schema({...})])")

    def _annotated(self, inner: Any, extras: list[Any]) -> dict[str, Any]:
        out = self.of(inner)
        for extra in extras:
            if isinstance(extra, Schema):
                out = _named_refs(extra.schema)
            elif isinstance(extra, Described):
                out = _with_description(out, extra.text)
        return out

    def _typeddict(self, tp: type) -> str:
        name = tp.__name__
        if name in self.components:
            return name
        self.components[name] = {}  # claimed first, so a type that refers to itself ends
        hints = typing.get_type_hints(tp, include_extras=True)
        properties = {key: self.of(hint) for key, hint in hints.items()}
        # `__required_keys__` cannot see `NotRequired` under postponed annotations on 3.11:
        # the hints themselves say it.
        required = [key for key, hint in hints.items() if not _not_required(hint)]
        schema: dict[str, Any] = {"type": "object", "properties": properties,
                                  "required": required}
        doc = tp.__doc__
        if doc and doc is not dict.__doc__:
            schema["description"] = " ".join(doc.split())
        self.components[name] = schema
        return name


def _not_required(hint: Any) -> bool:
    while get_origin(hint) is typing.Annotated:
        hint = get_args(hint)[0]
    return get_origin(hint) is NotRequired


def _literal(values: tuple[Any, ...]) -> dict[str, Any]:
    kinds = sorted({_SCALARS[type(v)] for v in values})
    return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": list(values)}


def _union(members: list[dict[str, Any]]) -> dict[str, Any]:
    """`X | Y`: one `type` list when every member is a bare type, else `anyOf`."""
    if all(set(m) == {"type"} for m in members):
        kinds: list[str] = []
        for m in members:
            for kind in m["type"] if isinstance(m["type"], list) else [m["type"]]:
                if kind not in kinds:
                    kinds.append(kind)
        return {"type": kinds[0] if len(kinds) == 1 else kinds}
    return {"anyOf": members}


def _with_description(schema: dict[str, Any], text: str) -> dict[str, Any]:
    return {**schema, "description": text}  # beside a $ref too: JSON Schema 2020-12 allows it


def _named_refs(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: (REF + v if k == "$ref" and isinstance(v, str) and not v.startswith("#")
                    else _named_refs(v)) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_named_refs(v) for v in schema]
    return schema
