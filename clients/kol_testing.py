"""Helpers shared by every client test (imported as `kol_testing`; conftest.py puts this folder on sys.path)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "clients" / "python"))  # works without `pip install` too


DEMO = REPO / "examples" / "demo.kol.json"


def engine_path() -> Path:
    env = os.environ.get("KOL_ENGINE")
    return Path(env) if env else REPO / ".build" / "debug" / "kol-engine"
