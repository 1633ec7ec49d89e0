"""The local web app over a store: events, one event, actors, timeline and map; every page
has a `.json` twin with the same filters, and the HTML is rendered from that same data.

Scripts, styles and map shapes come from installed packages (XStatic wheels from PyPI, the
world-atlas npm package), never from a CDN. Article text is data: templates escape it all, a
report's url is a link only when it is an http(s) address, CSV cells never start a formula,
and guard.py sets what the browser may run and which Host names are served.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..export.layouts import LAYOUTS, Layout, row
from ..store import Store
from ..store.query import AmbiguousId, iter_records
from ..store.sqlite import store_exists
from ..textsafety import csv_row, web_link
from . import queries
from .guard import HostCheck, SecurityHeaders, host_names
from .queries import BadFilter, EventFilter
from .shapes import countries_geojson

_HERE = Path(__file__).parent


def _vendor_dirs() -> dict[str, str]:
    import xstatic.pkg.d3 as d3
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster
    return {"leaflet": leaflet.BASE_DIR, "markercluster": markercluster.BASE_DIR, "d3": d3.BASE_DIR}


def create_app(db_path: str | Path, hosts: Iterable[str] = ()) -> Starlette:
    """The app for one store file, opened read-only per request (an ingest may write meanwhile).
    It answers to loopback names and to `hosts`, the addresses it is bound to (serve --host)."""
    if not store_exists(db_path):
        raise FileNotFoundError(f"{db_path}: no such store; run `eventscribe ingest ... --db {db_path}` first")
    with Store(db_path):
        pass    # apply migrations once, so that read-only connections find the current schema
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(_HERE / "templates"), autoescape=True,
                                   undefined=jinja2.StrictUndefined)
    templates.filters["web_link"] = web_link

    def open_store() -> Store:
        return Store(db_path, read_only=True)

    def render(request: Request, template: str, data: dict, status: int = 200) -> Response:
        if request.path_params.get("format") == "json" or request.url.path.endswith(".json"):
            return JSONResponse(data, status_code=status)
        # The path as a local link: "//host/x" would otherwise be a link to another site.
        here = "/" + request.url.path.lstrip("/")
        html = templates.get_template(template).render(data=data, request=request, url=_url_for(request), here=here)
        return HTMLResponse(html, status_code=status)

    def page(template: str, build):
        async def endpoint(request: Request) -> Response:
            store = open_store()
            try:
                queries.check_sizes(request.query_params)    # every page, with filters or not
                data = build(store, request)
            except BadFilter as problem:
                return render(request, "error.html", {"error": "bad filter", "reason": str(problem)}, 400)
            except AmbiguousId as problem:
                return render(request, "error.html", {"error": "ambiguous id", "reason": str(problem)}, 400)
            finally:
                store.close()
            if data is None:
                return render(request, "error.html", {"error": "not found", "reason": f"nothing is stored under {request.url.path}"}, 404)
            return render(request, template, data)
        return endpoint

    def events(store: Store, request: Request) -> dict:
        return queries.events_page(store.connection, EventFilter.from_params(request.query_params))

    def event(store: Store, request: Request) -> dict | None:
        return queries.event_page(store, request.path_params["event_id"])

    def actors(store: Store, request: Request) -> dict:
        search = (request.query_params.get("q") or "").strip() or None
        return {"q": search, "actors": store.actors(search=search, limit=200)}

    def actor(store: Store, request: Request) -> dict | None:
        return queries.actor_page(store, request.path_params["actor_id"])

    def timeline(store: Store, request: Request) -> dict:
        return queries.timeline(store.connection, EventFilter.from_params(request.query_params))

    def map_page(store: Store, request: Request) -> dict:
        return queries.places(store.connection, EventFilter.from_params(request.query_params))

    async def download(request: Request) -> Response:
        if request.path_params["format"] not in ("csv", "jsonl"):
            raise HTTPException(404)
        try:
            selection = EventFilter.from_params(request.query_params)
        except BadFilter as problem:
            return render(request, "error.html", {"error": "bad filter", "reason": str(problem)}, 400)
        kind = request.path_params["format"]
        return StreamingResponse(_export(open_store, selection, kind),
                                 media_type="text/csv" if kind == "csv" else "application/x-ndjson",
                                 headers={"Content-Disposition": f"attachment; filename=events.{kind}"})

    async def shapes(request: Request) -> Response:
        return JSONResponse(countries_geojson())

    async def home(request: Request) -> Response:
        return RedirectResponse("/events")

    async def not_found(request: Request, exc: HTTPException) -> Response:
        reason = exc.detail if exc.status_code != 404 else f"no page at {request.url.path}"
        return render(request, "error.html", {"error": "not found" if exc.status_code == 404 else "error",
                                              "reason": reason}, exc.status_code)

    vendor = [Mount(f"/assets/{name}", StaticFiles(directory=path), name=name) for name, path in _vendor_dirs().items()]
    routes = [
        Route("/", home),
        Route("/events.json", page("events.html", events)),
        Route("/events.{format:str}", download),
        Route("/events", page("events.html", events)),
        Route("/events/{event_id:str}.json", page("event.html", event)),
        Route("/events/{event_id:str}", page("event.html", event)),
        Route("/actors.json", page("actors.html", actors)),
        Route("/actors", page("actors.html", actors)),
        Route("/actors/{actor_id:str}.json", page("actor.html", actor)),
        Route("/actors/{actor_id:str}", page("actor.html", actor)),
        Route("/timeline.json", page("timeline.html", timeline)),
        Route("/timeline", page("timeline.html", timeline)),
        Route("/map.json", page("map.html", map_page)),
        Route("/map", page("map.html", map_page)),
        Route("/assets/countries.geojson", shapes),
        Mount("/assets/app", StaticFiles(directory=_HERE / "static"), name="app"),
        *vendor,
    ]
    names, any_address = host_names(hosts)
    # Outermost first: even the refusal of an unknown Host carries the security headers.
    middleware = [Middleware(SecurityHeaders), Middleware(HostCheck, names=names, any_address=any_address)]
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: not_found})


def _url_for(request: Request):
    """Link to a page with the current filters changed: url('/events', page=2)."""
    from urllib.parse import urlencode

    def url(path: str, **changes) -> str:
        params = {k: v for k, v in request.query_params.items() if k not in changes} | \
            {k: v for k, v in changes.items() if v is not None}
        return path + ("?" + urlencode(params) if params else "")
    return url


def _export(open_store, selection: EventFilter, kind: str):
    """The whole selection in the list's order, streamed: CSV rows in the columns of `eventscribe
    export --format csv` (export/layouts.py, whose codebook says what each holds), or export
    records as JSON Lines (the store reads them a page at a time)."""
    store = open_store()
    try:
        columns = [column.name for column in LAYOUTS[Layout.EVENTSCRIBE]]
        if kind == "csv":
            buffer = io.StringIO()
            csv.DictWriter(buffer, fieldnames=columns).writeheader()
            yield buffer.getvalue()
        for record in iter_records(store.connection, selection.query):
            if kind == "csv":
                buffer = io.StringIO()
                csv.DictWriter(buffer, fieldnames=columns).writerow(csv_row(row(record)))
                yield buffer.getvalue()
            else:
                yield json.dumps(record, ensure_ascii=False) + "\n"
    finally:
        store.close()
