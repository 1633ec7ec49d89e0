"""What keeps the local web app safe to open: every response says what the browser may run
(Content-Security-Policy and friends), and only requests addressed to this server by a name it
answers to are served (a web page elsewhere cannot reach it by DNS rebinding).
"""
from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable

from starlette.responses import PlainTextResponse

# Scripts and styles come only from the app's own files: an injected <script> or inline handler
# never runs. Page data is a JSON block that no browser executes. Leaflet and D3 set styles
# through the DOM (element.style), which a style-src without 'unsafe-inline' allows. Images:
# Leaflet's own icons, and the empty data: favicon that stops the browser asking for one.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",       # the map fetches /assets/countries.geojson
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",   # no other page may frame these (clickjacking)
])
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",            # a download is never read as a script or page
    "x-frame-options": "DENY",                      # frame-ancestors for browsers without CSP 2
    "referrer-policy": "no-referrer",               # the source links do not tell outlets what was browsed
    "cross-origin-resource-policy": "same-origin",  # other sites cannot embed /events.jsonl and the like
}

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")
# A Host header: a name or IPv4 address, or an IPv6 address in brackets; then maybe a port.
_HOST_HEADER = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^:\[\]/\s]+)(?::[0-9]{1,5})?")


class SecurityHeaders:
    """ASGI middleware: SECURITY_HEADERS on every HTTP response (pages, JSON, files, errors)."""

    def __init__(self, app) -> None:
        self.app = app
        self.headers = [(name.encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in self.headers if name not in present]
                message = message | {"headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HostCheck:
    """ASGI middleware: 400 unless the Host header names this server (any port).

    A page on attacker.example whose name is re-pointed at 127.0.0.1 (DNS rebinding) sends
    "Host: attacker.example", which is refused. When the server listens on every address
    (--host 0.0.0.0), any IP literal is served too: a browser only sends one when it was
    pointed at that address itself, and so the page's origin is this server.
    """

    def __init__(self, app, names: Iterable[str], any_address: bool = False) -> None:
        self.app = app
        self.names = {name.lower() for name in names}
        self.any_address = any_address

    def allows(self, header: str | None) -> bool:
        parts = _HOST_HEADER.fullmatch(header or "")
        if not parts:
            return False
        host = parts["host"].lower()
        return host in self.names or (self.any_address and _is_address(host))

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] in ("http", "websocket"):
            header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if not self.allows(header):
                refusal = PlainTextResponse(f"host: {header[:100]!r} is not a name this server answers to",
                                            status_code=400)
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def host_names(bound: Iterable[str] = ()) -> tuple[list[str], bool]:
    """The Host names to serve: loopback, each address the server is bound to (--host) and,
    when bound to every address, this machine's names; and whether any IP literal is served."""
    names, any_address = list(LOOPBACK_HOSTS), False
    for host in bound:
        if host.strip("[]") in WILDCARD_ADDRESSES:
            any_address = True
            names += _machine_names()
        else:
            names.append(_as_host_header(host))
    return names, any_address


def _as_host_header(host: str) -> str:
    """How a browser writes the address in Host: IPv6 literals in brackets."""
    host = host.strip().lower()
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _machine_names() -> list[str]:
    names = {socket.gethostname(), socket.getfqdn()}
    return sorted(name.lower() for name in names if name)
