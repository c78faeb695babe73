"""Running the pipeline over many articles: in-process, on a local process pool, or on Dask.

    with open_engine(workers=4) as engine:               # or open_engine(dask="tcp://host:8786")
        for article, result in extract_stream(articles, engine, Task()):
            ...                                          # input order, whatever the engine

An **engine** runs a picklable function on a chunk of articles and hands back a future:
:class:`SerialEngine` (``--workers 1``: in this process, no pool), :class:`PoolEngine`
(a :class:`~concurrent.futures.ProcessPoolExecutor`) and ``marsad.dask_engine.DaskEngine``.
Workers load the lexicons and the gazetteer once per process (:func:`warm`, from the pool's
initializer :func:`start_worker`, which also ties each worker's life to the parent's).
:func:`ordered` keeps a bounded window of chunks in flight and yields their results in
submission order, so the output is the same bytes whatever the worker count, and memory stays
flat on an archive of millions of articles.

An article whose extraction raises comes back as a :class:`Result` with ``error`` set; the
run goes on.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
import threading
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Future
from dataclasses import dataclass, field
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self, TypeVar

from marsad.errors import MarsadError
from marsad.model import Article, Event

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
BatchExtractor = Callable[[list[Article]], list[list[Event] | str]]
Output = Literal["events", "jsonl"]

#: Articles per task: large enough that pickling and IPC cost little, small enough to balance.
CHUNK_SIZE = 32
#: Chunks in flight per worker: keeps workers busy while the driver writes, bounds memory.
WINDOW_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Task:
    """What a worker does with each article: ``events`` (Event objects) or ``jsonl`` (the lines);
    with ``arabic_only``, an article that is not Arabic text is skipped."""

    include_unlocated: bool = False
    output: Output = "events"
    arabic_only: bool = True


@dataclass(slots=True)
class Result:
    """One article's outcome: its events (``Task.output == "events"``) or its JSONL lines, or an error
    (``"ValueError: …"``, what the extractor raised)."""

    events: list[Event] = field(default_factory=list)
    jsonl: str = ""
    n_events: int = 0
    n_unlocated: int = 0  # events without a known place: left out unless Task.include_unlocated
    error: str = ""
    skipped: str = ""  # why the article was not extracted (e.g. "not Arabic text")


class FutureLike(Protocol[T_co]):  # concurrent.futures.Future and distributed.Future
    def result(self) -> T_co: ...

    def cancel(self) -> Any: ...


class Engine(ABC):
    """Runs ``fn(*args)`` somewhere and returns a future of its result; a context manager."""

    workers: int = 1

    @abstractmethod
    def submit(self, fn: Callable[..., T], *args: Any) -> FutureLike[T]: ...

    def close(self) -> None:
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


# --------------------------------------------------------------------------- worker side


def warm() -> None:
    """Load the lexicons, gazetteer and every lazy table once in this process."""
    from marsad.pipeline import extract_events

    extract_events(Article(id="warm-up", text="قتل شخصان في هجوم على بغداد أمس."), include_unlocated=True)


#: Allocations between two collections of the youngest generation in a process that extracts (Python's
#: default is 700).  An article makes tens of thousands of objects that all die with its Doc, almost all
#: freed by their reference counts; the collector only has to find cycles, and with the default it scans
#: (and promotes) the live objects of the article in hand every 700 allocations.  The tables built at
#: start-up are frozen out of the collector (:func:`marsad.cache.no_gc`).  Memory is not at stake: a young
#: generation of 10,000 objects is a few MB at most.
GC_THRESHOLD = 10_000


def tune_gc() -> None:
    """Collect the youngest generation every :data:`GC_THRESHOLD` allocations in this process (an engine
    that extracts here, a pool worker); the older generations keep their thresholds."""
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def start_worker(parent: int) -> None:
    """A pool worker's initializer: tie its life to the parent's, let the parent alone handle
    Ctrl-C, hold none of the parent's pipes, then :func:`warm`.

    A worker must never outlive the run that started it, whatever signal ends that run (SIGTERM,
    SIGHUP, SIGKILL): on Linux the kernel sends it SIGKILL when the parent dies
    (``PR_SET_PDEATHSIG``), and a parent already gone by then is caught by comparing the parent's
    pid.  Ctrl-C reaches the whole process group; only the parent answers it (one line, exit 130)
    and ends the pool, so no worker prints a traceback.  stdin and stdout point to /dev/null so
    that a reader of the parent's output (``marsad ingest … | head``) sees it end with the parent.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(null, fd)
    os.close(null)
    tune_gc()
    warm()


def _die_with_parent(parent: int) -> None:
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def events_jsonl(events: Iterable[Event]) -> str:
    """The JSONL lines of ``events`` exactly as ``marsad extract`` prints them."""
    return "".join(json.dumps(e.to_record(), ensure_ascii=False) + "\n" for e in events)


def extract_one(article: Article, task: Task) -> Result:
    """Extract one article; an exception becomes ``Result.error`` (one line)."""
    from marsad.io.encoding import is_arabic
    from marsad.pipeline import extract_events

    if task.arabic_only and not is_arabic(article.text):
        return Result(skipped="not Arabic text")
    try:
        events = extract_events(article, include_unlocated=True)
    except Exception as exc:  # an extractor bug must not stop a long run: it is reported per article
        return Result(error=f"{type(exc).__name__}: {exc}")
    located = [e for e in events if e.location.located]
    unlocated = len(events) - len(located)
    if not task.include_unlocated:
        events = located
    if task.output == "jsonl":
        return Result(jsonl=events_jsonl(events), n_events=len(events), n_unlocated=unlocated)
    return Result(events=events, n_events=len(events), n_unlocated=unlocated)


def extract_chunk(articles: list[Article], task: Task) -> list[Result]:
    """The results of a chunk of articles, in order (the function engines run)."""
    return [extract_one(article, task) for article in articles]


# --------------------------------------------------------------------------- driver side


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk


def ordered(submit: Callable[[T], FutureLike[Any]], items: Iterable[T], window: int) -> Iterator[tuple[T, Any]]:
    """``(item, result)`` in the order of ``items``, with at most ``window`` submitted and unfinished."""
    pending: deque[tuple[T, FutureLike[Any]]] = deque()
    try:
        for item in items:
            pending.append((item, submit(item)))
            if len(pending) >= max(1, window):
                head, future = pending.popleft()
                yield head, future.result()
        while pending:
            head, future = pending.popleft()
            yield head, future.result()
    finally:  # stopped early (error, Ctrl-C, consumer closed): drop what has not started
        for _, future in pending:
            future.cancel()


def extract_stream(
    articles: Iterable[Article], engine: Engine, task: Task, chunk_size: int = CHUNK_SIZE
) -> Iterator[tuple[Article, Result]]:
    """Each article with its result, in input order, extracted by ``engine``."""
    window = engine.workers * WINDOW_PER_WORKER

    def submit(chunk: list[Article]) -> FutureLike[list[Result]]:
        return engine.submit(extract_chunk, chunk, task)

    try:
        for chunk, results in ordered(submit, chunked(articles, chunk_size), window):
            yield from zip(chunk, results, strict=True)
    except BrokenExecutor:
        raise MarsadError("a worker process died (out of memory?); re-run to resume where it stopped") from None


class BatchExtraction:
    """The ``extract_many`` of :func:`marsad.store.ingest_articles`: a batch spread over an engine.

    Called, it extracts a batch and returns each article's events (or error).  :meth:`submit`
    hands the batch to the engine and returns at once a function that waits for the results,
    so ingest has the pool extract batch k+1 while this process writes batch k.
    """

    def __init__(self, engine: Engine, task: Task, chunk_size: int = CHUNK_SIZE) -> None:
        self.engine, self.task, self.chunk_size = engine, task, chunk_size
        #: Whether :meth:`submit` returns before the work is done (not in this process, as SerialEngine's).
        self.in_background = not isinstance(engine, SerialEngine)

    def __call__(self, articles: list[Article]) -> list[list[Event] | str]:
        return self.submit(articles)()

    def submit(self, articles: list[Article]) -> Callable[[], list[list[Event] | str]]:
        """Start extracting ``articles`` (every worker gets a share); the function that collects them."""
        size = min(self.chunk_size, max(1, -(-len(articles) // self.engine.workers)))
        futures = [self.engine.submit(extract_chunk, chunk, self.task) for chunk in chunked(articles, size)]

        def collect() -> list[list[Event] | str]:
            try:
                return [r.error or r.events for future in futures for r in future.result()]
            except BrokenExecutor:
                raise MarsadError("a worker process died (out of memory?); re-run to resume where it stopped") from None
            finally:
                for future in futures:
                    future.cancel()

        return collect


def batch_extractor(engine: Engine, task: Task, chunk_size: int = CHUNK_SIZE) -> BatchExtraction:
    """The ``extract_many`` of :func:`marsad.store.ingest_articles` over ``engine`` (see :class:`BatchExtraction`)."""
    return BatchExtraction(engine, task, chunk_size)


# --------------------------------------------------------------------------- engines


class SerialEngine(Engine):
    """Runs each task at once in this process (``--workers 1``): no pool, no pickling."""

    def __init__(self) -> None:
        self.workers = 1
        tune_gc()

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:
            future.set_exception(exc)
        return future


class PoolEngine(Engine):
    """A pool of ``workers`` processes, each warmed once by :func:`warm`."""

    def __init__(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor  # multiprocessing only when a pool is used

        self.workers = workers
        context = _mp_context()
        if context.get_start_method() == "fork":
            warm()  # the children inherit the loaded tables (shared pages) instead of each loading them
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker,
                                         initargs=(os.getpid(),))
        self._pool.submit(int).result()  # start the processes now, before any progress-bar thread

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _mp_context() -> BaseContext:
    """``fork`` on Linux while this process has one thread (fast, shares the tables); else ``spawn``."""
    import multiprocessing

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def open_engine(workers: int | None = None, dask: str | None = None, timeout: float = 10.0) -> Engine:
    """The engine for ``--workers N`` (default: all cores; 1: in-process) or ``--dask ADDRESS``."""
    if dask:
        from marsad.dask_engine import DaskEngine

        return DaskEngine(dask, timeout=timeout)
    n = default_workers() if workers is None else workers
    return SerialEngine() if n <= 1 else PoolEngine(n)
