"""The shell examples: against the real binary on the demo workspace (for the methods it has), and against a
stand-in engine that answers in the documented shapes (issues 3–4), so the jq shaping is tested either way."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kol_testing import DEMO, REPO, engine_has

SHELL = Path(__file__).resolve().parent
DEMO_IDS = [kol["id"] for kol in json.loads(DEMO.read_text(encoding="utf-8"))["kols"]]
DEMO_NAMES = {kol["id"]: kol["name"] for kol in json.loads(DEMO.read_text(encoding="utf-8"))["kols"]}
CLEAN = ["2713968254", "3920417765"]  # DEMO.md: the two KOLs that trip nothing


def run(script: str, *args: str, engine: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, KOL_ENGINE=engine)
    return subprocess.run(["bash", str(SHELL / script), *args], cwd=str(REPO), env=env, capture_output=True,
                          text=True, timeout=120)


# ---- a stand-in engine with canned answers in the documented shapes ------------------------------------

CANNED = {
    "kol/load": {"loaded": 3, "diagnostics": []},
    "kol/rank": {
        "kols": [
            {"id": "1", "name": "西湖边的阿萌", "score": 81.5, "price": 3500, "flags": []},
            {"id": "2", "name": "Tea, \"quoted\"", "score": 70, "price": 8000, "flags": [{"code": "dormant"}]},
            {"id": "3", "name": "杭州生活百事通", "score": 12, "price": 2500,
             "flags": ["stars-followers-mismatch", "low-engagement"]},
        ],
        "shortlist": {"kols": ["1", "2"], "total": 11500},
        "pilot": ["1"],
    },
    "kol/redFlags": {"kols": [
        {"id": "1", "flags": []},
        {"id": "3", "flags": [
            {"code": "low-engagement", "severity": "warning", "message": "ER 0.02 %\tfar under 2.6 %", "evidence": {}},
            {"code": "stars-followers-mismatch", "severity": "error", "message": "27× the peers", "evidence": {}},
        ]},
        {"id": "2", "flags": [{"code": "dormant", "severity": "information", "message": "no post for 127 days"}]},
    ]},
    "kol/list": {"kols": [
        {"id": "1", "name": "西湖边的阿萌", "stars": 3, "followers": 280000, "price": 3500,
         "relationship": {"stage": "partner"}},
        {"id": "2", "name": "Tea, \"quoted\"", "stars": 4, "followers": 720000},
        {"id": "3", "name": "杭州生活百事通", "stars": 2, "followers": 3100000, "price": 2500},
    ], "total": 3},
}


@pytest.fixture
def stand_in(tmp_path) -> str:
    """An executable that speaks `--lines` JSON-RPC and answers from CANNED; it logs requests to a file."""
    script = tmp_path / "fake-kol-engine"
    log = tmp_path / "requests.jsonl"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import json, sys
        canned = json.loads({json.dumps(json.dumps(CANNED))})
        with open({str(log)!r}, "a") as log:
            for line in sys.stdin:
                message = json.loads(line)
                log.write(line)
                if "id" not in message:
                    continue
                if message["method"] in canned:
                    reply = {{"jsonrpc": "2.0", "id": message["id"], "result": canned[message["method"]]}}
                else:
                    reply = {{"jsonrpc": "2.0", "id": message["id"],
                              "error": {{"code": -32601, "message": "method not found: " + message["method"]}}}}
                print(json.dumps(reply, ensure_ascii=False), flush=True)
        """), encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def requests_sent(stand_in: str):
    log = Path(stand_in).parent / "requests.jsonl"
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_rank_csv_shapes_the_documented_rank_result(stand_in):
    done = run("rank-csv.sh", "examples/demo.kol.json", "12000", engine=stand_in)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows == [
        ["rank", "id", "name", "score", "price", "flags", "shortlisted", "pilot"],
        ["1", "1", "西湖边的阿萌", "81.5", "3500", "", "yes", "yes"],
        ["2", "2", 'Tea, "quoted"', "70", "8000", "dormant", "yes", "no"],
        ["3", "3", "杭州生活百事通", "12", "2500", "stars-followers-mismatch low-engagement", "no", "no"],
    ]
    load, rank = requests_sent(stand_in)
    assert load["params"] == {"path": str(DEMO)}
    assert rank["params"] == {"budget": 12000}


def test_red_flags_tsv_one_row_per_flag_worst_first_with_names(stand_in):
    done = run("red-flags-tsv.sh", "examples/demo.kol.json", engine=stand_in)
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert rows == [
        ["id", "name", "severity", "code", "message"],
        ["3", "杭州生活百事通", "error", "stars-followers-mismatch", "27× the peers"],
        ["3", "杭州生活百事通", "warning", "low-engagement", "ER 0.02 % far under 2.6 %"],
        ["2", 'Tea, "quoted"', "information", "dormant", "no post for 127 days"],
    ]


def test_list_kols_tsv_and_filters(stand_in):
    done = run("list-kols.sh", "examples/demo.kol.json", "--stage", "partner", "--min-stars", "2.5", engine=stand_in)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "id\tname\tstars\tfollowers\tprice\tstage",
        "1\t西湖边的阿萌\t3\t280000\t3500\tpartner",
        '2\tTea, "quoted"\t4\t720000\t\t',
        "3\t杭州生活百事通\t2\t3100000\t2500\t",
    ]
    params = requests_sent(stand_in)[1]["params"]
    assert params["stage"] == "partner" and params["minStars"] == 2.5 and "name" in params["fields"]


def test_errors_name_the_method_and_fail_the_script(stand_in):
    done = run("kol-call.sh", "kol/nothing", engine=stand_in)
    assert done.returncode == 1
    assert done.stderr.strip() == "kol-engine: kol/nothing: method not found: kol/nothing (code -32601)"


# ---- against the real binary -------------------------------------------------------------------------

def test_kol_call_pings_the_real_engine(engine_binary):
    done = run("kol-call.sh", "kol/ping", '{"hello":"世界","n":[1,2]}', engine=engine_binary)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"hello": "世界", "n": [1, 2]}


def test_real_engine_error_is_reported(engine_binary):
    done = run("kol-call.sh", "kol/noSuchMethod", "{}", engine=engine_binary)
    assert done.returncode == 1
    assert "kol-engine: kol/noSuchMethod: method not found" in done.stderr


def skip_unless(engine_binary, *methods):
    missing = [method for method in methods if not engine_has(engine_binary, method)]
    if missing:
        pytest.skip(f"not in the engine yet: {', '.join(missing)}")


def test_list_kols_on_the_demo(engine_binary):
    skip_unless(engine_binary, "kol/load", "kol/list")
    done = run("list-kols.sh", "examples/demo.kol.json", engine=engine_binary)
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert rows[0] == ["id", "name", "stars", "followers", "price", "stage"]
    assert [row[0] for row in rows[1:]] == DEMO_IDS
    assert rows[1][:5] == ["2713968254", "西湖边的阿萌", "3", "280000", "3500"]
    filtered = run("list-kols.sh", "examples/demo.kol.json", "--min-stars", "4", engine=engine_binary)
    assert {line.split("\t")[0] for line in filtered.stdout.splitlines()[1:]} == {
        "3920417765", "5617283940", "7810936642", "3309178826"}


def test_rank_csv_on_the_demo(engine_binary):
    skip_unless(engine_binary, "kol/load", "kol/rank")
    done = run("rank-csv.sh", "examples/demo.kol.json", "30000", engine=engine_binary)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert sorted(row["id"] for row in rows) == sorted(DEMO_IDS)
    assert rows[0]["id"] == "2713968254"  # DEMO.md: 西湖边的阿萌 should rank first
    assert sum(float(row["price"]) for row in rows if row["shortlisted"] == "yes") <= 30000
    assert 2 <= sum(row["pilot"] == "yes" for row in rows) <= 4


def test_red_flags_tsv_on_the_demo(engine_binary):
    skip_unless(engine_binary, "kol/load", "kol/redFlags", "kol/list")
    done = run("red-flags-tsv.sh", "examples/demo.kol.json", engine=engine_binary)
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()[1:]]
    flagged = {(row[0], row[3]) for row in rows}
    assert ("1893256071", "stars-followers-mismatch") in flagged
    assert ("4190287765", "dormant") in flagged
    assert not [row for row in rows if row[0] in CLEAN]
    assert all(row[1] == DEMO_NAMES[row[0]] for row in rows)
