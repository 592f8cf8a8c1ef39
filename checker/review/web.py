"""The review page: an ASGI app (Starlette) with server-rendered Jinja2 templates.

Every page needs a signed-in editor. Sessions are rows in the store, named by a token in a
signed cookie, so signing out (or a new password) ends them for every copy of the cookie;
every form carries the session's CSRF token; decisions name the finding's version they were
made on, so two editors deciding at once cannot silently overwrite each other. Every
response, errors and static files too, gets the security headers.
"""
from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checker.review import auth, sessions
from checker.review.pictures import flagged_claims, timeline_of_finding
from checker.review.states import ACTIONS, OPEN, STATUSES, StaleDecision, StoreError, when
from checker.review.store import Store

HERE = Path(__file__).parent
PAGE_SIZE = 100
# The queue's tabs: the problems to decide on by default, `info` (agreement, explained
# differences) on its own, so that it does not crowd them out.
TABS = {"problems": ("error", "warning"), "info": ("info",)}
TAB_LABELS = {"problems": "Errors and warnings", "info": "Info"}
# Decisions an editor can take on the page, in the order the buttons show.
BUTTONS = {"confirm": "Confirm: a real problem", "dismiss": "Dismiss: false alarm",
           "fix": "Mark fixed", "reopen": "Reopen", "note": "Add note only"}
# Sent with every response. The page runs no inline script and loads nothing from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                               "base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Pages show the store's data: no copy of them is kept (static files may be).
NO_STORE = {"Cache-Control": "no-store"}
# Over HTTPS: browsers are to use nothing else for this site for a year.
HSTS = {"Strict-Transport-Security": "max-age=31536000"}

templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                        autoescape=select_autoescape(default=True), trim_blocks=True,
                        lstrip_blocks=True)
templates.filters["when"] = when


@dataclass
class Side:
    """One piece of evidence as the finding page shows it, beside the others."""

    article: str
    outlet: str
    author: str | None
    published: str
    title: str | None
    url: str | None
    sentence: Markup
    claimed: str | None = None
    tense: str | None = None
    modality: str | None = None
    speaker: str | None = None
    role: str | None = None   # "flagged", or "held against it" (only findings that flag claims)


def highlighted(text: str, part: str | None, start: int | None = None) -> Markup:
    """The text, escaped, with `part` (at `start`, else its first occurrence) in <mark>."""
    if part:
        start = text.find(part) if start is None else start
    if not part or start is None or start < 0 or text[start:start + len(part)] != part:
        return escape(text)
    end = start + len(part)
    return escape(text[:start]) + Markup("<mark>") + escape(part) + Markup("</mark>") + escape(text[end:])


def safe_link(url: str | None) -> str | None:
    """Only web addresses become links: a javascript: URL in front matter must not."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def around(body: str, start: int, end: int, reach: int = 160) -> tuple[str, int]:
    """The sentence (or so) around a span of the body, and where the span starts in it."""
    stops = (". ", "! ", "? ", "\n")
    lefts = [index + len(stop) for stop in stops
             if (index := body.rfind(stop, max(0, start - reach), start)) >= 0]
    left = max(lefts) if lefts else max(0, start - reach)
    while left < start and body[left].isspace():
        left += 1
    rights = [index + 1 for stop in stops if (index := body.find(stop, end, end + reach)) >= 0]
    right = min(rights) if rights else min(len(body), end + reach)
    return body[left:right].rstrip(), start - left


def sides(store: Store, row: dict) -> list[Side]:
    """The finding's evidence, one side per citation, with the time (or name) marked."""
    claims = {claim["id"]: claim for claim in row["claims"]}
    flagged = {claim["id"] for claim in flagged_claims(row)}
    articles = store.articles(cite["article"] for cite in row["data"]["evidence"])
    shown = []
    for cite in row["data"]["evidence"]:
        article = articles.get(cite["article"])
        claim = claims.get(cite["claim"]) if cite.get("claim") else None
        if claim:
            sentence = highlighted(cite["text"], claim.get("time_text"))
        elif article and article.body[cite["start"]:cite["end"]] == cite["text"]:
            context, start = around(article.body, cite["start"], cite["end"])
            sentence = highlighted(context, cite["text"], start)
        else:
            sentence = highlighted(cite["text"], None)
        shown.append(Side(
            article=cite["article"],
            outlet=(article.outlet if article and article.outlet else cite["article"]),
            author=article.author if article else None,
            published=article.published.value if article and article.published else "undated",
            title=article.title if article else None,
            url=safe_link(article.url) if article else None,
            sentence=sentence,
            claimed=claimed(claim) if claim else None,
            tense=claim.get("tense") if claim else None,
            modality=claim.get("modality") if claim else None,
            speaker=claim.get("speaker") if claim else None,
            role=("flagged" if claim["id"] in flagged else "held against it") if claim and flagged else None))
    return shown


def claimed(claim: dict) -> str | None:
    """What the claim says happens when: the time as written, or the order it states."""
    other = claim.get("object")
    if claim.get("relation") and other:
        season = f" season {other['season']}" if (other.get("season") or 1) > 1 else ""
        return (f"{claim['relation'].replace('_', ' ')} {other['work']}{season} "
                f"{other['event'].replace('_', ' ')}")
    return claim.get("time_text") or (claim.get("time") or {}).get("value")


# -- headers, sessions and CSRF ----------------------------------------------------------

class Hardened:
    """Wraps the whole app (outside Starlette's own error handling, so a 500 gets them too):
    the security headers on every response, and cookies marked Secure when the request came
    over HTTPS (directly, or by a trusted proxy's word) or `secure_cookies` says always."""

    def __init__(self, app: ASGIApp, secure_cookies: bool = False):
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"
        extra = {**SECURITY_HEADERS, **(HSTS if https else {}),
                 **({} if scope["path"].startswith("/static/") else NO_STORE)}
        secure = https or self.secure_cookies

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                ours = {name.lower().encode() for name in extra}
                headers = [(name, value) for name, value in message.get("headers", [])
                           if name.lower() not in ours]
                if secure:
                    headers = [(name, secured(value) if name.lower() == b"set-cookie" else value)
                               for name, value in headers]
                headers += [(name.lower().encode(), value.encode()) for name, value in extra.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_hardened)


def secured(cookie: bytes) -> bytes:
    """A Set-Cookie value with the Secure flag (browsers then send it over HTTPS only)."""
    flags = [flag.strip().lower() for flag in cookie.split(b";")[1:]]
    return cookie if b"secure" in flags else cookie + b"; secure"


def client_address(request: Request) -> str:
    """Who is signing in, for the sign-in limit: the connection's address, or the one a
    trusted proxy gave (`checker serve --trusted-proxy`)."""
    return request.client.host if request.client else "unknown"


def csrf_token(request: Request) -> str:
    if "csrf" not in request.session:
        request.session["csrf"] = secrets.token_urlsafe(32)
    return request.session["csrf"]


async def checked_form(request: Request):
    """The posted form, or None when its CSRF token is not this session's."""
    form = await request.form()
    expected = request.session.get("csrf")
    given = form.get("csrf")
    if not expected or not isinstance(given, str) or not hmac.compare_digest(expected, given):
        return None
    return form


def local_path(target: str | None) -> str:
    """Where to go after signing in: only a path on this site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def queue_tab(asked: str | None, severity: str | None) -> str:
    """The queue's tab: the one a severity filter belongs to, else the one asked for, else
    errors and warnings."""
    for name, severities in TABS.items():
        if severity in severities:
            return name
    return asked if asked in TABS else "problems"


class Review:
    """The routes, bound to one store."""

    def __init__(self, store: Store):
        self.store = store

    def page(self, request: Request, template: str, status_code: int = 200,
             headers: dict[str, str] | None = None, **values) -> HTMLResponse:
        html = templates.get_template(template).render(
            request=request, editor=getattr(request.state, "editor", None),
            csrf=csrf_token(request), flash=request.session.pop("flash", None), **values)
        return HTMLResponse(html, status_code=status_code, headers=headers)

    def editor(self, request: Request) -> str | None:
        """The signed-in editor: the one whose session in the store the cookie names. None
        when there is none, or it ended (signed out, a new password, the editor removed)
        or expired."""
        token = request.session.get("session")
        name = self.store.session_editor(token) if isinstance(token, str) else None
        if name is None:
            request.session.pop("session", None)
        request.state.editor = name
        return name

    def sign_in_first(self, request: Request) -> RedirectResponse:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    def start_session(self, request: Request, name: str) -> None:
        """A fresh session (and CSRF token) for the signed-in editor."""
        request.session.clear()
        request.session["session"] = self.store.open_session(name)

    def too_many(self, request: Request, template: str, wait: int, **values) -> HTMLResponse:
        return self.page(request, template, 429, headers={"Retry-After": str(wait)}, **values,
                         error="Too many failed sign-ins from here; try again in "
                               f"{sessions.duration(wait)}.")

    def forbidden(self, request: Request) -> HTMLResponse:
        return self.page(request, "error.html", 403, title="Form expired",
                         message="This form expired or came from another page. Reload the page "
                                 "and try again.")

    # -- routes ------------------------------------------------------------------------

    async def login(self, request: Request) -> Response:
        target = local_path(request.query_params.get("next"))
        if request.method == "GET":
            return self.page(request, "login.html", next=target)
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        target = local_path(str(form.get("next", "/")))
        address = client_address(request)
        # Counted before the password is checked: attempts sent at once cannot all slip in.
        wait = self.store.count_sign_in(name, address)
        if wait:
            return self.too_many(request, "login.html", wait, next=target, name=name)
        if not auth.verify_password(self.store.password_hash(name), password):
            return self.page(request, "login.html", 401, next=target, name=name,
                             error="Wrong name or password.")
        self.store.forget_failures(name, address)
        self.start_session(request, name)
        return RedirectResponse(target, status_code=303)

    async def logout(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        token = request.session.get("session")
        if isinstance(token, str):
            self.store.end_session(token)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    async def account(self, request: Request) -> Response:
        """The signed-in editor's own page: a new password, or signing out everywhere."""
        name = self.editor(request)
        if not name:
            return self.sign_in_first(request)
        if request.method == "GET":
            return self.account_page(request)
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        if form.get("action") == "everywhere":
            self.store.end_sessions(name)
            request.session.clear()
            request.session["flash"] = "You were signed out everywhere."
            return RedirectResponse("/login", status_code=303)
        current, new = str(form.get("current", "")), str(form.get("new", ""))
        address = client_address(request)
        wait = self.store.count_sign_in(name, address)
        if wait:
            return self.too_many(request, "account.html", wait,
                                 min_password=auth.MIN_PASSWORD)
        if not auth.verify_password(self.store.password_hash(name), current):
            return self.account_page(request, "The current password is wrong.")
        self.store.forget_failures(name, address)
        if new != str(form.get("repeat", "")):
            return self.account_page(request, "The new passwords differ.")
        try:
            password_hash = auth.hash_password(new)
        except ValueError as err:
            return self.account_page(request, str(err).capitalize() + ".")
        self.store.set_password(name, password_hash)   # (which ends all their sessions)
        self.start_session(request, name)
        request.session["flash"] = "Password changed; your other sessions were signed out."
        return RedirectResponse("/account", status_code=303)

    def account_page(self, request: Request, error: str | None = None) -> HTMLResponse:
        return self.page(request, "account.html", 400 if error else 200, error=error,
                         min_password=auth.MIN_PASSWORD)

    async def queue(self, request: Request) -> Response:
        if not self.editor(request):
            return self.sign_in_first(request)
        params = request.query_params
        filters = {name: params.get(name) or None for name in ("rule", "severity", "work", "outlet")}
        status = params.get("status", OPEN)
        status = status if status in (*STATUSES, "all") else OPEN
        tab = queue_tab(params.get("tab"), filters["severity"])
        # One query for both tabs: each tab's count is what its link would list.
        every = self.store.findings(status=None if status == "all" else status,
                                    **{**filters, "severity": None})
        tab_counts = {name: sum(row["severity"] in severities for row in every) for name, severities in TABS.items()}
        rows = [row for row in every if row["severity"] in TABS[tab]
                and (not filters["severity"] or row["severity"] == filters["severity"])]
        pages = max(1, -(-len(rows) // PAGE_SIZE))
        try:
            number = min(max(1, int(params.get("page", 1))), pages)
        except ValueError:
            number = 1
        first = (number - 1) * PAGE_SIZE
        kept = {"status": status, **{name: value for name, value in filters.items() if value and name != "severity"}}
        tab_links = {name: urlencode({**kept, "tab": name}) for name in TABS}
        query = {**kept, "tab": tab, **({"severity": filters["severity"]} if filters["severity"] else {})}
        return self.page(request, "queue.html", rows=rows[first:first + PAGE_SIZE], total=len(rows),
                         first=first, number=number, pages=pages, query=urlencode(query),
                         status=status, filters=filters, counts=self.store.counts(),
                         statuses=STATUSES, facets=self.store.facets(), tab=tab, tabs=TAB_LABELS,
                         tab_counts=tab_counts, tab_links=tab_links)

    async def finding(self, request: Request) -> Response:
        if not self.editor(request):
            return self.sign_in_first(request)
        if request.method == "POST":
            return await self.decide(request)
        return self.finding_page(request, self.found(request))

    def found(self, request: Request) -> dict | None:
        try:
            return self.store.finding(request.path_params["fingerprint"])
        except StoreError:
            return None

    def finding_page(self, request: Request, row: dict | None, status_code: int = 200,
                     **values) -> HTMLResponse:
        if row is None:
            return self.page(request, "error.html", 404, title="No such finding",
                             message="There is no finding with that fingerprint in the store.")
        picture = timeline_of_finding(self.store, row)
        return self.page(request, "finding.html", status_code, row=row, sides=sides(self.store, row),
                         history=self.store.history(row["fingerprint"]), buttons=BUTTONS,
                         timeline=Markup(picture.svg()) if picture else None, **values)

    async def decide(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        row = self.found(request)
        if row is None:
            return self.finding_page(request, None)
        action = str(form.get("action", ""))
        reason, note = str(form.get("reason", "")), str(form.get("note", ""))
        try:
            version = int(str(form.get("version", "")))
        except ValueError:
            return self.finding_page(request, row, 400, error="The form is missing its version.")
        if action not in ACTIONS:
            return self.finding_page(request, row, 400, error="Choose a decision.")
        try:
            self.store.decide(row["fingerprint"], action, request.state.editor,
                              version=version, reason=reason, note=note)
        except StaleDecision as stale:
            return self.finding_page(request, stale.current, 409, reason=reason, note=note,
                                     chosen=action,
                                     error="Another editor decided this finding while you were "
                                           f"looking at it: it is now {stale.current['status']}. "
                                           "Your decision was not saved; read the history below "
                                           "and decide again.")
        except StoreError as err:
            return self.finding_page(request, row, 400, error=str(err).capitalize() + ".",
                                     reason=reason, note=note, chosen=action)
        request.session["flash"] = f"Recorded: {action}."
        return RedirectResponse(request.url.path, status_code=303)

    async def timeline(self, request: Request) -> Response:
        if not self.editor(request):
            return self.sign_in_first(request)
        row = self.found(request)
        if row is None:
            return self.finding_page(request, None)
        picture = timeline_of_finding(self.store, row)
        if picture is None:  # a finding about a name has no event to draw
            return Response(status_code=404)
        return Response(picture.svg(standalone=True), media_type="image/svg+xml")


def create_app(store: Store, secure_cookies: bool = False) -> ASGIApp:
    """The review page on a store. Cookies are Secure on requests that came over HTTPS, and
    on every request with `secure_cookies`."""
    review = Review(store)

    async def store_unavailable(request: Request, error: Exception) -> Response:
        # A database that went away is the operator's to fix; the page says so, no traceback.
        html = templates.get_template("error.html").render(
            request=request, editor=None, csrf="", flash=None, title="Store unavailable",
            message="The review store cannot be reached just now; nothing was changed. "
                    "Try again in a moment.")
        return HTMLResponse(html, status_code=503)

    routes = [
        Route("/", review.queue),
        Route("/login", review.login, methods=["GET", "POST"]),
        Route("/logout", review.logout, methods=["POST"]),
        Route("/account", review.account, methods=["GET", "POST"]),
        Route("/findings/{fingerprint}", review.finding, methods=["GET", "POST"]),
        Route("/findings/{fingerprint}/timeline.svg", review.timeline),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(SessionMiddleware, secret_key=store.secret(),
                             session_cookie="checker_session",
                             max_age=sessions.SESSION_HOURS * 3600, same_site="strict")]
    return Hardened(Starlette(routes=routes, middleware=middleware,
                              exception_handlers={SQLAlchemyError: store_unavailable,
                                                  StoreError: store_unavailable}),
                    secure_cookies)
