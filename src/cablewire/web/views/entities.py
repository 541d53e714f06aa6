"""Entities, the timeline and the map: the pages over the enrichment stage's results, each with
its JSON (`/api/entities`, `/api/entities/{key}`, `/api/timeline`, `/api/places`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TypedDict
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from cablewire.archive import Archive
from cablewire.enrich.corrections import describe
from cablewire.errors import UsageError
from cablewire.results import Entity, EntityListItem, Place, TimelineEntry
from cablewire.timeline import HORIZON_YEARS, beyond_span, document_years, period_of, when
from cablewire.web.operations import BAD_REQUEST, Param, operation
from cablewire.web.presenters.charts import Bar, bar_chart, count_by_period
from cablewire.web.presenters.entity_links import TYPE_LABELS, entity_url
from cablewire.web.rendering import json_response, readable_date, render, search_url
from cablewire.web.state import state_of
from cablewire.web.views.search import whole_number

TYPES = ("person", "organization", "group", "place")
MAP_WIDTH, MAP_HEIGHT = 720, 360

TYPE = Param("type", "person, organization, group or place",
             {"type": "string", "enum": list(TYPES)})
KEY = Param("key", "An entity key (person:amadou-toumani-toure) or any of its names (ATT)",
            {"type": "string"}, where="path", example="person:amadou-toumani-toure")
YEAR = Param("year", "Only this year", {"type": "string", "pattern": r"^\d{4}$"},
             example="2009")
MONTH = Param("month", "Only this month", {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
              example="2009-06")


def _limit(most: int, default: int) -> Param:
    return Param("limit", f"How many (at most {most})",
                 {"type": "integer", "default": default, "minimum": 1})


def _type(request: Request) -> str | None:
    kind = request.query_params.get("type") or None
    if kind is not None and kind not in TYPES:
        raise UsageError(f"type={kind!r} is not an entity type: use one of {', '.join(TYPES)}")
    return kind


def label_of(key: str) -> str:
    """A readable name from an entity key when no name is at hand: person:edwin-dyer -> Edwin
    Dyer (a trailing country code of a place is dropped)."""
    kind, _, slug = key.partition(":")
    if kind == "place":
        slug = re.sub(r"-[a-z]{2}$", "", slug)
    return slug.replace("-", " ").title() if slug else key


# -- the list and one entity ---------------------------------------------------------------------

@operation("Entities", "People, organisations, groups and places, most documents first. The"
           " data of the entities page.", tag="entities", answer="A list of entities",
           params=(TYPE, _limit(1000, 100)), returns=list[EntityListItem])
async def entities_json(request: Request) -> Response:
    kind = _type(request)
    limit = whole_number(request.query_params.get("limit"), "limit", 100, minimum=1)
    return json_response(await state_of(request).call(
        lambda archive: archive.entities(kind, min(limit, 1000))))


async def entities_html(request: Request) -> Response:
    kind = _type(request)
    found = await state_of(request).call(lambda archive: archive.entities(kind, 300))
    listed = [{**entity, "url": entity_url(entity["key"])} for entity in found]
    return render(request, "entities.html", {
        "title": "Entities", "entities": listed, "kind": kind, "types": TYPES,
        "labels": TYPE_LABELS})


@operation("One entity", "Names and aliases, facts (roles), documents, co-occurring entities,"
           " quotes and dated events. The data of the entity page.", tag="entities",
           answer="The entity", params=(KEY,), returns=Entity,
           errors={400: BAD_REQUEST, 404: "No such entity"})
async def entity_json(request: Request) -> Response:
    key = request.path_params["key"]
    return json_response(await state_of(request).call(lambda archive: archive.entity(key)))


async def entity_html(request: Request) -> Response:
    key = request.path_params["key"]
    entity = await state_of(request).call(lambda archive: archive.entity(key))
    if entity["key"] != key:  # a name or alias: one address per entity
        return Response(status_code=308, headers={"location": entity_url(entity["key"])})
    unit, periods = count_by_period(d.get("date") for d in entity["documents"])
    search = f'entity:"{entity["key"]}"'
    bars = [Bar(p, n, search_url(f"{search} year:{p[:4]}" if unit == "year" else
                                 f"{search} from:{p} to:{p}") if n else None)
            for p, n in periods]
    undated = sum(1 for d in entity["documents"] if not d.get("date"))
    return render(request, "entity.html", {
        "title": entity["name"], "entity": entity, "label": TYPE_LABELS.get(entity["type"],
                                                                          entity["type"]),
        "chart": bar_chart(bars, f"Documents naming {entity['name']}, by {unit}"),
        "periods": periods, "unit": unit, "undated": undated,
        "period_text": ", ".join(f"{p} ({n})" for p, n in periods if n),
        "search": search_url(search), "timeline": "/timeline?" + urlencode({"q": search}),
        "entity_url": entity_url, "label_of": label_of, "describe": describe,
        "writable": bool(state_of(request).token),
    })


# -- the timeline ----------------------------------------------------------------------------------

TIMELINE_PAGE = 200
"""Events on one page of the timeline; the rest are a click away, never dropped."""
TIMELINE_MAX = 1000


class TimelineItem(TimelineEntry):
    """A dated event with its date at its own precision (`2012`, `2009-03`, `2009-06-10`,
    `1991/1992`), the period it is filed under, and whether the text dates it beyond the
    archive's span (more than two years after its document was written)."""

    when: str
    period: str
    beyond: bool


class TimelineView(TypedDict):
    """Dated events, across the archive or the documents of a query, zoomed to a year or a
    month, a page at a time (`total` events in all, from `offset`)."""

    query: str
    year: str | None
    month: str | None
    total: int
    offset: int
    limit: int
    events: list[TimelineItem]


def _zoom(request: Request) -> tuple[str | None, str | None]:
    year = request.query_params.get("year") or None
    month = request.query_params.get("month") or None
    if year and not re.fullmatch(r"\d{4}", year):
        raise UsageError(f"year={year!r} is not a year: write year=2009")
    if month and not re.fullmatch(r"\d{4}-\d{2}", month):
        raise UsageError(f"month={month!r} is not a month: write month=2009-06")
    return year, month


def timeline_events(events: list[TimelineItem], year: str | None,
                    month: str | None) -> list[TimelineItem]:
    """The events of a year (all of them, dated to the year or finer) or of a month (those
    dated to that month or finer: an event known only by its year is not in January)."""
    if month:
        return [e for e in events if e["period"] == month]
    if year:
        return [e for e in events if e["period"][:4] == year]
    return events


def _items(archive: Archive, query: str) -> list[TimelineItem]:
    found = archive.timeline(query or None, limit=50000)
    years = document_years(archive.store, (e["document"] for e in found))
    return [TimelineItem(**e, when=when(e), period=period_of(e),
                         beyond=beyond_span(e, years)) for e in found]


async def _timeline(request: Request) -> tuple[str, str | None, str | None, list[TimelineItem]]:
    query = request.query_params.get("q", "").strip()
    year, month = _zoom(request)
    events = await state_of(request).call(lambda archive: _items(archive, query))
    return query, year, month, events


def _page(request: Request) -> tuple[int, int]:
    offset = whole_number(request.query_params.get("offset"), "offset", 0)
    limit = whole_number(request.query_params.get("limit"), "limit", TIMELINE_PAGE, minimum=1)
    if limit > TIMELINE_MAX:
        raise UsageError(f"limit={limit} is too many: ask for {TIMELINE_MAX} or fewer a page")
    return offset, limit


@operation("Dated events", "Events in date order across the archive or the documents of a"
           " query, zoomed to a year or a month, a page at a time; each with its date at its"
           " own precision. The data of the timeline page.",
           tag="entities", answer="The query, the zoom, the page and its events",
           params=(Param("q", "Only the documents matching this query", {"type": "string"},
                         example="entity:ATT"), YEAR, MONTH,
                   Param("offset", "Events to skip", {"type": "integer", "default": 0,
                                                      "minimum": 0}),
                   _limit(TIMELINE_MAX, TIMELINE_PAGE)), returns=TimelineView)
async def timeline_json(request: Request) -> Response:
    offset, limit = _page(request)
    query, year, month, events = await _timeline(request)
    chosen = timeline_events(events, year, month)
    view: TimelineView = {"query": query, "year": year, "month": month, "total": len(chosen),
                          "offset": offset, "limit": limit,
                          "events": chosen[offset:offset + limit]}
    return json_response(view)


def timeline_axis(events: list[TimelineItem], year: str | None,
                  month: str | None) -> tuple[str, list[tuple[str, int]], int]:
    """The chart of the timeline: (unit, [(period, count)], events dated only by their year
    in a month chart). Events beyond the archive's span are left off; the axis runs from the
    first to the last year of the others."""
    on_axis = [e for e in events if not e["beyond"]]
    scope = (month or year or "")[:4]
    if scope:
        on_axis = [e for e in on_axis if e["period"][:4] == scope]
    years = sorted({e["period"][:4] for e in on_axis if e["period"][:4].isdigit()})
    if len(years) == 1:
        counts = Counter(e["period"] for e in on_axis if len(e["period"]) == 7)
        year_only = sum(1 for e in on_axis if len(e["period"]) == 4)
        months = [f"{years[0]}-{m:02d}" for m in range(1, 13)]
        return "month", [(m, counts.get(m, 0)) for m in months], year_only
    if not years:
        return "year", [], 0
    counts = Counter(e["period"][:4] for e in on_axis)
    span = range(int(years[0]), int(years[-1]) + 1)
    return "year", [(str(y), counts.get(str(y), 0)) for y in span], 0


async def timeline_html(request: Request) -> Response:
    offset, limit = _page(request)
    query, year, month, events = await _timeline(request)
    chosen = timeline_events(events, year, month)
    shown = chosen[offset:offset + limit]

    def link(offset: int = 0, **zoom: str) -> str:
        params = {"q": query} if query else {}
        params.update({k: v for k, v in zoom.items() if v})
        if offset:
            params["offset"] = str(offset)
        if limit != TIMELINE_PAGE:
            params["limit"] = str(limit)
        return "/timeline" + ("?" + urlencode(params) if params else "")

    unit, periods, year_only = timeline_axis(events, year, month)
    bars = [Bar(p, n, link(year=p) if unit == "year" else link(month=p)) for p, n in periods]
    groups: dict[str, list[TimelineItem]] = {}
    for event in shown:
        groups.setdefault(event["period"], []).append(event)
    here = {"year": year or "", "month": month or ""}
    pages = {
        "first": offset + 1 if shown else 0, "last": offset + len(shown),
        "previous": link(max(0, offset - limit), **here) if offset else None,
        "next": link(offset + limit, **here) if offset + limit < len(chosen) else None,
    }
    return render(request, "timeline.html", {
        "title": "Timeline", "query": query, "year": year, "month": month,
        "chart": bar_chart(bars, f"Dated events by {unit}"), "periods": periods, "unit": unit,
        "year_only": year_only, "beyond": sum(1 for e in chosen if e["beyond"]),
        "horizon": HORIZON_YEARS,
        "zoom_links": [bar for bar in bars if bar.count],
        "groups": groups, "total": len(chosen), "all": len(events), "pages": pages,
        "up": link(year=(month or "")[:4]) if month else (link() if year else None),
        "api": "/api" + link(offset, **here), "label_of": label_of,
        "entity_url": entity_url, "readable_when": readable_when,
    })


def readable_when(label: str) -> str:
    """`when` read aloud: 2012, March 2009, 10 June 2009, 1991 – 1992."""
    if label in ("", "undated"):
        return "Undated"
    return " – ".join(readable_date(part) for part in label.split("/"))


# -- the map ---------------------------------------------------------------------------------------

MAP_ZOOMS = (1, 2, 4, 8, 16)
"""How many times the map is enlarged at each zoom step."""
MAP_QUERY = Param("q", "Only the places named by the documents matching this query",
                  {"type": "string"}, example="kind:article")


@operation("Places", "Places with coordinates and how many documents name them, across the"
           " archive or the documents of a query. The data of the map page.", tag="entities",
           answer="A list of places", params=(MAP_QUERY, _limit(5000, 500)),
           returns=list[Place])
async def places_json(request: Request) -> Response:
    limit = whole_number(request.query_params.get("limit"), "limit", 500, minimum=1)
    query = request.query_params.get("q", "").strip()
    return json_response(await state_of(request).call(
        lambda archive: archive.places(min(limit, 5000), query or None)))


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular, as the bundled world.svg is drawn."""
    return (lon + 180) / 360 * MAP_WIDTH, (90 - lat) / 180 * MAP_HEIGHT


@dataclass(frozen=True)
class MapView:
    """The window of the world the map shows: a zoom of `MAP_ZOOMS` centred on (lat, lon),
    kept inside the world."""

    zoom: int = 1
    lat: float = 0.0
    lon: float = 0.0

    @classmethod
    def from_request(cls, request: Request) -> MapView:
        raw = request.query_params.get("zoom") or "1"
        if not raw.isdigit() or int(raw) not in MAP_ZOOMS:
            raise UsageError(f"zoom={raw!r} is not a zoom of the map: use one of"
                             f" {', '.join(map(str, MAP_ZOOMS))}")
        at = request.query_params.get("at") or ""
        lat, lon = 0.0, 0.0
        if at:
            m = re.fullmatch(r"(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)", at)
            if not m or abs(float(m[1])) > 90 or abs(float(m[2])) > 180:
                raise UsageError(f"at={at!r} is not a place on the map: write at=LAT,LON, e.g."
                                 " at=17.5,-2.0 (latitude -90 to 90, longitude -180 to 180)")
            lat, lon = float(m[1]), float(m[2])
        return cls(int(raw), lat, lon).kept_inside()

    def kept_inside(self) -> MapView:
        half_lat, half_lon = 90 / self.zoom, 180 / self.zoom
        lat = min(max(self.lat, -90 + half_lat), 90 - half_lat)
        lon = min(max(self.lon, -180 + half_lon), 180 - half_lon)
        return MapView(self.zoom, round(lat, 2), round(lon, 2))

    def box(self) -> tuple[float, float, float, float]:
        """The SVG viewBox: x, y, width, height."""
        width, height = MAP_WIDTH / self.zoom, MAP_HEIGHT / self.zoom
        x, y = project(self.lat, self.lon)
        return round(x - width / 2, 2), round(y - height / 2, 2), width, height

    def shows(self, lat: float, lon: float) -> bool:
        return (abs(lat - self.lat) <= 90 / self.zoom
                and abs(lon - self.lon) <= 180 / self.zoom)

    def moved(self, zoom: int | None = None, lat: float | None = None,
              lon: float | None = None) -> MapView:
        return MapView(zoom or self.zoom, self.lat if lat is None else lat,
                       self.lon if lon is None else lon).kept_inside()


async def map_html(request: Request) -> Response:
    view = MapView.from_request(request)
    query = request.query_params.get("q", "").strip()
    places = await state_of(request).call(lambda archive: archive.places(500, query or None))
    top = max((p["documents"] for p in places), default=1)

    def link(to: MapView) -> str:
        params = {"q": query} if query else {}
        if to.zoom != 1:
            params["zoom"] = str(to.zoom)
            params["at"] = f"{to.lat:g},{to.lon:g}"
        return "/map" + ("?" + urlencode(params) if params else "")

    marks = []
    for place in places:
        if place.get("lat") is None or place.get("lon") is None:
            continue
        lat, lon = float(place["lat"]), float(place["lon"])
        x, y = project(lat, lon)
        radius = (2.5 + 9 * (place["documents"] / top) ** 0.5) / view.zoom ** 0.75
        marks.append({**place, "x": round(x, 1), "y": round(y, 1), "r": round(radius, 2),
                      "url": entity_url(place["key"]), "shown": view.shows(lat, lon),
                      "zoom_url": link(MapView(4, lat, lon).kept_inside())})
    step_lat, step_lon = 45 / view.zoom, 90 / view.zoom
    index = MAP_ZOOMS.index(view.zoom)
    moves = {
        "in": link(view.moved(zoom=MAP_ZOOMS[index + 1])) if index + 1 < len(MAP_ZOOMS)
        else None,
        "out": link(view.moved(zoom=MAP_ZOOMS[index - 1])) if index else None,
        "north": link(view.moved(lat=view.lat + step_lat)), "south": link(view.moved(
            lat=view.lat - step_lat)),
        "west": link(view.moved(lon=view.lon - step_lon)), "east": link(view.moved(
            lon=view.lon + step_lon)),
        "world": link(MapView()) if view.zoom != 1 else None,
    }
    if view.zoom == 1:
        moves.update(north=None, south=None, west=None, east=None)
    x, y, width, height = view.box()
    shown = [m for m in marks if m["shown"]]
    return render(request, "map.html", {
        "title": "Map", "places": marks, "shown": shown, "width": MAP_WIDTH,
        "height": MAP_HEIGHT, "box": f"{x:g} {y:g} {width:g} {height:g}", "view": view,
        "stroke": round(0.6 / view.zoom ** 0.75, 3), "moves": moves, "query": query,
        "api": "/api/places" + ("?" + urlencode({"q": query}) if query else ""),
    })
