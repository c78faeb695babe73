#!/usr/bin/env python
"""Measure the geocoder: gazetteer load time, and find_toponyms + resolve_toponyms per article.

Usage: ``python scripts/profile_geo.py [ARTICLES.jsonl] [--repeat N]``
(default: the dev articles, ``/work/shared/data/dev/articles.jsonl``, or ``tests/corpus/dev``).
Each article is read as codebook §8 defines it (title + blank line + text); normalising and
tokenising are done before the clock starts, as the pipeline does them once for all stages.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = (Path("/work/shared/data/dev/articles.jsonl"), ROOT / "tests" / "corpus" / "dev" / "articles.jsonl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the articles (best is reported)")
    args = parser.parse_args(argv)
    path = args.articles or next((p for p in CANDIDATES if p.exists()), None)
    if path is None:
        print("no articles file found; give one", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    from marsad.geo.gazetteer import Gazetteer

    t1 = time.perf_counter()
    gz = Gazetteer.load()
    t2 = time.perf_counter()
    from marsad.geo.cues import load_place_cues
    from marsad.geo.resolve import resolve_toponyms
    from marsad.geo.toponyms import find_toponyms
    from marsad.text.normalise import normalise
    from marsad.text.tokens import tokenise

    load_place_cues()
    t3 = time.perf_counter()

    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            norm = normalise(f"{a.get('title') or ''}\n\n{a.get('text') or ''}")
            docs.append((norm, tokenise(norm.text)))
    chars = sum(len(n.text) for n, _ in docs)

    passes = []
    toponyms = 0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        toponyms = 0
        for norm, tokens in docs:
            found = find_toponyms(norm.text, tokens, gz)
            resolve_toponyms(found, norm, gz)
            toponyms += len(found)
        passes.append(time.perf_counter() - start)
    best = min(passes)
    print(f"gazetteer: {len(gz)} places; import {t1 - t0:.3f} s, load {t2 - t1:.3f} s, cues {t3 - t2:.3f} s")
    print(f"articles: {len(docs)} ({chars:,} chars), {toponyms} toponyms")
    print(f"find+resolve: best {best:.3f} s, median {statistics.median(passes):.3f} s over {len(passes)} passes;"
          f" {1000 * best / len(docs):.2f} ms/article, {len(docs) / best:.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
