"""The OpenAPI description is generated from the result types and describes every JSON route, and
real responses validate against the schemas it gives for them.

The validator below covers exactly the JSON Schema subset `cablewire.web.schemas` emits (and the
model's document schemas use); a keyword it does not know fails the test rather than pass
unchecked. Objects are checked closed: a key the type does not declare is an error here, so a
response that grows a field its type does not have fails.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.testclient import TestClient

from cablewire.web.schemas import REF

TOURE = "person:amadou-toumani-toure"
IGNORED = {"description", "title", "$schema", "default", "example", "format"}
JSON_TYPES: dict[str, Any] = {"string": str, "integer": int, "number": (int, float),
                              "boolean": bool, "null": type(None), "array": list, "object": dict}


class Invalid(AssertionError):
    pass


def check(value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str = "$") -> None:
    """Raise `Invalid` naming the first place `value` does not fit `schema`."""
    known = IGNORED | {"$ref", "type", "enum", "const", "properties", "required",
                       "additionalProperties", "items", "prefixItems", "minItems", "maxItems",
                       "anyOf", "oneOf", "minimum", "pattern"}
    unknown = set(schema) - known
    if unknown:
        raise Invalid(f"{where}: the validator does not know {sorted(unknown)}")
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith(REF), ref
        check(value, spec["components"]["schemas"][ref[len(REF):]], spec, where)
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, kind) for kind in kinds):
            raise Invalid(f"{where}: {value!r:.80} is not {' or '.join(kinds)}")
    if "enum" in schema and value not in schema["enum"]:
        raise Invalid(f"{where}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        raise Invalid(f"{where}: {value!r} is not {schema['const']!r}")
    if "minimum" in schema and _is(value, "number") and value < schema["minimum"]:
        raise Invalid(f"{where}: {value} is under {schema['minimum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        raise Invalid(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        _check_object(value, schema, spec, where)
    if isinstance(value, list):
        _check_array(value, schema, spec, where)
    for name in ("anyOf", "oneOf"):
        if name in schema:
            fits = sum(_fits(value, option, spec, where) for option in schema[name])
            if fits == 0 or (name == "oneOf" and fits > 1):
                raise Invalid(f"{where}: {value!r:.80} fits {fits} of the {name} options")


def _is(value: Any, kind: str) -> bool:
    if isinstance(value, bool) and kind in ("integer", "number"):
        return False
    return isinstance(value, JSON_TYPES[kind])


def _fits(value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str) -> bool:
    try:
        check(value, schema, spec, where)
    except Invalid:
        return False
    return True


def _check_object(value: dict[str, Any], schema: dict[str, Any], spec: dict[str, Any],
                  where: str) -> None:
    properties = schema.get("properties", {})
    for key in schema.get("required", []):
        if key not in value:
            raise Invalid(f"{where}: no {key!r}")
    extra = schema.get("additionalProperties")
    for key, item in value.items():
        if key in properties:
            check(item, properties[key], spec, f"{where}.{key}")
        elif isinstance(extra, dict):
            check(item, extra, spec, f"{where}.{key}")
        elif properties and extra is not True:
            raise Invalid(f"{where}: {key!r} is not declared")


def _check_array(value: list[Any], schema: dict[str, Any], spec: dict[str, Any],
                 where: str) -> None:
    if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
        raise Invalid(f"{where}: {len(value)} items")
    prefix = schema.get("prefixItems", [])
    for i, item in enumerate(value):
        if i < len(prefix):
            check(item, prefix[i], spec, f"{where}[{i}]")
        elif "items" in schema:
            check(item, schema["items"], spec, f"{where}[{i}]")


def answer_schema(spec: dict[str, Any], path: str, status: str = "200") -> dict[str, Any]:
    schema: dict[str, Any] = (
        spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"])
    return schema


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    found: dict[str, Any] = client.get("/api/openapi.json").json()
    return found


def test_every_json_route_is_described(client: TestClient, web_app: Any,
                                       write_client: TestClient) -> None:
    for app, answer in ((web_app, client), (write_client.app, write_client)):
        spec = answer.get("/api/openapi.json").json()
        for route in app.routes:
            path = getattr(route, "path", "")
            if not path.startswith("/api/"):
                continue
            methods = {m.lower() for m in getattr(route, "methods", None) or {"GET"}} - {"head"}
            assert methods <= set(spec["paths"].get(path, {})), (path, methods)
    assert "post" in write_client.get("/api/openapi.json").json()["paths"]["/api/documents"]


def test_the_schemas_are_generated_from_the_result_types(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    snippet = schemas["Snippet"]
    assert snippet["required"] == ["text", "highlights"]
    assert snippet["properties"]["highlights"]["items"]["prefixItems"] == [
        {"type": "integer"}, {"type": "integer"}]
    assert schemas["Hit"]["properties"]["title"] == {"type": ["string", "null"]}
    assert schemas["SearchResult"]["properties"]["sort"]["enum"] == ["relevance", "date", "-date"]
    assert "index_bytes" not in schemas["Stats"]["required"]  # NotRequired
    assert schemas["Stats"]["properties"]["by_year"] == {
        "type": "object", "additionalProperties": {"type": "integer"}}
    assert answer_schema(spec, "/api/errors") == {"type": "array", "items": {
        "$ref": REF + "Failure"}}
    for path, methods in spec["paths"].items():  # every $ref resolves
        for op in methods.values():
            for ref in re.findall(r"'\$ref': '([^']+)'", str(op)):
                assert ref[len(REF):] in schemas, (path, ref)


@pytest.mark.parametrize("url, path", [
    ("/api/search?q=AQIM+tag:PTER", "/api/search"),
    ("/api/search?q=kind:cable&sort=-date&limit=50", "/api/search"),
    ("/api/search", "/api/search"),
    ("/api/search?q=Tour%C3%A9", "/api/search"),
    ("/api/documents/09BAMAKO387", "/api/documents/{doc_id}"),
    ("/api/documents/09BAMAKO387/related", "/api/documents/{doc_id}/related"),
    ("/api/stats", "/api/stats"),
    ("/api/errors", "/api/errors"),
    ("/api/openapi.json", "/api/openapi.json"),
])
def test_responses_validate(client: TestClient, spec: dict[str, Any], url: str,
                            path: str) -> None:
    r = client.get(url)
    assert r.status_code == 200
    check(r.json(), answer_schema(spec, path), spec)


def test_the_background_routes_are_described(spec: dict[str, Any]) -> None:
    post = spec["paths"]["/api/background"]["post"]
    assert [p["name"] for p in post["parameters"]] == ["kind", "before", "after", "limit",
                                                        "name"]
    assert sorted(post["requestBody"]["content"]) == [
        "application/octet-stream", "multipart/form-data", "text/plain"]
    assert post["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": REF + "Background"}
    assert sorted(post["responses"]) == ["200", "400", "413", "422"]
    related = spec["paths"]["/api/documents/{doc_id}/related"]["get"]
    assert [p["name"] for p in related["parameters"]] == ["doc_id", "kind", "before", "after",
                                                           "limit"]
    assert answer_schema(spec, "/api/documents/{doc_id}/related") == {"$ref": REF + "Background"}
    assert "it now answers the blend's shape" in related["description"]
    schemas = spec["components"]["schemas"]
    assert schemas["Reasons"]["required"] == []
    assert sorted(schemas["Reasons"]["properties"]) == ["citations", "entities", "lexical",
                                                        "meaning", "time"]
    assert schemas["EntitiesReason"]["required"] == ["rank", "score", "shared"]
    assert schemas["CitationsReason"]["properties"]["relation"]["enum"] == ["cited by", "cites"]
    assert "Related" not in schemas and "RelatedDocument" not in schemas


def test_background_answers_validate(client: TestClient, linked: TestClient,
                                     spec: dict[str, Any]) -> None:
    from tests.web.support import SEED_ARTICLE

    schema = (spec["paths"]["/api/background"]["post"]["responses"]["200"]["content"]
              ["application/json"]["schema"])
    for answer in (client, linked):
        r = answer.post("/api/background", content=SEED_ARTICLE.read_bytes())
        assert r.status_code == 200 and r.json()["hits"]
        check(r.json(), schema, spec)
        related = answer.get("/api/documents/09BAMAKO387/related").json()
        assert related["hits"]
        check(related, answer_schema(spec, "/api/documents/{doc_id}/related"), spec)
    assert "entities" in related["hits"][0]["reasons"]  # the enriched archive's names
    r = client.post("/api/background", content=b"")
    check(r.json(), {"$ref": REF + "ErrorEnvelope"}, spec)


def test_an_article_validates(client: TestClient, spec: dict[str, Any],
                              seed_article_id: str) -> None:
    shown = client.get(f"/api/documents/{seed_article_id}").json()
    assert shown["document"]["kind"] == "article"
    check(shown, answer_schema(spec, "/api/documents/{doc_id}"), spec)


def test_errors_validate_as_the_envelope(client: TestClient, spec: dict[str, Any]) -> None:
    r = client.get("/api/documents/NO-SUCH-DOCUMENT")
    assert r.status_code == 404
    check(r.json(), answer_schema(spec, "/api/documents/{doc_id}", "404"), spec)
    r = client.get("/api/search", params={"q": "(broken"})
    assert r.status_code == 400
    check(r.json(), answer_schema(spec, "/api/search", "400"), spec)


@pytest.mark.parametrize("url, path", [
    ("/api/entities", "/api/entities"),
    (f"/api/entities/{TOURE}", "/api/entities/{key}"),
    ("/api/entities/ATT", "/api/entities/{key}"),
    ("/api/entities/ATT/mentions?limit=5", "/api/entities/{key}/mentions"),
    ("/api/timeline", "/api/timeline"),
    ("/api/timeline?q=AQIM&year=2009", "/api/timeline"),
    ("/api/places", "/api/places"),
    ("/api/documents/09BAMAKO387/entities", "/api/documents/{doc_id}/entities"),
])
def test_enriched_responses_validate(enriched: TestClient, spec: dict[str, Any], url: str,
                                     path: str) -> None:
    r = enriched.get(url)
    assert r.status_code == 200
    data = r.json()
    assert data
    check(data, answer_schema(spec, path), spec)


def test_the_validator_rejects_what_does_not_fit(spec: dict[str, Any]) -> None:
    hit = {"id": "X", "kind": "cable", "title": None, "date": None, "origin": None,
           "classification": None, "score": None, "snippet": {"text": "a", "highlights": []}}
    schema = {"$ref": REF + "Hit"}
    check(hit, schema, spec)
    for broken in ({**hit, "snippet": "<b>a</b>"}, {**hit, "extra": 1},
                   {k: v for k, v in hit.items() if k != "score"},
                   {**hit, "snippet": {"text": "a", "highlights": [[0, 1, 2]]}},
                   {**hit, "score": True}):
        with pytest.raises(Invalid):
            check(broken, schema, spec)


def test_the_generator_examples_hold() -> None:
    import doctest

    from cablewire.web import schemas

    assert doctest.testmod(schemas).failed == 0
