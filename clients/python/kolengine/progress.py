"""Progress bars for requests sent with ``progress=True`` (``$/progress`` with a ``workDoneToken``)."""

from __future__ import annotations

import sys
from typing import Any, Dict, Optional


class TextBar:
    """A one-line text bar on stderr, for when tqdm is not installed."""

    width = 30

    def __init__(self, title: str):
        self.title = title
        self.percentage = 0
        self.message = ""

    def update(self, percentage: Optional[float], message: Optional[str]) -> None:
        if percentage is not None:
            self.percentage = max(0.0, min(100.0, float(percentage)))
        if message:
            self.message = message
        filled = int(self.width * self.percentage / 100)
        bar = "#" * filled + "-" * (self.width - filled)
        sys.stderr.write(f"\r{self.title} [{bar}] {self.percentage:3.0f}% {self.message}"[:120])
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


class TqdmBar:
    def __init__(self, title: str):
        from tqdm.auto import tqdm

        self._bar = tqdm(total=100, desc=title, leave=False)
        self._at = 0.0

    def update(self, percentage: Optional[float], message: Optional[str]) -> None:
        if percentage is not None:
            step = max(0.0, min(100.0, float(percentage))) - self._at
            if step > 0:
                self._bar.update(step)
                self._at += step
        if message:
            self._bar.set_postfix_str(message, refresh=False)

    def close(self) -> None:
        self._bar.close()


def make_bar(title: str):
    try:
        return TqdmBar(title)
    except Exception:  # tqdm missing (ImportError) or unusable here
        return TextBar(title)


class ProgressTracker:
    """Feeds one request's ``$/progress`` values (begin/report/end) into a bar and keeps them all."""

    def __init__(self, token: str, method: str, bar_factory=make_bar):
        self.token = token
        self.method = method
        self.values: list = []
        self._bar_factory = bar_factory
        self._bar = None

    def handle(self, value: Dict[str, Any]) -> None:
        self.values.append(value)
        kind = value.get("kind")
        if self._bar is None and kind in ("begin", "report"):
            self._bar = self._bar_factory(value.get("title") or self.method)
        if self._bar is not None and kind in ("begin", "report"):
            self._bar.update(value.get("percentage"), value.get("message"))
        if kind == "end":
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
