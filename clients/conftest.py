"""Shared fixtures for every client test (python, shell, nvim, protocol.md examples).

The tests run against the real binary: ``KOL_ENGINE`` if set, else the repository's debug build (run
``swift build`` first; scripts/test.sh does).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kol_testing import REPO, engine_path  # noqa: E402
from kolengine import Engine  # noqa: E402


def pytest_configure(config):
    binary = engine_path()
    if binary.is_file():
        # Everything spawned from here (Engine(), the notebook kernel, shell scripts) uses this binary.
        os.environ["KOL_ENGINE"] = str(binary.resolve())


@pytest.fixture(scope="session")
def engine_binary() -> str:
    binary = engine_path()
    if not binary.is_file():
        pytest.fail(f"kol-engine not built: {binary} is missing (run `swift build` or set KOL_ENGINE)")
    return str(binary.resolve())


@pytest.fixture
def engine(engine_binary):
    kol = Engine(engine_binary, cwd=str(REPO), timeout=30)
    yield kol
    kol.close()
