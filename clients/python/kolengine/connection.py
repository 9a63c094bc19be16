"""The wire: one kol-engine process, LSP framing over its pipes, a background reader thread.

Kept apart from ``Engine`` on purpose: the reader thread and the finaliser hold a reference to the
``Connection`` only, never to the ``Engine``, so an ``Engine`` that goes out of scope (or a notebook kernel
that is interrupted or restarted) is still collected and its process shut down and reaped: no zombie.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import threading
import time
from typing import Any, Callable, Deque, Dict, List, Optional, Sequence, Tuple

from .errors import EngineClosed

Message = Dict[str, Any]


def encode(message: Message) -> bytes:
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Pending:
    """One request waiting for its response."""

    __slots__ = ("method", "event", "response")

    def __init__(self, method: str):
        self.method = method
        self.event = threading.Event()
        self.response: Optional[Message] = None


class Connection:
    def __init__(self, argv: Sequence[str], cwd: Optional[str] = None, env: Optional[Dict[str, str]] = None,
                 stderr: Any = None):
        self.argv = list(argv)
        self.process = subprocess.Popen(
            self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, cwd=cwd, env=env,
            start_new_session=True,  # Ctrl-C in a terminal or notebook goes to us, not the engine
        )
        self._write_lock = threading.Lock()
        self._lock = threading.Condition()
        self._pending: Dict[Any, Pending] = {}
        self._next_id = 0
        self.closed_reason: Optional[str] = None
        # Everything the server sent that was not a response, newest last (bounded: a long session must
        # not grow without limit).
        self.notifications: Deque[Message] = collections.deque(maxlen=10_000)
        self.diagnostics: Dict[str, Dict[str, Any]] = {}
        self.logs: Deque[Dict[str, Any]] = collections.deque(maxlen=10_000)
        self.progress_handlers: Dict[Any, Callable[[Dict[str, Any]], None]] = {}
        self.listeners: List[Callable[[Message], None]] = []
        self.unmatched: Deque[Message] = collections.deque(maxlen=1_000)
        self.sent: Deque[Message] = collections.deque(maxlen=1_000)  # for debugging and tests
        self.server_request_handlers: Dict[str, Callable[[Any], Any]] = {
            "window/workDoneProgress/create": lambda params: None,
            "client/registerCapability": lambda params: None,
            "client/unregisterCapability": lambda params: None,
            "workspace/configuration": lambda params: [None for _ in (params or {}).get("items", [])],
            "window/showMessageRequest": lambda params: None,
        }
        self._reader = threading.Thread(target=self._read_loop, name="kolengine-reader", daemon=True)
        self._reader.start()

    # ---- sending ---------------------------------------------------------------------------------

    def next_id(self) -> int:
        with self._lock:
            self._next_id += 1
            return self._next_id

    def send(self, message: Message) -> None:
        data = encode(message)
        with self._write_lock:
            if self.closed_reason is not None or self.process.stdin is None:
                raise EngineClosed(f"kol-engine is not running ({self.closed_reason or 'closed'})",
                                   message.get("method"))
            try:
                self.process.stdin.write(data)
                self.process.stdin.flush()
            except (BrokenPipeError, OSError, ValueError) as error:
                raise EngineClosed(f"kol-engine went away: {error}", message.get("method")) from error
            self.sent.append(message)

    def start_request(self, method: str, params: Any) -> Tuple[Any, Pending]:
        request_id = self.next_id()
        pending = Pending(method)
        with self._lock:
            if self.closed_reason is not None:
                raise EngineClosed(f"kol-engine is not running ({self.closed_reason})", method)
            self._pending[request_id] = pending
        message: Message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        try:
            self.send(message)
        except BaseException:
            self.forget(request_id)
            raise
        return request_id, pending

    def forget(self, request_id: Any) -> None:
        """Stop waiting for a request (cancelled or timed out): a late response is dropped."""
        with self._lock:
            self._pending.pop(request_id, None)

    def notify(self, method: str, params: Any = None) -> None:
        message: Message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    # ---- receiving -------------------------------------------------------------------------------

    def _read_loop(self) -> None:
        stream = self.process.stdout
        reason = "the engine closed its output"
        try:
            while True:
                message = self._read_message(stream)
                if message is None:
                    break
                self._dispatch(message)
        except Exception as error:  # a bug here must not leave callers waiting forever
            reason = f"reading from the engine failed: {error!r}"
        finally:
            self._fail_all(reason)
            # Reap the child as soon as it has gone, so it never lingers as a zombie.
            try:
                self.process.wait(timeout=5)
            except Exception:
                pass

    @staticmethod
    def _read_message(stream) -> Optional[Message]:
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.rstrip(b"\r\n")
            if not line:
                if length is None:
                    continue  # stray blank line between messages
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        body = b""
        while len(body) < length:
            chunk = stream.read(length - len(body))
            if not chunk:
                return None
            body += chunk
        return json.loads(body.decode("utf-8"))

    def _dispatch(self, message: Message) -> None:
        if isinstance(message, list):  # a batch answer; we never send batches, but be tolerant
            for item in message:
                self._dispatch(item)
            return
        method = message.get("method")
        if method is None:
            with self._lock:
                pending = self._pending.pop(message.get("id"), None)
            if pending is not None:
                pending.response = message
                pending.event.set()
            else:  # id null (unparseable message) or a request we stopped waiting for
                self.unmatched.append(message)
            return
        if "id" in message:
            self._answer_server_request(message)
            return
        params = message.get("params") or {}
        if method == "textDocument/publishDiagnostics":
            with self._lock:
                self.diagnostics[params.get("uri")] = params
        elif method in ("window/logMessage", "window/showMessage"):
            self.logs.append(params)
        elif method == "$/progress":
            handler = self.progress_handlers.get(params.get("token"))
            if handler is not None:
                try:
                    handler(params.get("value") or {})
                except Exception:
                    pass
        with self._lock:
            self.notifications.append(message)
            self._lock.notify_all()
        for listener in list(self.listeners):
            try:
                listener(message)
            except Exception:
                pass

    def _answer_server_request(self, message: Message) -> None:
        handler = self.server_request_handlers.get(message["method"])
        reply: Message = {"jsonrpc": "2.0", "id": message["id"]}
        if handler is None:
            reply["error"] = {"code": -32601, "message": f"method not found: {message['method']}"}
        else:
            reply["result"] = handler(message.get("params"))
        try:
            self.send(reply)
        except EngineClosed:
            pass

    def _fail_all(self, reason: str) -> None:
        with self._lock:
            if self.closed_reason is None:
                self.closed_reason = reason
            pending, self._pending = self._pending, {}
            self._lock.notify_all()
        for item in pending.values():
            item.event.set()  # response stays None: the waiter raises EngineClosed

    def wait_for(self, predicate: Callable[[Message], bool], timeout: float, since: int = 0) -> Optional[Message]:
        """The first notification (from index ``since``) matching ``predicate``, waiting up to ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                items = list(self.notifications)
                for message in items[since:]:
                    if predicate(message):
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.closed_reason is not None:
                    return None
                self._lock.wait(min(remaining, 0.1))

    # ---- closing ---------------------------------------------------------------------------------

    def terminate(self, grace: float = 2.0) -> Optional[int]:
        """Close stdin (the engine exits on end of input), then escalate; always reaps the process."""
        process = self.process
        with self._write_lock:
            if self.closed_reason is None:
                self.closed_reason = "closed"
            try:
                if process.stdin is not None:
                    process.stdin.close()
            except OSError:
                pass
        try:
            return process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        process.terminate()
        try:
            return process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()


def finalize_connection(connection: Connection) -> None:
    """Finaliser (garbage collection or interpreter exit): shut down politely if we can, else end it."""
    if connection.process.poll() is None and connection.closed_reason is None:
        try:
            connection.notify("exit")
        except Exception:
            pass
    try:
        connection.terminate(grace=1.0)
    except Exception:
        pass
    if connection.process.stdout is not None:
        try:
            connection.process.stdout.close()
        except Exception:
            pass


def pid_exists(pid: int) -> bool:
    """True while ``pid`` is a process (including a zombie); for tests."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
