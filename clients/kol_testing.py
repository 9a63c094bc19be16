"""Helpers shared by every client test (imported as `kol_testing`; conftest.py puts this folder on sys.path)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "clients" / "python"))  # works without `pip install` too

from kolengine import Engine, MethodNotFound  # noqa: E402

DEMO = REPO / "examples" / "demo.kol.json"


def engine_path() -> Path:
    env = os.environ.get("KOL_ENGINE")
    return Path(env) if env else REPO / ".build" / "debug" / "kol-engine"


def require(kol: Engine, method: str, params=None):
    """Calls ``method``; skips the test (clearly named) when the engine does not have it yet."""
    try:
        return kol.request(method, params)
    except MethodNotFound:
        pytest.skip(f"{method} is not in the engine yet")


def engine_has(binary: str, method: str) -> bool:
    """True when the engine answers ``method`` with anything but method-not-found."""
    with Engine(binary, cwd=str(REPO), timeout=30) as kol:
        try:
            kol.request(method, {})
        except MethodNotFound:
            return False
        except Exception:
            return True
        return True
