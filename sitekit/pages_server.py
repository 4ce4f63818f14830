"""A local web server that behaves like GitHub Pages for a built site.

- the site lives under the path of its site_url (a project site: /<repository>/);
- a folder is served through its index.html; a folder without a trailing slash redirects;
- any missing path gets the site's root 404.html with status 404;
- text responses are gzip-compressed when the client accepts it, as Pages does, so that
  transfer sizes measured in the browser are the ones visitors pay for;
- other files answer byte ranges (206), which browsers use to stream and seek audio.
"""

from __future__ import annotations

import gzip
import mimetypes
import re
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


class PagesHandler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, base_path: str, **kwargs):
        self.root = root
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # quiet: tests report what matters
        pass

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body: bool):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.base_path):
            return self.not_found(send_body)
        relative = path[len(self.base_path):]
        target = (self.root / relative).resolve()
        if self.root not in target.parents and target != self.root:
            return self.not_found(send_body)
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            return self.not_found(send_body)
        self.send_file(200, target, send_body)

    def not_found(self, send_body: bool):
        self.send_file(404, self.root / "404.html", send_body)

    def send_file(self, status: int, file: Path, send_body: bool):
        body = file.read_bytes()
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in ("application/javascript", "application/json"):
            content_type += "; charset=utf-8"
        encoding = None
        if content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            encoding = "gzip"
        byte_range = None if encoding or status != 200 else self.requested_range(len(body))
        if byte_range == "unsatisfiable":
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{len(body)}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if byte_range:
            first, last = byte_range
            status, total, body = 206, len(body), body[first:last + 1]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        else:
            self.send_header("Accept-Ranges", "bytes")
        if byte_range:
            self.send_header("Content-Range", f"bytes {first}-{last}/{total}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def requested_range(self, size: int):
        """A single "Range: bytes=first-last" (what browsers send for audio), as Pages honours it."""
        header = self.headers.get("Range", "")
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", header.strip())
        if not match or not any(match.groups()):
            return None
        first, last = match.groups()
        if first == "":  # the last N bytes
            first, last = max(size - int(last), 0), size - 1
        else:
            first, last = int(first), min(int(last) if last else size - 1, size - 1)
        return (first, last) if first <= last < size else "unsatisfiable"


class QuietServer(ThreadingHTTPServer):
    """A browser that stops reading (a page closed mid-load, an audio element that seeks)
    closes its connection: that is how browsers behave, not an error worth a traceback."""

    def handle_error(self, request, client_address):
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class PagesServer:
    """Serve ``root`` at http://127.0.0.1:<free port><base_path> in a background thread."""

    def __init__(self, root: Path, base_path: str = "/"):
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        handler = partial(PagesHandler, root=Path(root).resolve(), base_path=self.base_path)
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def url(self) -> str:
        return self.origin + self.base_path

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
