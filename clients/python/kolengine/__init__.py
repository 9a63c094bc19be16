"""Python client for kol-engine (standard library only at run time).

    from kolengine import Engine
    with Engine() as kol:
        kol.load("examples/demo.kol.json")
        print(kol.rank(budget=20000).to_frame())
"""

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    EngineClosed, EngineError, EngineNotFound, EngineTimeout, InternalError, InvalidParams, InvalidRequest,
    MethodNotFound, ParseError, RequestCancelled, ServerNotInitialized,
)
from .result import Result  # noqa: E402
from .engine import Engine, tone_ref  # noqa: E402
from .discovery import find_engine  # noqa: E402

__all__ = [
    "Engine", "Result", "EngineError", "EngineClosed", "EngineNotFound", "EngineTimeout", "InternalError",
    "InvalidParams", "InvalidRequest", "MethodNotFound", "ParseError", "RequestCancelled", "ServerNotInitialized",
    "find_engine", "tone_ref",
]
