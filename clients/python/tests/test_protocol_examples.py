"""protocol.md is executable: every ```example block is run against a fresh `kol-engine --lines`.

Convention (COMMON.md): in a fenced block whose info string is `example`, a line `→ MESSAGE` is sent by the
client and a line `← MESSAGE` is written by the server, in order; blank lines and `#` lines are ignored.
The runner starts the engine in the repository root, sends each run of `→` lines, then reads as many
messages as the following run of `←` lines and compares them as JSON values, in order. After the block
it closes stdin and requires that the server wrote nothing more.
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Tuple

import pytest

from kol_testing import REPO

PROTOCOL = REPO / "protocol.md"
READ_TIMEOUT = 15.0
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^\s`]*)")


@dataclass
class Example:
    source: str
    line: int                      # 1-based line of the opening fence
    steps: List[Tuple[str, str, int]] = field(default_factory=list)  # ("send" | "expect", text, line)

    @property
    def name(self) -> str:
        return f"{self.source}:{self.line}"


def extract_examples(text: str, source: str = "protocol.md") -> List[Example]:
    examples: List[Example] = []
    current = None
    fence = None
    for number, raw in enumerate(text.splitlines(), start=1):
        match = FENCE.match(raw)
        if current is None and fence is None and match:
            fence = match.group(2)
            if match.group(3) == "example":
                current = Example(source, number)
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


class LineServer:
    """`kol-engine --lines` with a reader thread, so reads can time out."""

    def __init__(self, binary: str):
        self.process = subprocess.Popen([binary, "--lines"], cwd=str(REPO), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: "queue.Queue[bytes]" = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(b"")  # end of output

    def send(self, text: str) -> None:
        self.process.stdin.write(text.encode("utf-8") + b"\n")
        self.process.stdin.flush()

    def receive(self) -> bytes:
        return self.lines.get(timeout=READ_TIMEOUT)

    def finish(self) -> List[bytes]:
        """Closes stdin; returns whatever the server still wrote before it exited."""
        self.process.stdin.close()
        self.process.wait(timeout=READ_TIMEOUT)
        rest = []
        while True:
            line = self.receive()
            if not line:
                return rest
            rest.append(line)


def run_example(binary: str, example: Example) -> None:
    server = LineServer(binary)
    try:
        for kind, text, number in example.steps:
            where = f"{example.source}:{number}"
            if kind == "send":
                server.send(text)
                continue
            expected = json.loads(text)
            try:
                got = server.receive()
            except queue.Empty:
                pytest.fail(f"{where}: no message from the server within {READ_TIMEOUT:g} s; expected {text}")
            if not got:
                pytest.fail(f"{where}: the server ended its output; expected {text}")
            actual = json.loads(got.decode("utf-8"))
            assert actual == expected, f"{where}: the server wrote\n  {got.decode().strip()}\nbut the example says\n  {text}"
        rest = server.finish()
        assert not rest, f"{example.name}: the server wrote more than the example shows: {rest!r}"
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def protocol_examples() -> List[Example]:
    return extract_examples(PROTOCOL.read_text(encoding="utf-8")) if PROTOCOL.exists() else []


EXAMPLES = protocol_examples()


def test_protocol_md_has_examples():
    assert EXAMPLES, "protocol.md has no ```example blocks: every section needs a worked example (COMMON.md)"


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_protocol_example(engine_binary, example):
    assert any(kind == "send" for kind, _, _ in example.steps), f"{example.name}: example sends nothing"
    run_example(engine_binary, example)


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
    with pytest.raises(AssertionError, match="more than the example shows"):
        run_example(engine_binary, missing)
