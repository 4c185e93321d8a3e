"""A browser-like HTTP session for the peer benchmark: cookies, form fields, page weight.

Stdlib only. Cookies are kept by hand rather than by http.cookiejar because planwatch's
production cookies are `Secure` and the benchmark talks plain HTTP to it, as a TLS-terminating
proxy would (it sends `X-Forwarded-Proto: https`); a cookie jar would refuse to send them.
"""

import http.client
import re
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit


class HTTPFail(Exception):
    pass


class Session:
    """One person's browser: a cookie store and the headers it sends to one site."""

    def __init__(self, base: str, headers: dict[str, str] | None = None, timeout: float = 120):
        self.base, self.timeout = base.rstrip("/"), timeout
        self.headers = {"User-Agent": "planwatch-peer-bench", **(headers or {})}
        self.cookies: dict[str, str] = {}
        self.host, self.port = urlsplit(self.base).hostname, urlsplit(self.base).port

    def request(self, method: str, path: str, form=None, headers=None, follow=True):
        """(status, headers, body); a redirect is followed with GET, as a browser does."""
        body = urlencode(form).encode() if form is not None else None
        sent = {**self.headers, **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        location = response.headers.get("Location")
        if follow and response.status in (301, 302, 303) and location:
            target = urlsplit(urljoin(self.base + path, location))
            return self.request("GET", target.path + (f"?{target.query}" if target.query else ""))
        return response.status, response.headers, content

    def get(self, path: str, expect: int = 200, **kwargs) -> bytes:
        status, _, content = self.request("GET", path, **kwargs)
        if status != expect:
            raise HTTPFail(f"GET {path} -> {status}: {content[:200]!r}")
        return content

    def post(self, path: str, form: dict, expect: int = 200, **kwargs) -> bytes:
        status, _, content = self.request("POST", path, form=form, **kwargs)
        if status != expect:
            raise HTTPFail(f"POST {path} -> {status}: {content[:200]!r}")
        return content


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and attrs.get("type") != "checkbox":
            self.values.setdefault(attrs["name"], attrs.get("value") or "")


def form_inputs(html: bytes) -> dict[str, str]:
    """The page's <input> names and values (first of each name): tokens, versions."""
    parser = _Inputs()
    parser.feed(html.decode("utf-8", "replace"))
    return parser.values


_LINK = re.compile(r"<link\b[^>]*>", re.I)
_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[\"']([^\"']+)[\"']", re.I)
_HREF = re.compile(r"\bhref=[\"']([^\"']+)[\"']", re.I)
_FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.I)
_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)[\"']?\s*\)")


def _fetch(session: Session, url: str, gzipped: bool) -> bytes:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    encoding = {"Accept-Encoding": "gzip"} if gzipped else {"Accept-Encoding": "identity"}
    status, _, content = session.request("GET", path, headers=encoding)
    if status != 200:
        raise HTTPFail(f"GET {path} -> {status}")
    return content


def page_weight(session: Session, path: str) -> dict:
    """Bytes a first visit downloads: the HTML, its stylesheets and scripts, and the fonts the
    stylesheets' @font-face rules name (the first url of each rule, the one a current browser
    takes: woff2 before woff). Images are left out. Measured uncompressed, and as sent when
    the browser accepts gzip."""
    page_url = session.base + path
    html = _fetch(session, page_url, gzipped=False)
    text = html.decode("utf-8", "replace")
    styles = [
        urljoin(page_url, href)
        for tag in _LINK.findall(text)
        if re.search(r"rel=[\"']?stylesheet", tag, re.I)
        for href in _HREF.findall(tag)
    ]
    scripts = [urljoin(page_url, src) for src in _SCRIPT.findall(text)]
    fonts = []
    for style in styles:
        css = _fetch(session, style, gzipped=False).decode("utf-8", "replace")
        for rule in _FONT_FACE.findall(css):
            first = _URL.search(rule)
            if first and urljoin(style, first.group(1)) not in fonts:
                fonts.append(urljoin(style, first.group(1)))
    parts = {"html": [page_url], "css": styles, "js": scripts, "fonts": fonts}
    weight = {"files": {kind: len(urls) for kind, urls in parts.items()}}
    for gzipped, key in ((False, "bytes"), (True, "gzip_bytes")):
        weight[key] = {
            kind: sum(len(_fetch(session, url, gzipped)) for url in urls)
            for kind, urls in parts.items()
        }
        weight[key]["total"] = sum(weight[key].values())
    return weight
