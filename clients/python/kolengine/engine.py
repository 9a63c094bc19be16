"""``Engine``: a kol-engine process with one Python method per protocol method.

    from kolengine import Engine
    with Engine() as kol:
        kol.load("examples/demo.kol.json")
        kol.rank(budget=20000).to_frame()
"""

from __future__ import annotations

import datetime
import os
import time
import weakref
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import __version__
from .connection import Connection, finalize_connection
from .discovery import find_engine
from .errors import EngineClosed, EngineError, EngineTimeout
from .progress import ProgressTracker, make_bar
from .result import Result

DEFAULT_TIMEOUT = 60.0
TONE_PRESETS = ("humorous", "lighthearted", "serious", "corporate")

Ref = Union[str, Dict[str, Any], Sequence[str]]
DateLike = Union[None, str, datetime.date, datetime.datetime]


def _clean(params: Dict[str, Any]) -> Dict[str, Any]:
    """Drops parameters left at None: the protocol treats an absent member as "not given"."""
    return {key: value for key, value in params.items() if value is not None}


def _ids(ids: Union[None, str, Iterable[str]]) -> Optional[List[str]]:
    if ids is None:
        return None
    if isinstance(ids, str):
        return [ids]
    return list(ids)


def _date(value: DateLike) -> Optional[str]:
    """A ``date``/``datetime`` as RFC 3339 (naive datetimes are taken as UTC); strings pass through."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"expected a date, datetime or RFC 3339 string, got {type(value).__name__}")


def _analysis(params: Dict[str, Any], now: DateLike, brief, thresholds, weights) -> Dict[str, Any]:
    """Adds the common parameters of protocol.md §7.6 to an analysis request."""
    return _clean(dict(params, now=_date(now), brief=brief, thresholds=thresholds, weights=weights))


def tone_ref(ref: Ref) -> Dict[str, Any]:
    """A ``kol/compareTone`` side: a dict passes through; ``"brief"`` is the brief's tone; a preset name
    (humorous, lighthearted, serious, corporate) is that preset; any other string is a KOL id; a list of
    strings is sample texts."""
    if isinstance(ref, dict):
        return ref
    if isinstance(ref, str):
        if ref == "brief":
            return {"brief": True}
        if ref in TONE_PRESETS:
            return {"preset": ref}
        return {"id": ref}
    return {"texts": list(ref)}


class Engine:
    """A running kol-engine, spoken to over LSP framing on its stdin/stdout.

    ``binary``: path to kol-engine (default: ``KOL_ENGINE``, then PATH, then the repository's
    ``.build/release`` and ``.build/debug``). ``cwd``: the engine's working directory (relative paths in
    ``load``/``save`` are resolved there); also sent as ``rootUri``. ``timeout``: default seconds for every
    call (each method also takes ``timeout=``). ``stderr``: where the engine's log goes (default: inherited).
    """

    def __init__(self, binary: Optional[str] = None, *, cwd: Optional[str] = None, timeout: float = DEFAULT_TIMEOUT,
                 args: Sequence[str] = (), env: Optional[Dict[str, str]] = None, stderr: Any = None,
                 initialization_options: Optional[Dict[str, Any]] = None, position_encodings: Sequence[str] = ("utf-16",),
                 client_name: str = "kolengine-python"):
        self.binary = find_engine(binary)
        self.timeout = timeout
        self.cwd = str(Path(cwd).resolve()) if cwd else os.getcwd()
        self._connection = Connection([self.binary, "serve", "--lsp", *args], cwd=self.cwd, env=env, stderr=stderr)
        # The finaliser holds the connection, not self: collecting an Engine (or leaving the interpreter)
        # shuts the process down and reaps it.
        self._finalizer = weakref.finalize(self, finalize_connection, self._connection)
        self._documents: Dict[str, int] = {}
        try:
            self.server_info = self.initialize(initialization_options, position_encodings, client_name)
        except BaseException:
            self._finalizer()
            raise

    # ---- lifecycle ------------------------------------------------------------------------------

    def initialize(self, initialization_options, position_encodings, client_name) -> Result:
        params = {
            "processId": os.getpid(),
            "clientInfo": {"name": client_name, "version": __version__},
            "rootUri": Path(self.cwd).as_uri(),
            "workspaceFolders": [{"uri": Path(self.cwd).as_uri(), "name": Path(self.cwd).name}],
            "capabilities": {
                "general": {"positionEncodings": list(position_encodings)},
                "window": {"workDoneProgress": True},
                "textDocument": {"publishDiagnostics": {"versionSupport": True}},
            },
        }
        if initialization_options is not None:
            params["initializationOptions"] = initialization_options
        result = self.request("initialize", params)
        self._connection.notify("initialized", {})
        return result

    @property
    def capabilities(self) -> Dict[str, Any]:
        return (self.server_info.value or {}).get("capabilities", {})

    @property
    def pid(self) -> int:
        return self._connection.process.pid

    @property
    def process(self):
        return self._connection.process

    @property
    def running(self) -> bool:
        return self._connection.closed_reason is None and self._connection.process.poll() is None

    def close(self, timeout: float = 5.0) -> Optional[int]:
        """``shutdown`` then ``exit``; waits for the process and returns its exit code (0 when clean)."""
        connection = self._connection
        if connection.closed_reason is None and connection.process.poll() is None:
            try:
                self.request("shutdown", None, timeout=timeout)
                connection.notify("exit")
            except (EngineError, OSError):
                pass
        code = connection.terminate(grace=timeout)
        self._finalizer.detach()
        finalize_connection(connection)  # closes our end of the pipes; the process is already reaped
        return code

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- notifications --------------------------------------------------------------------------

    @property
    def notifications(self) -> List[Dict[str, Any]]:
        """Every notification the server sent (newest last; the last 10,000)."""
        return list(self._connection.notifications)

    @property
    def diagnostics(self) -> Dict[str, Dict[str, Any]]:
        """The latest ``textDocument/publishDiagnostics`` params per document URI."""
        return dict(self._connection.diagnostics)

    @property
    def logs(self) -> List[Dict[str, Any]]:
        """``window/logMessage`` and ``window/showMessage`` params (newest last)."""
        return list(self._connection.logs)

    @property
    def unmatched(self) -> List[Dict[str, Any]]:
        """Responses that answered no waiting request: errors with id null (a message the engine could not
        parse), and late answers to requests that timed out or were cancelled."""
        return list(self._connection.unmatched)

    @property
    def sent(self) -> List[Dict[str, Any]]:
        """The last messages this client sent (for debugging)."""
        return list(self._connection.sent)

    def on_notification(self, callback) -> None:
        """Calls ``callback(message)`` on the reader thread for every notification (keep it quick)."""
        self._connection.listeners.append(callback)

    def wait_for_notification(self, method: str, predicate=None, timeout: Optional[float] = None,
                              since: int = 0) -> Dict[str, Any]:
        """Waits for a notification ``method`` (whose params satisfy ``predicate``) and returns its params."""
        timeout = self.timeout if timeout is None else timeout

        def matches(message):
            return message.get("method") == method and (predicate is None or predicate(message.get("params") or {}))

        message = self._connection.wait_for(matches, timeout, since)
        if message is None:
            raise EngineTimeout(method, timeout)
        return message.get("params") or {}

    def wait_for_diagnostics(self, uri: str, version: Optional[int] = None, timeout: Optional[float] = None):
        """The diagnostics published for ``uri`` (for ``version`` when given)."""
        def matches(params):
            return params.get("uri") == uri and (version is None or params.get("version") == version)
        return self.wait_for_notification("textDocument/publishDiagnostics", matches, timeout)["diagnostics"]

    # ---- requests -------------------------------------------------------------------------------

    def request(self, method: str, params: Any = None, *, timeout: Optional[float] = None,
                progress: bool = False) -> Result:
        """Sends any request and waits for its result.

        Raises ``EngineError`` (a subclass per code) for an error response, ``EngineTimeout`` after
        ``timeout`` seconds, ``EngineClosed`` if the process is gone. With ``progress=True`` a
        ``workDoneToken`` is sent and ``$/progress`` drives a progress bar (tqdm, else a text bar).
        On KeyboardInterrupt (or a timeout) the request is cancelled with ``$/cancelRequest``.
        """
        timeout = self.timeout if timeout is None else timeout
        connection = self._connection
        tracker = None
        if progress:
            params = dict(params or {})
            token = f"kolengine-{connection.next_id()}"
            params["workDoneToken"] = token
            tracker = ProgressTracker(token, method, make_bar)
            connection.progress_handlers[token] = tracker.handle
        try:
            request_id, pending = connection.start_request(method, params)
            try:
                self._wait(pending, timeout, method)
            except (KeyboardInterrupt, EngineTimeout):
                self._cancel(request_id)
                raise
        finally:
            if tracker is not None:
                connection.progress_handlers.pop(tracker.token, None)
                tracker.close()
        response = pending.response
        if response is None:
            raise EngineClosed(f"kol-engine stopped before answering ({connection.closed_reason})", method)
        if "error" in response:
            raise EngineError.from_response(response["error"] or {}, method)
        result = Result(response.get("result"), method)
        if tracker is not None:
            result.progress = tracker.values
        return result

    def notify(self, method: str, params: Any = None) -> None:
        """Sends a notification (no answer)."""
        self._connection.notify(method, params)

    def _wait(self, pending, timeout: Optional[float], method: str) -> None:
        # Short slices keep Ctrl-C responsive on every platform and Python version.
        deadline = None if timeout is None else time.monotonic() + timeout
        while not pending.event.wait(0.05 if deadline is None else max(0.0, min(0.05, deadline - time.monotonic()))):
            if deadline is not None and time.monotonic() >= deadline:
                raise EngineTimeout(method, timeout)

    def _cancel(self, request_id: Any) -> None:
        self._connection.forget(request_id)
        try:
            self._connection.notify("$/cancelRequest", {"id": request_id})
        except EngineClosed:
            pass

    # ---- kol-engine methods (protocol.md) --------------------------------------------------------

    def ping(self, params: Any = None, **kw) -> Result:
        """``kol/ping``: echoes ``params``."""
        return self.request("kol/ping", params, **kw)

    # Workspace (protocol.md §5)
    def load(self, path: Optional[Union[str, os.PathLike]] = None, *, text: Optional[str] = None,
             format: Optional[str] = None, posts_path: Optional[Union[str, os.PathLike]] = None,
             posts_text: Optional[str] = None, replace: Optional[bool] = None, **kw) -> Result:
        """``kol/load``: a ``path`` (``.kol.json``, ``.kols.jsonl``, ``kols.csv`` with optional ``posts_path``)
        or inline ``text`` with a ``format`` (``kol.json``, ``kols.jsonl``, ``csv``). ``replace=True``
        makes the loaded data the whole workspace; otherwise KOLs merge by id. Result: ``format``,
        ``loaded``, ``total``, ``errors``, ``warnings``, ``diagnostics``."""
        params = _clean({"path": os.fspath(path) if path is not None else None, "text": text, "format": format,
                         "postsPath": os.fspath(posts_path) if posts_path is not None else None,
                         "postsText": posts_text, "replace": replace})
        return self.request("kol/load", params, **kw)

    def upsert(self, kols: Union[Dict[str, Any], Sequence[Dict[str, Any]]], **kw) -> Result:
        """``kol/upsert``: one KOL object or a list of them (all or nothing: any error leaves the workspace
        unchanged). Result: ``applied``, ``inserted``, ``replaced``, ``total``, ``diagnostics``."""
        return self.request("kol/upsert", {"kols": [kols] if isinstance(kols, dict) else list(kols)}, **kw)

    def remove(self, ids: Union[str, Iterable[str]], **kw) -> Result:
        """``kol/remove`` by id or ids → ``removed``, ``missing``, ``total``."""
        return self.request("kol/remove", {"ids": _ids(ids)}, **kw)

    def get(self, id: Union[str, Iterable[str]], *, fields: Optional[Sequence[str]] = None, **kw) -> Result:
        """``kol/get``: one id → ``{"kol": ...}`` (null when unknown); a list → ``{"kols", "missing"}``."""
        key = "id" if isinstance(id, str) else "ids"
        params = _clean({key: id if isinstance(id, str) else list(id),
                         "fields": list(fields) if fields is not None else None})
        return self.request("kol/get", params, **kw)

    def list_kols(self, *, stage: Optional[str] = None, region: Optional[str] = None, min_stars: Optional[float] = None,
                  min_followers: Optional[int] = None, fields: Optional[Sequence[str]] = None,
                  offset: Optional[int] = None, limit: Optional[int] = None, **kw) -> Result:
        """``kol/list``: filter by stage, region, minimum stars/followers; choose fields; page."""
        params = _clean({"stage": stage, "region": region, "minStars": min_stars, "minFollowers": min_followers,
                         "fields": list(fields) if fields is not None else None, "offset": offset, "limit": limit})
        return self.request("kol/list", params, **kw)

    def set_brief(self, brief: Optional[Dict[str, Any]], **kw) -> Result:
        """``kol/setBrief``."""
        return self.request("kol/setBrief", {"brief": brief}, **kw)

    def save(self, path: Union[str, os.PathLike], *, format: Optional[str] = None, **kw) -> Result:
        """``kol/save``: atomically to ``.kol.json`` or ``.kols.jsonl``."""
        return self.request("kol/save", _clean({"path": os.fspath(path), "format": format}), **kw)

    # Scoring (protocol.md §7). Every analysis takes the common parameters of §7.6: ``now`` ("today", an
    # RFC 3339 date or date-time, or a ``date``/``datetime``; pass it for reproducible answers), ``brief``
    # (replaces the workspace's brief for this request), ``thresholds`` (red-flag overrides by rule code) and
    # ``weights`` (component weights by name).
    def score(self, ids: Union[None, str, Iterable[str]] = None, *, now: DateLike = None,
              brief: Optional[Dict[str, Any]] = None, thresholds: Optional[Dict[str, Any]] = None,
              weights: Optional[Dict[str, float]] = None, **kw) -> Result:
        """``kol/score`` → ``{"kols": [{"id", "score", "components": {name: {"value", "weight", "measured",
        "explanation"}}, "confidence", "missing", "redFlagPenalty", "notApplicable"?}]}``.
        One row per component: ``.records(explode="components")`` (``component`` = its name)."""
        return self.request("kol/score", _analysis({"ids": _ids(ids)}, now, brief, thresholds, weights), **kw)

    def rank(self, *, budget: Optional[float] = None, min_score: Optional[float] = None, region: Optional[str] = None,
             stage: Union[None, str, Iterable[str]] = None, offset: Optional[int] = None, limit: Optional[int] = None,
             now: DateLike = None, brief: Optional[Dict[str, Any]] = None,
             thresholds: Optional[Dict[str, Any]] = None, weights: Optional[Dict[str, float]] = None,
             include_error_flagged: Optional[bool] = None, excluded_limit: Optional[int] = None,
             **kw) -> Result:
        """``kol/rank`` → ``{"kols": [{"id", "name", "score", "confidence", "price", "flags": [code]}], "total",
        "shortlist": {"kols", "total", "score", "budget", "method"} | None, "pilot", "pilotTotal"?,
        "pilotReasons"?, "excluded": [{"id", "reason", "flags", "why"}], "excludedTotal", "excludedFlags"}``.
        ``budget`` defaults to the brief's; ``stage`` is a stage or a list of stages; ``excluded`` lists the
        first ``excluded_limit`` (engine default 100) KOLs kept out of the shortlist, ``excludedTotal`` and
        ``excludedFlags`` count them all. ``progress=True`` shows a bar while the KOLs are scored."""
        stage = stage if stage is None or isinstance(stage, str) else list(stage)
        params = {"budget": budget, "minScore": min_score, "region": region, "stage": stage, "offset": offset,
                  "limit": limit, "includeErrorFlagged": include_error_flagged, "excludedLimit": excluded_limit}
        return self.request("kol/rank", _analysis(params, now, brief, thresholds, weights), **kw)

    def red_flags(self, ids: Union[None, str, Iterable[str]] = None, *, now: DateLike = None,
                  brief: Optional[Dict[str, Any]] = None, thresholds: Optional[Dict[str, Any]] = None,
                  weights: Optional[Dict[str, float]] = None, **kw) -> Result:
        """``kol/redFlags`` → ``{"kols": [{"id", "flags": [{"code", "severity", "message", "evidence", "needed",
        "range"?}], "notChecked"}], "ignoredThresholds"?}``. One row per flag: ``.records(explode="flags")``."""
        return self.request("kol/redFlags", _analysis({"ids": _ids(ids)}, now, brief, thresholds, weights), **kw)

    # Tone (protocol.md §8)
    def tone_profile(self, id: Optional[str] = None, *, texts: Optional[Sequence[str]] = None,
                     per_text: Optional[bool] = None, since: DateLike = None, until: DateLike = None,
                     **kw) -> Result:
        """``kol/toneProfile`` of a KOL (``id``; ``since``/``until`` keep the posts dated in that window) or of
        ``texts`` → ``{"id"?, "dimensions", "evidence", "posts", "perText"?}``. Evidence as rows:
        ``.records("evidence")``."""
        params = _clean({"id": id, "texts": list(texts) if texts is not None else None, "perText": per_text,
                         "since": _date(since), "until": _date(until)})
        return self.request("kol/toneProfile", params, **kw)

    def compare_tone(self, a: Ref, b: Ref = "brief", *, fits: Optional[float] = None,
                     partly: Optional[float] = None, **kw) -> Result:
        """``kol/compareTone`` between two refs (see ``tone_ref``); ``b`` defaults to the brief's tone.
        ``fits``/``partly`` replace the verdict bounds (0.12 / 0.22) → ``{"distance", "verdict", "dimensions",
        "best", "worst"}``."""
        params = _clean({"a": tone_ref(a), "b": tone_ref(b), "fits": fits, "partly": partly})
        return self.request("kol/compareTone", params, **kw)

    # Fans, returns, allocation, overlap, relationship (protocol.md §9)
    def audit_fans(self, id: Optional[str] = None, *, fans: Optional[Sequence[Dict[str, Any]]] = None,
                   now: DateLike = None, threshold: Optional[float] = None, minimum_sample: Optional[int] = None,
                   target_width: Optional[float] = None, **kw) -> Result:
        """``kol/auditFans`` of a KOL's ``fanSample`` (``id``) or of ``fans`` given inline → ``{"fakeShare",
        "interval", "sampled", "assessed", "fakeCount", "outcome", "threshold", "sampleSizeForWidth", "redFlag",
        "fans": [{"id", "fake", "probability", "reasons", "assessed", "missing"?}]}``."""
        params = _clean({"id": id, "fans": list(fans) if fans is not None else None, "now": _date(now),
                         "threshold": threshold, "minimumSample": minimum_sample, "targetWidth": target_width})
        return self.request("kol/auditFans", params, **kw)

    def record_campaign(self, kol_id: str, campaign: Dict[str, Any], **kw) -> Result:
        """``kol/recordCampaign``: what one paid post cost and returned (``{id, start, cost, end?,
        impressions?, engagements?, clicks?, conversions?, revenue?}``) → ``{"applied", "change"?,
        "campaigns"?, "diagnostics"}``. A campaign with the same ``id`` is replaced."""
        return self.request("kol/recordCampaign", {"kolId": kol_id, "campaign": campaign}, **kw)

    def returns(self, ids: Union[None, str, Iterable[str]] = None, *, seed: Optional[int] = None,
                draws: Optional[int] = None, minimum_clicks: Optional[int] = None,
                minimum_campaigns: Optional[int] = None, **kw) -> Result:
        """``kol/returns`` → ``{"kols": [{"id", "campaigns", "cost", "revenue", "roi", "cpe", "cpc", "cpa", ...,
        "roiInterval", "probabilityBest", "verdict", "says"}], "overall", "seed", "draws", "missing"?}``."""
        params = _clean({"ids": _ids(ids), "seed": seed, "draws": draws, "minimumClicks": minimum_clicks,
                         "minimumCampaigns": minimum_campaigns})
        return self.request("kol/returns", params, **kw)

    def allocate(self, budget: Optional[float] = None, *, ids: Union[None, str, Iterable[str]] = None,
                 seed: Optional[int] = None, max_posts_per_kol: Optional[int] = None,
                 scores: Optional[Dict[str, float]] = None, now: DateLike = None, **kw) -> Result:
        """``kol/allocate`` (``budget`` defaults to the brief's) → ``{"allocations": [{"id", "posts", "amount",
        "why"}], "unspent", "budget", "seed", "reference", "excluded", "notChosen", "missing"?}``.
        Same workspace, budget and seed: same plan."""
        params = _clean({"budget": budget, "ids": _ids(ids), "seed": seed, "maxPostsPerKOL": max_posts_per_kol,
                         "scores": scores, "now": _date(now)})
        return self.request("kol/allocate", params, **kw)

    def overlap(self, ids: Union[None, str, Iterable[str]] = None, **kw) -> Result:
        """``kol/overlap`` → ``{"pairs": [{"a", "b", "sampleA", "sampleB", "shared", "compared", "jaccard",
        "interval"}], "reach", "withoutFanIds", "note", "missing"?}``."""
        return self.request("kol/overlap", _clean({"ids": _ids(ids)}), **kw)

    def set_stage(self, id: str, stage: str, *, note: Optional[str] = None, at: DateLike = None, **kw) -> Result:
        """``kol/setStage``: candidate → contacted → sampling → posted → partner (or dropped). A move back
        needs a ``note``; ``at`` defaults to now → ``{"id", "from", "stage", "move", "changed", "skipped",
        "relationship", "next"}``."""
        return self.request("kol/setStage", _clean({"id": id, "stage": stage, "note": note, "at": _date(at)}), **kw)

    # ---- editor documents (LSP, full sync) ------------------------------------------------------

    def open_document(self, path: Union[str, os.PathLike], text: Optional[str] = None,
                      language_id: str = "json") -> str:
        """``textDocument/didOpen``; returns the document URI (diagnostics arrive in ``diagnostics``)."""
        path = Path(self.cwd, path).resolve()
        uri = path.as_uri()
        if text is None:
            text = path.read_text(encoding="utf-8")
        self._documents[uri] = 1
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language_id,
                                                             "version": 1, "text": text}})
        return uri

    def change_document(self, uri: str, text: str) -> int:
        """``textDocument/didChange`` with the whole new text; returns the new version."""
        version = self._documents.get(uri, 1) + 1
        self._documents[uri] = version
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})
        return version

    def close_document(self, uri: str) -> None:
        self._documents.pop(uri, None)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
