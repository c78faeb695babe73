"""``python -m marsad.bench``: how fast Marsad codes news, against the targets of the scale issue.

The corpus is the first ``--n`` (default 5,000) of 20,000 distinct real Arabic news articles,
``../shared/data/bench/articles.jsonl.gz`` next to the repository (``--articles PATH``; see
its README): no two texts are alike, so no cache keyed on words, sentences or texts sees the
same text twice and flatters the numbers as a replicated corpus would.  Measured, in this
order, from one run:

* ``marsad extract --workers 1`` and ``--workers 2`` on the corpus (subprocesses, JSONL
  written to a file; with ``--repeat R`` alternately R times, keeping the fastest of each):
  wall time, and CPU time of the process tree; articles/s per core is articles per CPU
  second of the 1-worker run; the speed-up is the ratio of wall times (the two outputs
  must be the same bytes, or the benchmark stops);
* a bare ``normalise()`` + ``tokenise()`` pass over the same texts, in this process, and
  the ratio of the 1-worker extract time to it;
* ingest of the same articles into a fresh SQLite file, in this process, as ``marsad ingest
  --workers 1`` does it (batches of 200, each extracted then written and merged in one
  transaction), in a fixed shuffled order (``--order shuffled``, ``--seed``; the file's
  articles run from short to long, so in file order the tenths differ in length): the rate
  over all, and over the batches of the first and of the last tenth of the articles, per
  article and per character, with the store's own time per batch (a store that slows down as
  it fills shows as last/first < 1); the first tenth again into the full store and into an
  empty one; the same ingest again with everything stored (the cost of a resumed run); and
  a 1-worker ingest in the other order (file order), reported beside it;
* ingest of the same articles into another fresh SQLite file with ``--workers`` (default 2)
  workers, as ``marsad ingest --workers 2`` does it (the pool extracts batch k+1 while this
  process writes batch k), and its speed-up over the 1-worker ingest;
* the start-up of ``marsad extract`` on one short article (median of 5 runs);
* where extraction time goes: each stage of :data:`marsad.pipeline.STAGES` timed over the
  first ``--profile-n`` articles, and the share of time spent in gazetteer lookups;
* peak RSS: the largest process of the run (``getrusage``: this process and its children).

Results go to ``benchmarks/results/latest.json`` (``--json PATH``) and a table on stdout
with PASS/FAIL against each target.  ``docs/benchmark.md`` has a reference run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from marsad.model import Article

if TYPE_CHECKING:
    from marsad.store.ingest import BatchTiming

REPO = Path(__file__).resolve().parents[2]
DEFAULT_ARTICLES = REPO / ".." / "shared" / "data" / "bench" / "articles.jsonl.gz"
DEFAULT_JSON = REPO / "benchmarks" / "results" / "latest.json"
SHORT_ARTICLE = "هجوم في كركوك\n\nقتل شخصان وأصيب ثلاثة آخرون في هجوم مسلح على نقطة للشرطة في كركوك مساء أمس.\n"
#: Articles per ingest transaction (``marsad ingest``'s default).
INGEST_BATCH = 200
#: The seed of the shuffled ingest order: fixed, so that every run ingests the same sequence.
SEED = 14
Order = Literal["shuffled", "file"]
ORDERS: tuple[Order, ...] = ("shuffled", "file")


@dataclass(frozen=True, slots=True)
class Target:
    """A number the issue asks for: ``value <op> limit``."""

    key: str  # in the "numbers" of the result
    label: str
    limit: float
    at_least: bool
    unit: str

    def passes(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit


TARGETS = (
    Target("extract_rate_1_cpu", "extract, articles/s per core (1 worker, CPU time)", 600, True, "articles/s"),
    Target("extract_vs_bare", "extract time / bare normalise+tokenise", 10, False, "×"),
    Target("ingest_rate_1", "ingest into fresh SQLite, articles/s (1 worker)", 150, True, "articles/s"),
    Target("ingest_last_vs_first", "ingest rate, last tenth / first tenth", 0.8, True, "×"),
    Target("ingest_full_vs_empty", "ingest rate, the same articles into the full store / an empty one",
           0.8, True, "×"),
    Target("peak_rss_mb", "peak RSS of any process", 400, False, "MB"),
    Target("speedup_2", "extract speed-up, 2 workers vs 1", 1.7, True, "×"),
    Target("ingest_speedup_2", "ingest speed-up, 2 workers vs 1", 1.7, True, "×"),
    Target("startup_s", "start-up, marsad extract on one short article", 1.0, False, "s"),
)


@dataclass(slots=True)
class Bench:
    """One benchmark run: settings, scratch directory and the numbers measured so far."""

    n: int
    profile_n: int
    workers: int
    repeat: int
    scratch: Path
    source: Path = DEFAULT_ARTICLES
    order: Order = "shuffled"
    seed: int = SEED
    results: dict[str, Any] = field(default_factory=dict)

    @property
    def corpus(self) -> Path:
        return self.scratch / "corpus.jsonl"


# --------------------------------------------------------------------------- corpus


def read_articles(path: Path, n: int) -> list[Article]:
    """The first ``n`` articles of a (gzipped) JSONL file of ``{"id", "title", "text", "published"}``."""
    if not path.is_file():
        raise SystemExit(f"bench: {path.resolve()}: no such file (the benchmark articles; give --articles PATH)")
    opener = gzip.open if path.suffix == ".gz" else open
    articles: list[Article] = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if len(articles) >= n:
                break
            if line.strip():
                articles.append(_article(json.loads(line)))
    return articles


def _article(record: dict[str, Any]) -> Article:
    published = record.get("published")
    return Article.from_parts(id=str(record["id"]), title=record.get("title") or "", body=record["text"],
                              published=date.fromisoformat(published) if published else None,
                              outlet=record.get("outlet") or "", url=record.get("url") or "")


def in_order(articles: list[Article], order: Order, seed: int = SEED) -> list[Article]:
    """The articles in the order an ingest measurement takes them: as in the file, or shuffled with
    ``seed`` (the same permutation on every run and machine: :class:`random.Random` is
    deterministic for a given seed and list length).  The input list is not changed."""
    if order == "file":
        return list(articles)
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def write_corpus(articles: Iterable[Article], path: Path) -> int:
    """Write articles as codebook §8 JSONL (title and body apart, as the readers expect)."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            body = a.text[len(a.title) + 2:] if a.title and a.text.startswith(a.title + "\n\n") else a.text
            record = {"id": a.id, "outlet": a.outlet, "published": a.published.isoformat() if a.published else None,
                      "title": a.title, "text": body, "url": a.url}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


# --------------------------------------------------------------------------- measurements


def marsad_command() -> list[str]:
    """How to run the ``marsad`` CLI of this environment."""
    script = Path(sys.executable).parent / "marsad"
    return [str(script)] if script.exists() else [sys.executable, "-m", "marsad.cli"]


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall time and CPU time (user + system, of the process tree) of one measurement, in seconds."""

    wall: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(args: list[str]) -> Timing:
    """Run a command (output discarded, stderr kept for errors) and time it."""
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args[-6:])} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return Timing(wall, _children_cpu() - cpu)


def measure_extract(bench: Bench, workers: int) -> Timing:
    out = bench.scratch / f"events-{workers}.jsonl"
    return timed_run([*marsad_command(), "extract", str(bench.corpus), "--workers", str(workers), "--out", str(out),
                      "--overwrite", "--no-progress"])


@dataclass(frozen=True, slots=True)
class Tenth:
    """The whole batches that hold the first (or last) tenth of an ingest's articles: how many
    articles and characters, and where their time went."""

    batches: int
    articles: int
    characters: int
    seconds: float  # wall time of those batches
    store_s: float  # of which the store: look-up, write transaction, merge (this process)
    merge_s: float  # of which the merge
    extract_s: float  # of which extraction (1 worker) or waiting for the pool
    cpu_s: float = 0.0  # CPU time of this process over those batches

    @property
    def cpu_rate(self) -> float:
        """Articles per CPU second of this process (1 worker: the whole ingest's work)."""
        return self.articles / self.cpu_s if self.cpu_s else 0.0

    @property
    def rate(self) -> float:
        """Articles per second."""
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def char_rate(self) -> float:
        """Characters per second: the rate with the articles' length taken out."""
        return self.characters / self.seconds if self.seconds else 0.0

    @property
    def mean_chars(self) -> float:
        return self.characters / self.articles if self.articles else 0.0

    @property
    def store_ms(self) -> float:
        """Milliseconds of store work per batch (what grows if the store slows down as it fills)."""
        return 1000 * self.store_s / self.batches if self.batches else 0.0

    @property
    def merge_ms(self) -> float:
        return 1000 * self.merge_s / self.batches if self.batches else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"batches": self.batches, "articles": self.articles, "mean_chars": round(self.mean_chars),
                "articles_per_s": round(self.rate, 1), "chars_per_s": round(self.char_rate),
                "articles_per_cpu_s": round(self.cpu_rate, 1),
                "store_ms_per_batch": round(self.store_ms, 1), "merge_ms_per_batch": round(self.merge_ms, 1),
                "extract_ms_per_batch": round(1000 * self.extract_s / max(1, self.batches), 1)}


@dataclass(frozen=True, slots=True)
class IngestRun:
    """One ingest in this process: its timing and, per batch, (articles, characters, wall seconds) and
    where the batch's time went (:class:`marsad.store.ingest.BatchTiming`)."""

    timing: Timing
    batches: list[tuple[int, int, float]]
    parts: list[BatchTiming] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # this process's CPU seconds per batch

    def tenth(self, last: bool) -> Tenth:
        """The batches that hold the first (or last) tenth of the articles (whole batches: a tenth of
        5,000 is 2½ batches of 200, so 3)."""
        indexes = list(range(len(self.batches)))
        if last:
            indexes.reverse()
        wanted, held = sum(n for n, _, _ in self.batches) / 10, 0
        taken: list[int] = []
        for i in indexes:
            taken.append(i)
            held += self.batches[i][0]
            if held >= wanted:
                break
        parts = [self.parts[i] for i in taken if i < len(self.parts)]
        return Tenth(len(taken), sum(self.batches[i][0] for i in taken), sum(self.batches[i][1] for i in taken),
                     sum(self.batches[i][2] for i in taken), sum(p.store for p in parts),
                     sum(p.merge for p in parts), sum(p.extract for p in parts),
                     sum(self.cpu[i] for i in taken if i < len(self.cpu)))

    def tenth_rate(self, last: bool) -> tuple[float, int]:
        """Articles/s over the first (or last) tenth, and how many articles it holds."""
        tenth = self.tenth(last)
        return tenth.rate, tenth.articles

    @property
    def store_s(self) -> float:
        """Seconds this process spent on the store (look-ups, writes, merge) over the whole run."""
        return sum(p.store for p in self.parts)

    @property
    def extract_s(self) -> float:
        """Seconds this process spent extracting (1 worker) or waiting for the pool."""
        return sum(p.extract for p in self.parts)


class _BatchClock:
    """Times each batch ``ingest_articles`` takes: it takes ``size`` articles from the iterator at
    once, so a batch runs from one such take to the next."""

    def __init__(self, articles: list[Article], size: int) -> None:
        self.articles, self.size = articles, size
        self.marks: list[tuple[int, float]] = []
        self.cpu_marks: list[float] = []  # this process's CPU time at the same moments

    def __iter__(self) -> Iterator[Article]:
        for i, article in enumerate(self.articles):
            if i % self.size == 0:
                self.marks.append((i, time.perf_counter()))
                self.cpu_marks.append(time.process_time())
            yield article

    def cpu(self, ended: float) -> list[float]:
        """CPU seconds of this process in each batch (``ended``: the process time at the end); on a
        shared machine they move less than wall times (1 worker: all of the batch's work is here)."""
        ends = [*self.cpu_marks[1:], ended]
        return [t1 - t0 for t0, t1 in zip(self.cpu_marks, ends, strict=True)]

    def batches(self, ended: float) -> list[tuple[int, int, float]]:
        """(articles, characters, wall seconds) of each batch."""
        ends = [*self.marks[1:], (len(self.articles), ended)]
        return [(j - i, sum(len(a.text) for a in self.articles[i:j]), t1 - t0)
                for (i, t0), (j, t1) in zip(self.marks, ends, strict=True)]


def measure_ingest(articles: list[Article], db: Path, workers: int = 1) -> IngestRun:
    """Ingest ``articles`` into the SQLite file ``db`` from this process, as ``marsad ingest --workers N``
    does (1: extraction in this process; more: a pool, warmed before the clock starts, extracting batch
    k+1 while this process writes batch k).  CPU time is this process's and the pool's."""
    from marsad.parallel import PoolEngine, SerialEngine, Task, batch_extractor
    from marsad.store import ingest_articles, open_store

    engine = SerialEngine() if workers == 1 else PoolEngine(workers)
    try:
        extract_many = batch_extractor(engine, Task(include_unlocated=True, arabic_only=False))
        clock = _BatchClock(articles, INGEST_BATCH)
        with open_store(db) as store:
            cpu, started = time.process_time() + _children_cpu(), time.perf_counter()
            stats = ingest_articles(store, clock, extract_many=extract_many, batch_size=INGEST_BATCH,
                                    on_skip=_quiet, on_error=_quiet, on_note=_quiet)
            ended, ended_cpu = time.perf_counter(), time.process_time()
            engine.close()  # the workers' CPU time counts once they are reaped
            timing = Timing(ended - started, time.process_time() + _children_cpu() - cpu)
    finally:
        engine.close()
    return IngestRun(timing, clock.batches(ended), stats.batches, clock.cpu(ended_cpu))


def _quiet(*_: Any) -> None:
    return None


def measure_startup(bench: Bench, runs: int = 5) -> Timing:
    """Median wall time of ``marsad extract`` on one short article (and the CPU time of that run)."""
    path = bench.scratch / "short.txt"
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    args = [*marsad_command(), "extract", str(path), "--published", "2021-08-03"]
    runs_ = sorted((timed_run(args) for _ in range(runs)), key=lambda t: t.wall)
    return runs_[len(runs_) // 2]


def bare_pass(texts: list[str]) -> Timing:
    """Time to normalise and tokenise every text (the floor any extractor pays), in this process."""
    from marsad.text.normalise import normalise
    from marsad.text.tokens import tokenise

    cpu, started = time.process_time(), time.perf_counter()
    for text in texts:
        tokenise(normalise(text).text)
    return Timing(time.perf_counter() - started, time.process_time() - cpu)


def peak_rss_mb() -> dict[str, float]:
    """Peak resident set of this process and of its largest child, in MB (Linux reports KiB)."""
    scale = 1024 if sys.platform != "darwin" else 1
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 1e6
    return {"self": round(own, 1), "children": round(children, 1)}


# --------------------------------------------------------------------------- profile


class _Clock:
    """Accumulates the time spent inside wrapped callables (a nested call is not counted twice)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._depth = 0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return fn(*args, **kwargs)
            self._depth += 1
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1
                self._depth -= 1

        return timed


def _gazetteer_methods() -> tuple[type, list[str]] | None:
    """The gazetteer class and its lookup methods (public instance methods), if there is one."""
    try:
        from marsad.geo.gazetteer import Gazetteer
    except ImportError:
        return None
    skip = {"load", "default", "clear_default"}
    names = [name for name, value in vars(Gazetteer).items()
             if callable(value) and not name.startswith("_") and name not in skip]
    return Gazetteer, names


def profile_stages(articles: list[Article]) -> dict[str, Any]:
    """Time each pipeline stage (and gazetteer lookups) over ``articles``, in this process."""
    from marsad.pipeline import STAGES, Pipeline, default_pipeline

    default_pipeline().extract(articles[0])  # load the tables outside the measurement
    clocks = {name: _Clock() for name, _ in STAGES}
    pipeline = Pipeline(stages=tuple((name, clocks[name].wrap(stage)) for name, stage in STAGES))
    gazetteer = _Clock()
    found = _gazetteer_methods()
    originals: dict[str, Any] = {}
    if found is not None:
        cls, names = found
        originals = {name: vars(cls)[name] for name in names}
        for name in names:
            setattr(cls, name, gazetteer.wrap(originals[name]))
    try:
        cpu, started = time.process_time(), time.perf_counter()
        for article in articles:
            pipeline.extract(article)
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        if found is not None:
            for name, fn in originals.items():
                setattr(found[0], name, fn)
    stages = {name: round(c.seconds, 4) for name, c in clocks.items()}
    stages["normalise + other"] = round(total - sum(c.seconds for c in clocks.values()), 4)
    return {
        "articles": len(articles),
        "seconds": round(total, 3),
        "cpu_s": round(cpu, 3),
        "stages_s": stages,
        "stages_share": {name: round(s / total, 4) for name, s in stages.items()},
        "gazetteer_s": round(gazetteer.seconds, 4) if found else None,
        "gazetteer_share": round(gazetteer.seconds / total, 4) if found else None,
        "gazetteer_methods": found[1] if found else [],
    }


# --------------------------------------------------------------------------- run


def run(bench: Bench, log: Callable[[str], None]) -> dict[str, Any]:
    """Every measurement; returns the result document."""
    articles = read_articles(bench.source, bench.n)
    n = write_corpus(articles, bench.corpus)
    log(f"corpus: the first {n} articles of {bench.source.name} (distinct texts) in {bench.corpus}")
    load_before = _load()
    t: dict[str, Timing] = {}
    t["extract_1"], t["extract_2"] = _extract_runs(bench, log)
    _check_same_output(bench)
    t["bare"] = _step(log, "bare normalise+tokenise", lambda: bare_pass([a.text for a in articles]))
    _warm()
    db = bench.scratch / "bench.db"
    ingests: dict[str, IngestRun] = {}
    other: Order = "file" if bench.order == "shuffled" else "shuffled"
    ordered, companion = in_order(articles, bench.order, bench.seed), in_order(articles, other, bench.seed)
    t["ingest_1"] = _step(log, f"ingest {n}, 1 worker, in this process, {_order_label(bench.order, bench.seed)}",
                          lambda: _keep(ingests, "ingest_1", measure_ingest(ordered, db)))
    again = [_again(a) for a in ordered[:ingests["ingest_1"].tenth(last=False).articles]]
    t["ingest_full"] = _step(log, f"the first {len(again)} again under new URLs, into the full store", lambda: _keep(
        ingests, "ingest_full", measure_ingest(again, db)))
    t["ingest_empty"] = _step(log, f"the same {len(again)} into an empty store", lambda: _keep(
        ingests, "ingest_empty", measure_ingest(again, bench.scratch / "bench-empty.db")))
    t["ingest_rerun"] = _step(log, "ingest again", lambda: _keep(ingests, "ingest_rerun",
                                                                 measure_ingest(ordered, db)))
    t["ingest_other"] = _step(log, f"ingest {n}, 1 worker, {_order_label(other, bench.seed)}", lambda: _keep(
        ingests, "ingest_other", measure_ingest(companion, bench.scratch / f"bench-{other}.db")))
    t["ingest_2"] = _step(log, f"ingest {n}, {bench.workers} workers, {_order_label(bench.order, bench.seed)}",
                          lambda: _keep(ingests, "ingest_2", measure_ingest(ordered, bench.scratch / "bench-2.db",
                                                                            bench.workers)))
    t["startup"] = _step(log, "start-up (median of 5)", lambda: measure_startup(bench))
    log(f"profile over {min(bench.profile_n, n)} articles ...")
    profile = profile_stages(articles[:bench.profile_n])
    rss = peak_rss_mb()
    numbers = _numbers(t, n, ingests, profile, rss)
    first, last = ingests["ingest_1"].tenth(last=False), ingests["ingest_1"].tenth(last=True)
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": f"python -m marsad.bench --n {bench.n} --workers {bench.workers} --profile-n {bench.profile_n} "
                   f"--repeat {bench.repeat} --order {bench.order} --seed {bench.seed}",
        "corpus": str(bench.source.resolve()),
        "machine": {**machine(), "load_before": load_before, "load_after": _load()},
        "commit": _git_commit(),
        "articles": n,
        "characters": sum(len(a.text) for a in articles),
        "workers": bench.workers,
        "order": bench.order,
        "seed": bench.seed,
        "timings": {k: {"wall_s": round(v.wall, 3), "cpu_s": round(v.cpu, 3)} for k, v in t.items()},
        "ingest_tenths": {"first_articles": first.articles, "last_articles": last.articles,
                          "first_mean_chars": round(first.mean_chars), "last_mean_chars": round(last.mean_chars),
                          bench.order: {"first": first.as_dict(), "last": last.as_dict()},
                          other: {"first": ingests["ingest_other"].tenth(last=False).as_dict(),
                                  "last": ingests["ingest_other"].tenth(last=True).as_dict()}},
        "ingest_store_s": {key: {"store": round(run_.store_s, 3), "extract_or_wait": round(run_.extract_s, 3)}
                           for key, run_ in ingests.items()},
        "numbers": {k: round(v, 3) for k, v in numbers.items()},
        "peak_rss_mb": rss,
        "targets": {x.key: {"label": x.label, "limit": x.limit, "at_least": x.at_least,
                            "value": round(numbers[x.key], 3), "pass": x.passes(numbers[x.key])} for x in TARGETS},
        "profile": profile,
    }


def _again(article: Article) -> Article:
    """The same text as another article (a URL and an id of its own): extraction costs the same, and the
    store takes it as new."""
    from dataclasses import replace

    return replace(article, id=f"{article.id}-again", url=f"https://bench.invalid/again/{article.id}")


def _keep(runs: dict[str, IngestRun], key: str, result: IngestRun) -> Timing:
    runs[key] = result
    return result.timing


def _warm() -> None:
    """Load the lexicons and the gazetteer in this process before the in-process ingest is timed."""
    from marsad.parallel import warm

    warm()


def _numbers(t: dict[str, Timing], n: int, ingests: dict[str, IngestRun], profile: dict[str, Any],
             rss: dict[str, float]) -> dict[str, float]:
    ingest, other = ingests["ingest_1"], ingests["ingest_other"]
    first, last = ingest.tenth(last=False), ingest.tenth(last=True)
    other_first, other_last = other.tenth(last=False), other.tenth(last=True)
    full, empty = first.articles / t["ingest_full"].wall, first.articles / t["ingest_empty"].wall
    return {
        "ingest_rate_again_full": full,
        "ingest_rate_again_empty": empty,
        "ingest_full_vs_empty": full / empty,
        "extract_rate_1": n / t["extract_1"].wall,
        "extract_rate_1_cpu": n / t["extract_1"].cpu,
        "extract_rate_2": n / t["extract_2"].wall,
        "speedup_2": t["extract_1"].wall / t["extract_2"].wall,
        "pool_cpu_overhead": t["extract_2"].cpu / t["extract_1"].cpu,
        "ingest_rate_1": n / t["ingest_1"].wall,
        "ingest_rate_1_cpu": n / t["ingest_1"].cpu,
        "ingest_rate_first_tenth": first.rate,
        "ingest_rate_last_tenth": last.rate,
        "ingest_last_vs_first": _ratio(last.rate, first.rate),
        "ingest_chars_last_vs_first": _ratio(last.char_rate, first.char_rate),
        "ingest_cpu_last_vs_first": _ratio(last.cpu_rate, first.cpu_rate),
        "ingest_store_ms_first_tenth": first.store_ms,
        "ingest_store_ms_last_tenth": last.store_ms,
        "ingest_other_rate_first_tenth": other_first.rate,
        "ingest_other_rate_last_tenth": other_last.rate,
        "ingest_other_last_vs_first": _ratio(other_last.rate, other_first.rate),
        "ingest_other_chars_last_vs_first": _ratio(other_last.char_rate, other_first.char_rate),
        "ingest_other_store_ms_first_tenth": other_first.store_ms,
        "ingest_other_store_ms_last_tenth": other_last.store_ms,
        "ingest_rate_other": n / t["ingest_other"].wall,
        "ingest_rerun_rate": n / t["ingest_rerun"].wall,
        "ingest_rate_2": n / t["ingest_2"].wall,
        "ingest_speedup_2": t["ingest_1"].wall / t["ingest_2"].wall,
        "ingest_store_share_1": _ratio(ingest.store_s, t["ingest_1"].wall),
        "ingest_store_share_2": _ratio(ingests["ingest_2"].store_s, t["ingest_2"].wall),
        "bare_rate": n / t["bare"].cpu,
        "extract_vs_bare": t["extract_1"].cpu / t["bare"].cpu,
        "pipeline_vs_bare": (profile["cpu_s"] / profile["articles"]) / (t["bare"].cpu / n),
        "startup_s": t["startup"].wall,
        "peak_rss_mb": max(rss.values()),
    }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _order_label(order: Order, seed: int) -> str:
    return f"shuffled (seed {seed})" if order == "shuffled" else "in file order"


def _extract_runs(bench: Bench, log: Callable[[str], None]) -> tuple[Timing, Timing]:
    """1 worker and ``bench.workers`` workers, alternately ``bench.repeat`` times; the fastest run of each
    (the one other processes on the machine disturbed least)."""
    one: list[Timing] = []
    many: list[Timing] = []
    for _ in range(bench.repeat):
        one.append(_step(log, "extract, 1 worker", lambda: measure_extract(bench, 1)))
        many.append(_step(log, f"extract, {bench.workers} workers", lambda: measure_extract(bench, bench.workers)))
    return min(one, key=lambda t: t.wall), min(many, key=lambda t: t.wall)


def _load() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _step(log: Callable[[str], None], label: str, fn: Callable[[], Timing]) -> Timing:
    log(f"{label} ...")
    timing = fn()
    rss = peak_rss_mb()
    log(f"{label}: {timing.wall:.2f} s wall, {timing.cpu:.2f} s CPU (peak RSS so far: this process "
        f"{rss['self']:.0f} MB, largest child {rss['children']:.0f} MB)")
    return timing


def _check_same_output(bench: Bench) -> None:
    one, many = bench.scratch / "events-1.jsonl", bench.scratch / f"events-{bench.workers}.jsonl"
    if one.read_bytes() != many.read_bytes():
        raise SystemExit(f"bench: {one.name} and {many.name} differ: results depend on the worker count")


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"python": platform.python_version(), "platform": platform.platform(),
                            "cores": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split()
        info["memory_gb"] = round(int(mem[mem.index("MemTotal:") + 1]) / 1e6, 1)
    except (OSError, ValueError):
        pass
    return info


def _git_commit() -> str:
    """The commit measured, ``+dirty`` when ``src/`` has uncommitted changes ("" outside a checkout)."""
    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False)
        except OSError:
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    return commit + ("+dirty" if commit and git("status", "--porcelain", "--", "src") else "")


def render(doc: dict[str, Any]) -> str:
    """The result as a text table (targets with PASS/FAIL, other numbers, then the stage profile)."""
    nums, m = doc["numbers"], doc["machine"]
    lines = [f"Marsad benchmark: {doc['articles']} distinct articles, ingested "
             f"{_order_label(doc['order'], doc['seed'])}; {m.get('cpu', '?')}, {m.get('cores')} cores, "
             f"Python {m['python']}; load average {m['load_before'][:1]} before, {m['load_after'][:1]} after", ""]
    lines.append(f"{'measure':<66} {'value':>10}   {'target':>8}  result")
    for x in TARGETS:
        value = nums[x.key]
        limit = f"{'≥' if x.at_least else '≤'} {x.limit:g}"
        lines.append(f"{x.label:<66} {value:>10,.2f}   {limit:>8}  {'PASS' if x.passes(value) else 'FAIL'}")
    extra = (
        ("extract, articles/s, 1 worker (wall time)", "extract_rate_1"),
        (f"extract, articles/s, {doc['workers']} workers (wall time)", "extract_rate_2"),
        (f"CPU time of the {doc['workers']}-worker run / the 1-worker run", "pool_cpu_overhead"),
        ("ingest, articles/s per CPU second (1 worker)", "ingest_rate_1_cpu"),
        (f"ingest, articles/s, 1 worker, {_order_label(_other(doc['order']), doc['seed'])}", "ingest_rate_other"),
        ("ingest, articles/s, the first tenth again (new URLs) into the full store", "ingest_rate_again_full"),
        ("ingest, articles/s, the same into an empty store", "ingest_rate_again_empty"),
        ("ingest again (all stored), articles/s", "ingest_rerun_rate"),
        (f"ingest, articles/s, {doc['workers']} workers (pool extracts while this process writes)",
         "ingest_rate_2"),
        ("share of the wall time this process spends on the store, 1 worker", "ingest_store_share_1"),
        (f"the same, {doc['workers']} workers", "ingest_store_share_2"),
        ("bare normalise+tokenise, articles/s", "bare_rate"),
        ("pipeline alone / bare (in-process profile, CPU)", "pipeline_vs_bare"),
    )
    lines += [f"{label:<66} {nums[key]:>10,.2f}" for label, key in extra]
    rss = doc["peak_rss_mb"]
    lines.append(f"{'peak RSS, MB: bench process / largest child':<66} {rss['self']:>4.0f} / {rss['children']:.0f}")
    return "\n".join([*lines, "", *_render_tenths(doc), "", *_render_profile(doc["profile"])])


def _other(order: Order) -> Order:
    return "file" if order == "shuffled" else "shuffled"


def _render_tenths(doc: dict[str, Any]) -> list[str]:
    """The first and last tenth of both 1-worker ingests: per article, per character, store per batch."""
    lines = [f"ingest by tenth, 1 worker   {'articles':>8} {'chars/art':>9} {'art/s':>7} {'kchar/s':>8} "
             f"{'store ms/batch':>14} {'merge ms/batch':>14}"]
    for order in (doc["order"], _other(doc["order"])):
        tenths = doc["ingest_tenths"][order]
        for which in ("first", "last"):
            x = tenths[which]
            label = f"{'shuffled' if order == 'shuffled' else 'file order'}, {which} tenth"
            lines.append(f"  {label:<25} {x['articles']:>8} {x['mean_chars']:>9} {x['articles_per_s']:>7.0f} "
                         f"{x['chars_per_s'] / 1000:>8.0f} {x['store_ms_per_batch']:>14.1f} "
                         f"{x['merge_ms_per_batch']:>14.1f}")
        last, first = tenths["last"], tenths["first"]
        lines.append(f"  {'':<25} last/first: {_ratio(last['articles_per_s'], first['articles_per_s']):.2f} × per "
                     f"article, {_ratio(last['chars_per_s'], first['chars_per_s']):.2f} × per character, "
                     f"{_ratio(last['articles_per_cpu_s'], first['articles_per_cpu_s']):.2f} × per CPU second, store "
                     f"{_ratio(last['store_ms_per_batch'], first['store_ms_per_batch']):.2f} × per batch")
    return lines


def _render_profile(profile: dict[str, Any]) -> list[str]:
    lines = [f"where extraction time goes ({profile['articles']} articles, {profile['seconds']:.2f} s, "
             f"{1000 * profile['seconds'] / profile['articles']:.2f} ms/article):"]
    for name, seconds in sorted(profile["stages_s"].items(), key=lambda kv: -kv[1]):
        share = profile["stages_share"][name]
        lines.append(f"  {name:<20} {seconds:8.2f} s  {100 * share:5.1f} %  {'#' * round(40 * share)}")
    if profile["gazetteer_share"] is not None:
        seconds, share = profile["gazetteer_s"], profile["gazetteer_share"]
        lines.append(f"  gazetteer lookups    {seconds:8.2f} s  {100 * share:5.1f} %  (part of the stages above: "
                     f"Gazetteer.{', .'.join(profile['gazetteer_methods'])})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5_000, help="articles of the corpus to measure on (default 5000)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    parser.add_argument("--profile-n", type=int, default=2_000, help="articles of the stage profile (default 2000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the two extract measurements this many times each, alternately, and keep the "
                             "fastest (default 1; more on a busy machine)")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES,
                        help="distinct articles, JSONL or JSONL.gz (default: ../shared/data/bench/articles.jsonl.gz "
                             "next to the repository)")
    parser.add_argument("--order", choices=ORDERS, default="shuffled",
                        help="order of the ingest measurements: the file's articles shuffled with --seed (default; "
                             "first and last tenth are then samples of the same corpus) or as in the file; a "
                             "1-worker ingest in the other order is reported beside it")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the shuffled order (default {SEED})")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"result file (default {DEFAULT_JSON})")
    parser.add_argument("--keep", type=Path, help="keep the scratch files (corpus, outputs, db) in this directory")
    args = parser.parse_args(argv)
    if min(args.n, args.workers, args.profile_n, args.repeat) < 1:
        parser.error("--n, --workers, --profile-n and --repeat must be positive")

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    scratch = Path(tempfile.mkdtemp(prefix="marsad-bench-")) if args.keep is None else args.keep
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        doc = run(Bench(args.n, args.profile_n, args.workers, args.repeat, scratch, args.articles, args.order,
                        args.seed), log)
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render(doc))
    print(f"\n(written to {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
