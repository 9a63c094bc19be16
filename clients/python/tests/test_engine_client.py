"""The Python client against the real kol-engine binary: handshake, ping, errors, timeouts, cancellation,
notifications, closing without zombies, results as tables."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
import time
import _thread
from pathlib import Path

import pytest

from kol_testing import REPO
from kolengine import (
    Engine, EngineClosed, EngineError, EngineNotFound, EngineTimeout, InvalidParams, InvalidRequest,
    MethodNotFound, ParseError, Result, find_engine,
)
from kolengine.connection import Connection


def process_state(pid: int) -> str:
    """'gone', or the state letter from /proc (R, S, Z, ...)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


def wait_gone(pid: int, seconds: float = 10.0) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = process_state(pid)
        if state == "gone":
            return state
        time.sleep(0.05)
    return process_state(pid)


# ---- handshake and ping --------------------------------------------------------------------------

def test_handshake_sends_initialize_then_initialized_and_reads_server_info(engine):
    info = engine.server_info
    assert info["serverInfo"]["name"] == "kol-engine"
    assert isinstance(info["serverInfo"]["version"], str) and info["serverInfo"]["version"]
    assert engine.capabilities["positionEncoding"] == "utf-16"
    first, second = engine.sent[0], engine.sent[1]
    assert first["method"] == "initialize" and first["id"] == 1
    assert first["params"]["capabilities"]["general"]["positionEncodings"] == ["utf-16"]
    assert first["params"]["rootUri"] == REPO.as_uri()
    assert second == {"jsonrpc": "2.0", "method": "initialized", "params": {}}


def test_utf8_encoding_is_negotiated_when_offered(engine_binary):
    with Engine(engine_binary, cwd=str(REPO), position_encodings=("utf-8", "utf-16")) as kol:
        assert kol.capabilities["positionEncoding"] == "utf-8"


def test_ping_echoes_params_exactly_including_chinese_and_emoji(engine):
    params = {"hello": "世界", "emoji": "🍵", "n": 12345678901234, "x": 1.5, "nested": {"a": [1, None, True]}}
    result = engine.ping(params)
    assert isinstance(result, Result)
    assert result == params
    assert result["hello"] == "世界"
    assert engine.ping([1, 2, 3]).value == [1, 2, 3]
    assert engine.ping().value is None


def test_many_requests_from_threads_each_get_their_own_answer(engine):
    answers = {}

    def worker(n):
        for i in range(25):
            answers[(n, i)] = engine.ping({"n": n, "i": i})["i"]

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 100
    assert all(value == i for (n, i), value in answers.items())


# ---- errors ----------------------------------------------------------------------------------------

def test_unknown_method_raises_method_not_found_with_code_and_message(engine):
    with pytest.raises(EngineError) as caught:
        engine.request("kol/noSuchMethod", {})
    error = caught.value
    assert isinstance(error, MethodNotFound)
    assert error.code == -32601
    assert "kol/noSuchMethod" in error.message
    assert error.method == "kol/noSuchMethod"
    # The engine is still fine afterwards.
    assert engine.ping({"ok": True}) == {"ok": True}


def test_second_initialize_is_an_invalid_request(engine):
    with pytest.raises(InvalidRequest) as caught:
        engine.request("initialize", {"capabilities": {}})
    assert caught.value.code == -32600


def test_unparseable_message_gets_a_parse_error_with_null_id_and_the_stream_stays_usable(engine):
    connection = engine._connection
    with connection._write_lock:
        connection.process.stdin.write(b"Content-Length: 5\r\n\r\n{bad}")
        connection.process.stdin.flush()
    assert engine.ping({"after": "bad"}) == {"after": "bad"}
    deadline = time.monotonic() + 5
    while not engine.unmatched and time.monotonic() < deadline:
        time.sleep(0.01)
    [orphan] = engine.unmatched
    assert orphan["id"] is None and orphan["error"]["code"] == ParseError(-32700, "").code


def test_error_classes_map_codes(engine):
    assert EngineError.from_response({"code": -32602, "message": "m", "data": {"x": 1}}).__class__ is InvalidParams
    error = EngineError.from_response({"code": -32099, "message": "custom", "data": [1]}, "kol/x")
    assert type(error) is EngineError and error.code == -32099 and error.data == [1] and "kol/x" in str(error)


# ---- timeouts and cancellation ----------------------------------------------------------------------

def paused(engine):
    """A context in which the engine process is stopped (SIGSTOP): requests cannot be answered."""
    class Paused:
        def __enter__(self):
            os.kill(engine.pid, signal.SIGSTOP)

        def __exit__(self, *exc):
            os.kill(engine.pid, signal.SIGCONT)
    return Paused()


def test_timeout_raises_and_sends_cancel_request_and_the_late_answer_is_dropped(engine):
    with paused(engine):
        started = time.monotonic()
        with pytest.raises(EngineTimeout) as caught:
            engine.ping({"slow": 1}, timeout=0.3)
        assert 0.3 <= time.monotonic() - started < 5
        assert isinstance(caught.value, TimeoutError) and caught.value.timeout == 0.3
        request = [m for m in engine.sent if m.get("method") == "kol/ping"][-1]
        assert engine.sent[-1] == {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": request["id"]}}
    # The late answer to the timed-out ping arrives now and must not be taken for the next one.
    assert engine.ping({"fresh": 2}, timeout=10) == {"fresh": 2}
    deadline = time.monotonic() + 5
    while not engine.unmatched and time.monotonic() < deadline:
        time.sleep(0.01)
    assert engine.unmatched[-1]["id"] == request["id"]


def test_keyboard_interrupt_during_a_call_cancels_the_request_and_reraises(engine):
    with paused(engine):
        timer = threading.Timer(0.2, _thread.interrupt_main)
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            engine.ping({"interrupted": True}, timeout=20)
        timer.join()
        request = [m for m in engine.sent if m.get("method") == "kol/ping"][-1]
        assert engine.sent[-1]["method"] == "$/cancelRequest"
        assert engine.sent[-1]["params"] == {"id": request["id"]}
    assert engine.running
    assert engine.ping({"still": "alive"}) == {"still": "alive"}


# ---- notifications ------------------------------------------------------------------------------------

def test_log_messages_are_collected_in_the_background(engine):
    connection = engine._connection
    with connection._write_lock:
        connection.process.stdin.write(b"Content-Length: x\r\n\r\n")
        connection.process.stdin.flush()
    assert engine.ping([1]).value == [1]
    params = engine.wait_for_notification("window/logMessage", timeout=5)
    assert "Content-Length" in params["message"]
    assert engine.logs[-1] == params
    assert any(m["method"] == "window/logMessage" for m in engine.notifications)


def test_progress_diagnostics_and_server_requests_are_routed(engine_binary):
    """The reader's routing, fed the messages a long request and an editor session produce."""
    connection = Connection([engine_binary, "--lsp"])
    try:
        seen = []
        connection.progress_handlers["tok"] = seen.append
        connection._dispatch({"jsonrpc": "2.0", "method": "$/progress",
                              "params": {"token": "tok", "value": {"kind": "begin", "title": "load", "percentage": 0}}})
        connection._dispatch({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                              "params": {"uri": "file:///a.kol.json", "version": 3, "diagnostics": [{"code": "x"}]}})
        assert seen == [{"kind": "begin", "title": "load", "percentage": 0}]
        assert connection.diagnostics["file:///a.kol.json"]["version"] == 3
        assert [m["method"] for m in connection.notifications] == ["$/progress", "textDocument/publishDiagnostics"]
    finally:
        connection.terminate()


def test_progress_true_sends_a_work_done_token_and_feeds_a_bar(engine, capsys):
    result = engine.ping({"x": 1}, progress=True)
    sent = [m for m in engine.sent if m.get("method") == "kol/ping"][-1]
    token = sent["params"]["workDoneToken"]
    assert isinstance(token, str) and token.startswith("kolengine-")
    assert result["workDoneToken"] == token  # ping echoes it
    assert result.progress == []


def test_progress_tracker_text_bar(capsys):
    from kolengine.progress import ProgressTracker, TextBar
    tracker = ProgressTracker("t", "kol/load", TextBar)
    tracker.handle({"kind": "begin", "title": "Loading", "percentage": 0})
    tracker.handle({"kind": "report", "percentage": 50, "message": "7 of 14"})
    tracker.handle({"kind": "end"})
    err = capsys.readouterr().err
    assert "Loading [" + "#" * 15 + "-" * 15 + "]  50% 7 of 14" in err


# ---- closing: no zombies -------------------------------------------------------------------------------

def test_close_sends_shutdown_and_exit_and_reaps_the_process(engine_binary):
    kol = Engine(engine_binary, cwd=str(REPO))
    pid = kol.pid
    assert kol.close() == 0
    assert [m.get("method") for m in kol.sent[-2:]] == ["shutdown", "exit"]
    assert process_state(pid) == "gone"
    assert not kol.running
    with pytest.raises(EngineClosed):
        kol.ping([1])
    assert kol.close() == 0  # idempotent


def test_context_manager_closes(engine_binary):
    with Engine(engine_binary, cwd=str(REPO)) as kol:
        pid = kol.pid
        assert kol.ping(["x"]).value == ["x"]
    assert kol.process.returncode == 0
    assert process_state(pid) == "gone"


def test_garbage_collected_engine_ends_its_process(engine_binary):
    kol = Engine(engine_binary, cwd=str(REPO))
    pid = kol.pid
    del kol
    gc.collect()
    assert wait_gone(pid) == "gone"


def test_engine_that_dies_is_reaped_and_calls_fail_cleanly(engine_binary):
    kol = Engine(engine_binary, cwd=str(REPO))
    pid = kol.pid
    os.kill(pid, signal.SIGKILL)
    assert wait_gone(pid) == "gone"  # the reader thread reaped it
    with pytest.raises(EngineClosed):
        kol.ping([1], timeout=5)
    kol.close()


SCRIPT = """
import os, sys, time, signal, threading
sys.path.insert(0, {src!r})
from kolengine import Engine
kol = Engine({binary!r})
print(kol.pid, flush=True)
os.kill(kol.pid, signal.SIGSTOP) if {stop} else None
{tail}
"""


def run_client(engine_binary, tail: str, stop: bool = False, signal_after: float = None):
    code = SCRIPT.format(src=str(REPO / "clients" / "python"), binary=engine_binary, stop=stop, tail=tail)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    pid = int(child.stdout.readline())
    if signal_after is not None:
        time.sleep(signal_after)
        if stop:
            os.kill(pid, signal.SIGCONT)
        child.send_signal(signal.SIGINT)
    child.wait(timeout=30)
    return pid, child.returncode


def test_interpreter_exit_without_close_ends_the_engine(engine_binary):
    pid, code = run_client(engine_binary, "kol.ping([1])")
    assert code == 0
    assert wait_gone(pid) in ("gone", "Z")  # reparented to init, which may not reap: it is not running
    assert process_state(pid) in ("gone", "Z")


def test_interrupted_kernel_leaves_no_running_engine(engine_binary):
    """A script stuck in a call gets SIGINT (what a notebook's "interrupt" does) and then exits."""
    pid, code = run_client(engine_binary, "kol.ping([1], timeout=60)", stop=True, signal_after=0.5)
    assert code != 0  # KeyboardInterrupt propagated
    assert wait_gone(pid) in ("gone", "Z")


# ---- discovery -------------------------------------------------------------------------------------

def test_find_engine_prefers_kol_engine_env(monkeypatch, engine_binary):
    monkeypatch.setenv("KOL_ENGINE", engine_binary)
    assert find_engine() == engine_binary


def test_find_engine_gives_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("KOL_ENGINE", str(tmp_path / "nope"))
    with pytest.raises(EngineNotFound, match="KOL_ENGINE"):
        Engine()
    monkeypatch.delenv("KOL_ENGINE")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("kolengine.discovery.candidates", lambda: [tmp_path / "missing"])
    with pytest.raises(EngineNotFound, match="looked at") as caught:
        find_engine()
    assert "swift build" in str(caught.value)


# ---- results as tables --------------------------------------------------------------------------------

RANKED = {
    "kols": [
        {"id": "1", "name": "阿萌", "score": 81, "price": 3500, "flags": []},
        {"id": "2", "name": "小满", "score": 77, "price": 8000, "flags": ["x"]},
    ],
    "shortlist": {"kols": ["1", "2"], "total": 11500},
    "pilot": ["1"],
}
FLAGS = {"kols": [
    {"id": "3", "flags": [{"code": "low-engagement", "severity": "warning"}, {"code": "fake-fans", "severity": "error"}]},
    {"id": "1", "flags": []},
]}


def test_result_is_dict_like_and_tabulates_the_kols():
    result = Result(RANKED, "kol/rank")
    assert result["shortlist"]["total"] == 11500 and set(result) == {"kols", "shortlist", "pilot"}
    assert result.records() == RANKED["kols"]
    frame = result.to_frame()
    assert list(frame["score"]) == [81, 77] and list(frame["name"]) == ["阿萌", "小满"]


def test_records_explode_one_row_per_flag_and_keep_clean_kols():
    rows = Result(FLAGS, "kol/redFlags").records(explode="flags")
    assert rows == [
        {"id": "3", "flag.code": "low-engagement", "flag.severity": "warning"},
        {"id": "3", "flag.code": "fake-fans", "flag.severity": "error"},
        {"id": "1"},
    ]
    frame = Result(FLAGS).to_frame(explode="flags")
    assert list(frame["flag.code"].fillna("")) == ["low-engagement", "fake-fans", ""]


def test_nested_components_flatten_to_dotted_columns():
    score = {"kols": [{"id": "1", "score": 80, "components": {"engagement": {"value": 70, "weight": 0.2}}}]}
    frame = Result(score).to_frame()
    assert frame.loc[0, "components.engagement.value"] == 70


def test_allocations_table_and_list_results():
    assert Result({"allocations": [{"id": "1", "posts": 2}], "unspent": 5}).records() == [{"id": "1", "posts": 2}]
    assert Result([{"a": 1}]).records() == [{"a": 1}]
    with pytest.raises(ValueError):
        Result({"n": 1}, "kol/x").records()


def test_the_package_needs_only_the_standard_library():
    code = ("import sys, kolengine; "
            "heavy = {'pandas', 'numpy', 'tqdm', 'matplotlib'} & set(sys.modules); "
            "assert not heavy, heavy; "
            "print(kolengine.Result({'kols': [{'id': 'a'}]}).records())")
    done = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO / "clients" / "python")), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[{'id': 'a'}]"
