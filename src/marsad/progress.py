"""A progress bar for long runs: articles done, articles/s and ETA, on stderr.

It appears only when stderr is a terminal and the run has lasted :data:`DELAY` seconds
(a one-article run prints nothing), and it is redrawn at most ten times a second.  rich is
imported only when the bar appears, so short runs do not pay for it.  Without a known total
(stdin, URLs) it shows the count and the rate but no ETA.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self, TypeVar

T = TypeVar("T")
DELAY = 1.0
REFRESH = 0.1
_RECORD_SUFFIXES = (".jsonl",)
_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
_COUNTABLE = (*_RECORD_SUFFIXES, *_DOCUMENT_SUFFIXES, ".json", ".csv", ".xml", ".rss", ".atom")


class Progress:
    """Counts finished articles; draws a rich progress bar on a terminal after :data:`DELAY` s."""

    def __init__(self, total: int | None = None, label: str = "articles", enabled: bool | None = None,
                 stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.total = total
        self.label = label
        self.done = 0
        self.started = time.perf_counter()
        self._drawn = 0.0
        self._bar: Any = None
        self._task: Any = None

    def advance(self, n: int = 1) -> None:
        """Note ``n`` more articles done (and redraw when it is time)."""
        self.done += n
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._drawn >= REFRESH and now - self.started >= DELAY:
            self._draw(now)

    def counted(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, advancing by one for each item taken."""
        for item in items:
            yield item
            self.advance()

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def _draw(self, now: float) -> None:
        self._drawn = now
        if self._bar is None:
            self._start()
        total = max(self.total, self.done) if self.total is not None else None
        rate = self.rate
        eta = _clock((total - self.done) / rate) if total is not None and rate > 0 else "?"
        self._bar.update(self._task, completed=self.done, total=total, rate=f"{rate:,.0f}", eta=eta,
                         elapsed=_clock(now - self.started))

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"), TextColumn("{task.fields[elapsed]}"),
            TextColumn("ETA {task.fields[eta]}"),
            console=Console(file=self.stream), transient=False, redirect_stdout=False, redirect_stderr=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, rate="0", eta="?", elapsed="0:00:00")

    def close(self) -> None:
        """Draw the final state and release the terminal."""
        if self._bar is not None:
            self._draw(time.perf_counter())
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def estimate_total(inputs: Iterable[str]) -> int | None:
    """About how many articles ``inputs`` hold, cheaply: lines of .jsonl files, one per text or HTML
    file; None when an input cannot be counted without parsing it (stdin, URLs, CSV, feeds, JSON)."""
    total = 0
    for source in inputs:
        if source == "-" or source.lower().startswith(("http://", "https://")):
            return None
        path = Path(source)
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))]
            counts = [_count_file(p) if p.suffix.lower() in _COUNTABLE else 0 for p in files]
        else:
            counts = [_count_file(path)]
        if None in counts:
            return None
        total += sum(c for c in counts if c is not None)
    return total


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _count_file(path: Path) -> int | None:
    """1 for a text or HTML document, the lines of a JSONL file, None for anything else."""
    suffix = path.suffix.lower()
    if suffix in _DOCUMENT_SUFFIXES:
        return 1
    if suffix not in _RECORD_SUFFIXES:
        return None
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 20)
            if head.lstrip()[:1] == b"[":
                return None  # a JSON array
            lines, last = head.count(b"\n"), head[-1:]
            while block := f.read(1 << 20):
                lines, last = lines + block.count(b"\n"), block[-1:]
    except OSError:
        return None
    return lines + (1 if last not in (b"", b"\n") else 0)
