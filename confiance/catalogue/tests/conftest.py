"""Fixture portals served over real HTTP on 127.0.0.1, and the catalogue settings the tests need."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class Portal:
    """A small HTTP server: fixture files (with {BASE} replaced), plus the misbehaviours a harvest must survive."""

    def __init__(self):
        self.routes = {}  # path -> (status, headers, body bytes) or callable(handler)
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                route = portal.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                if callable(route):
                    route(self)
                    return
                status, headers, body = route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def serve(self, path, body, content_type="text/turtle", status=200, headers=None):
        body = body.replace(b"{BASE}", self.base.encode()) if isinstance(body, bytes) else body
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, body)
        return self.base + path

    def serve_fixture(self, path, name, content_type="text/turtle"):
        return self.serve(path, (FIXTURES / name).read_bytes(), content_type)

    def redirect(self, path, target):
        self.routes[path] = (302, {"Location": target}, b"")
        return self.base + path

    def slow(self, path, seconds):
        def answer(handler):
            time.sleep(seconds)
            try:
                handler.send_response(200)
                handler.end_headers()
            except OSError:
                pass
        self.routes[path] = answer
        return self.base + path


@pytest.fixture
def portal(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"]  # the fixture portal lives on loopback
    server = Portal()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def ckan(portal):
    portal.serve_fixture("/catalog.ttl", "ckan/catalog-page1.ttl")
    portal.serve_fixture("/catalog.ttl?page=1", "ckan/catalog-page1.ttl")
    portal.serve_fixture("/catalog.ttl?page=2", "ckan/catalog-page2.ttl")
    return portal
