"""Finding the kol-engine binary: ``KOL_ENGINE``, then ``PATH``, then the repository's build folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import List, Optional

from .errors import EngineNotFound

BINARY = "kol-engine"


def repository_root() -> Path:
    """The repository this package's source sits in (clients/python/kolengine → three levels up)."""
    return Path(__file__).resolve().parents[3]


def candidates() -> List[Path]:
    root = repository_root()
    return [root / ".build" / "release" / BINARY, root / ".build" / "debug" / BINARY]


def find_engine(explicit: Optional[str] = None) -> str:
    """The binary to run. Raises ``EngineNotFound`` naming every place that was tried."""
    tried: List[str] = []
    if explicit:
        if _is_executable(Path(explicit)):
            return str(explicit)
        raise EngineNotFound(f"kol-engine binary {explicit!r} does not exist or is not executable")
    env = os.environ.get("KOL_ENGINE")
    if env:
        if _is_executable(Path(env)):
            return env
        raise EngineNotFound(f"KOL_ENGINE={env!r} does not exist or is not executable")
    tried.append("$KOL_ENGINE (not set)")
    on_path = shutil.which(BINARY)
    if on_path:
        return on_path
    tried.append(f"{BINARY} on PATH")
    for candidate in candidates():
        if _is_executable(candidate):
            return str(candidate)
        tried.append(str(candidate))
    raise EngineNotFound(
        "kol-engine binary not found; looked at: " + ", ".join(tried)
        + ". Build it with `swift build` in the repository, or set KOL_ENGINE=/path/to/kol-engine."
    )


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)
