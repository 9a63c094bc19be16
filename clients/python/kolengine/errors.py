"""Typed errors: one class per JSON-RPC / LSP error code the engine answers with."""

from __future__ import annotations

from typing import Any, Optional


class EngineError(Exception):
    """An error response from kol-engine (``code``, ``message``, ``data`` as the server sent them)."""

    code: Optional[int] = None

    def __init__(self, code: Optional[int], message: str, data: Any = None, method: Optional[str] = None):
        super().__init__(f"{method + ': ' if method else ''}{message} (code {code})")
        self.code = code
        self.message = message
        self.data = data
        self.method = method

    @classmethod
    def from_response(cls, error: dict, method: Optional[str] = None) -> "EngineError":
        code = error.get("code")
        subclass = _BY_CODE.get(code, EngineError)
        return subclass(code, str(error.get("message", "")), error.get("data"), method)


class ParseError(EngineError):
    """-32700: the engine could not parse what we sent."""


class InvalidRequest(EngineError):
    """-32600: not a valid JSON-RPC request (or not allowed in this lifecycle state)."""


class MethodNotFound(EngineError):
    """-32601: the engine has no such method (yet)."""


class InvalidParams(EngineError):
    """-32602: the params did not match the method's contract; ``message`` names the path."""


class InternalError(EngineError):
    """-32603: the engine failed while handling a valid request."""


class ServerNotInitialized(EngineError):
    """-32002: a request before ``initialize`` (LSP framing)."""


class RequestCancelled(EngineError):
    """-32800: the request was cancelled with ``$/cancelRequest``."""


class EngineClosed(EngineError):
    """The engine process is gone (closed, crashed, or never started); no code from the server."""

    def __init__(self, message: str, method: Optional[str] = None):
        super().__init__(None, message, None, method)


class EngineTimeout(EngineError, TimeoutError):
    """No answer within ``timeout`` seconds; the request was cancelled with ``$/cancelRequest``."""

    def __init__(self, method: str, timeout: float):
        super().__init__(None, f"no answer within {timeout:g} s (request cancelled)", None, method)
        self.timeout = timeout


class EngineNotFound(FileNotFoundError):
    """No kol-engine binary was found; the message lists every place that was looked at."""


_BY_CODE = {
    -32700: ParseError,
    -32600: InvalidRequest,
    -32601: MethodNotFound,
    -32602: InvalidParams,
    -32603: InternalError,
    -32002: ServerNotInitialized,
    -32800: RequestCancelled,
}
