"""protocol.md is executable: every ```example block is run against a fresh `kol-engine --lines`.

Convention (protocol.md, "Worked examples are tests"): in a fenced block whose info string is `example`, a
line `→ MESSAGE` is sent by the client and a line `← MESSAGE` is written by the server; blank lines and `#`
lines are ignored. `example session=NAME` blocks with the same NAME run, in document order, in one engine
process (state carries over); any other block runs alone. A ```file NAME block is written to NAME in the
folder every session runs in.

Each session runs in a fresh folder holding a copy of `examples/` and the file blocks; the folder appears in
the document as `/tmp/shop` (the runner substitutes it). The runner sends each run of `→` lines, then reads as
many messages as the following run of `←` lines: responses are matched by id (concurrent requests may be
answered in any order), notifications in order. After the session it closes stdin and requires that the
server wrote nothing more.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from kol_testing import REPO

PROTOCOL = REPO / "protocol.md"
READ_TIMEOUT = 15.0
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$")
DOCUMENTED_FOLDER = "/tmp/shop"


@dataclass
class Example:
    source: str
    line: int                      # 1-based line of the opening fence
    steps: List[Tuple[str, str, int]] = field(default_factory=list)  # ("send" | "expect", text, line)
    session: str = ""              # blocks sharing a session run in one process
    framing: str = "lines"         # "lines" or "lsp"

    @property
    def name(self) -> str:
        return f"{self.source}:{self.line}"


def extract_files(text: str) -> Dict[str, str]:
    """The ```file NAME blocks: fixtures every session's folder holds."""
    files: Dict[str, str] = {}
    name, body, fence = None, [], None
    for raw in text.splitlines():
        match = FENCE.match(raw)
        if fence is None and match:
            fence = match.group(2)
            if match.group(3) == "file" and match.group(4).strip():
                name, body = match.group(4).strip(), []
            continue
        if fence is not None and raw.strip().startswith(fence[0] * len(fence)) and raw.strip().strip(fence[0]) == "":
            if name is not None:
                files[name] = "\n".join(body) + "\n"
            name, fence = None, None
            continue
        if name is not None:
            body.append(raw)
    return files


def extract_examples(text: str, source: str = "protocol.md") -> List[Example]:
    examples: List[Example] = []
    current = None
    fence = None
    for number, raw in enumerate(text.splitlines(), start=1):
        match = FENCE.match(raw)
        if current is None and fence is None and match:
            fence = match.group(2)
            if match.group(3) == "example":
                attributes = dict(part.split("=", 1) for part in match.group(4).split() if "=" in part)
                current = Example(source, number, session=attributes.get("session", ""),
                                  framing=attributes.get("framing", "lines"))
            continue
        if fence is not None and raw.strip().startswith(fence[0] * len(fence)) and raw.strip().strip(fence[0]) == "":
            if current is not None:
                examples.append(current)
            current, fence = None, None
            continue
        if current is None:
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("→"):
            current.steps.append(("send", line[1:].strip(), number))
        elif line.startswith("←"):
            current.steps.append(("expect", line[1:].strip(), number))
        else:
            raise ValueError(f"{source}:{number}: an example line must start with → or ← (or #): {raw!r}")
    if current is not None:
        raise ValueError(f"{source}:{current.line}: example block is not closed")
    return examples


class EngineServer:
    """`kol-engine` in line mode or LSP framing, with a reader thread so reads can time out."""

    def __init__(self, binary: str, folder: str, framing: str = "lines"):
        self.framing = framing
        flag = "--lsp" if framing == "lsp" else "--lines"
        self.process = subprocess.Popen([binary, flag], cwd=folder, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: "queue.Queue[bytes]" = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        if self.framing == "lsp":
            while True:
                length = None
                while True:
                    header = stream.readline()
                    if not header:
                        self.lines.put(b"")
                        return
                    if header in (b"\r\n", b"\n"):
                        break
                    name, _, value = header.decode("ascii", "replace").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                self.lines.put(stream.read(length or 0))
        for line in stream:
            self.lines.put(line)
        self.lines.put(b"")  # end of output

    def send(self, text: str) -> None:
        body = text.encode("utf-8")
        if self.framing == "lsp":
            body = b"Content-Length: %d\r\n\r\n" % len(body) + body
        else:
            body += b"\n"
        self.process.stdin.write(body)
        self.process.stdin.flush()

    def receive(self) -> bytes:
        return self.lines.get(timeout=READ_TIMEOUT)

    def finish(self) -> List[bytes]:
        """Closes stdin; returns whatever the server still wrote before it exited."""
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        self.process.wait(timeout=READ_TIMEOUT)
        rest = []
        while True:
            line = self.receive()
            if not line:
                return rest
            rest.append(line)


def session_folder(files: Dict[str, str]) -> str:
    """A fresh folder with a copy of examples/ and the document's file blocks (resolved: no symlinks)."""
    folder = os.path.realpath(tempfile.mkdtemp(prefix="kol-example-"))
    shutil.copytree(REPO / "examples", os.path.join(folder, "examples"))
    for name, content in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(content)
    return folder


def _identity(message) -> str:
    return json.dumps(message.get("id"), sort_keys=True) if isinstance(message, dict) and "id" in message else ""


def run_session(binary: str, examples: List[Example], files: Dict[str, str] = None) -> None:
    """Runs the examples in order in one engine process (see the module docstring)."""
    folder = session_folder(files or {})
    server = EngineServer(binary, folder, examples[0].framing)
    local = lambda text: text.replace(DOCUMENTED_FOLDER, folder)
    try:
        for example in examples:
            steps = example.steps
            index = 0
            while index < len(steps):
                kind, text, number = steps[index]
                if kind == "send":
                    server.send(local(text))
                    index += 1
                    continue
                run = []
                while index < len(steps) and steps[index][0] == "expect":
                    run.append(steps[index])
                    index += 1
                received = []
                for _, text, number in run:
                    where = f"{example.source}:{number}"
                    try:
                        got = server.receive()
                    except queue.Empty:
                        pytest.fail(f"{where}: no message from the server within {READ_TIMEOUT:g} s; expected {text}")
                    if not got:
                        pytest.fail(f"{where}: the server ended its output; expected {text}")
                    received.append(json.loads(got.decode("utf-8")))
                # Responses by id (concurrent answers may come in any order); notifications in order.
                by_id = {_identity(m): m for m in received if _identity(m)}
                notifications = [m for m in received if not _identity(m)]
                for _, text, number in run:
                    where = f"{example.source}:{number}"
                    expected = json.loads(local(text))
                    key = _identity(expected)
                    actual = by_id.pop(key, None) if key else (notifications.pop(0) if notifications else None)
                    shown = json.dumps(actual, ensure_ascii=False).replace(folder, DOCUMENTED_FOLDER)
                    assert actual == expected, f"{where}: the server wrote\n  {shown}\nbut the example says\n  {text}"
        rest = server.finish()
        assert not rest, f"{examples[-1].name}: the server wrote more than the examples show: {rest!r}"
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def run_example(binary: str, example: Example) -> None:
    run_session(binary, [example])


def sessions(examples: List[Example]) -> List[List[Example]]:
    """Blocks grouped by session, in document order; a block without a session is its own."""
    groups: Dict[str, List[Example]] = {}
    ordered: List[List[Example]] = []
    for example in examples:
        if not example.session:
            ordered.append([example])
        elif example.session in groups:
            groups[example.session].append(example)
        else:
            groups[example.session] = [example]
            ordered.append(groups[example.session])
    return ordered


def protocol_examples() -> List[Example]:
    return extract_examples(PROTOCOL.read_text(encoding="utf-8")) if PROTOCOL.exists() else []


EXAMPLES = protocol_examples()
SESSIONS = sessions(EXAMPLES)
FILES = extract_files(PROTOCOL.read_text(encoding="utf-8")) if PROTOCOL.exists() else {}


def test_protocol_md_has_examples():
    assert EXAMPLES, "protocol.md has no ```example blocks: every section needs a worked example (COMMON.md)"


@pytest.mark.parametrize("session", SESSIONS, ids=[s[0].session or s[0].name for s in SESSIONS])
def test_protocol_example(engine_binary, session):
    for example in session:
        assert any(kind == "send" for kind, _, _ in example.steps), f"{example.name}: example sends nothing"
    run_session(engine_binary, session, FILES)


# ---- the runner itself -----------------------------------------------------------------------------

SAMPLE = """
# Doc
```json
→ {"not": "an example"}
```
```example
# ping echoes its params
→ {"jsonrpc":"2.0","id":1,"method":"kol/ping","params":{"hello":"世界"}}
← {"jsonrpc":"2.0","id":1,"result":{"hello":"世界"}}

→ {"jsonrpc":"2.0","id":"b","method":"kol/nope"}
← {"jsonrpc": "2.0", "id": "b", "error": {"code": -32601, "message": "method not found: kol/nope"}}
```
````example
→ {"jsonrpc":"2.0","method":"initialized","params":{}}
````
"""


def test_extractor_reads_only_example_blocks_and_skips_comments():
    examples = extract_examples(SAMPLE, "sample.md")
    assert [example.line for example in examples] == [6, 14]
    assert [(kind, number) for kind, _, number in examples[0].steps] == [("send", 8), ("expect", 9), ("send", 11),
                                                                           ("expect", 12)]
    assert examples[1].steps == [("send", '{"jsonrpc":"2.0","method":"initialized","params":{}}', 15)]


def test_extractor_rejects_stray_lines():
    with pytest.raises(ValueError, match="sample.md:3"):
        extract_examples("```example\n→ {}\nnonsense\n```\n", "sample.md")


def test_runner_passes_a_true_example_and_fails_a_false_one(engine_binary):
    good, quiet = extract_examples(SAMPLE, "sample.md")
    run_example(engine_binary, good)
    run_example(engine_binary, quiet)  # a notification gets no answer, and nothing else is written
    wrong = Example("wrong.md", 1, [("send", good.steps[0][1], 2),
                                    ("expect", '{"jsonrpc":"2.0","id":1,"result":{"hello":"world"}}', 3)])
    with pytest.raises(AssertionError, match="wrong.md:3"):
        run_example(engine_binary, wrong)
    missing = Example("missing.md", 1, [("send", good.steps[0][1], 2)])
    with pytest.raises(AssertionError, match="more than the examples show"):
        run_example(engine_binary, missing)


def test_sessions_group_blocks_and_files_are_fixtures(engine_binary):
    text = """
```file note.txt
hello
```
```example session=s
→ {"jsonrpc":"2.0","id":1,"method":"kol/ping","params":{"where":"/tmp/shop"}}
← {"jsonrpc":"2.0","id":1,"result":{"where":"/tmp/shop"}}
```
```example
→ {"jsonrpc":"2.0","id":2,"method":"kol/ping","params":{}}
← {"jsonrpc":"2.0","id":2,"result":{}}
```
```example session=s
→ {"jsonrpc":"2.0","id":3,"method":"kol/ping","params":[1]}
→ {"jsonrpc":"2.0","id":4,"method":"kol/ping","params":[2]}
← {"jsonrpc":"2.0","id":4,"result":[2]}
← {"jsonrpc":"2.0","id":3,"result":[1]}
```
"""
    examples = extract_examples(text, "sessions.md")
    groups = sessions(examples)
    assert [[e.line for e in group] for group in groups] == [[5, 13], [9]]
    assert extract_files(text) == {"note.txt": "hello\n"}
    for group in groups:
        run_session(engine_binary, group, extract_files(text))
