"""Scoring extracted events against gold files, exactly as codebook §8 defines it.

Within one article a predicted event may match a gold event when their admin1 agree and
their dates are within one day (dates are ignored where the article has no published
date); among the possible pairings the one with the most matches is taken, ties broken
by event_type, then location.  Each gold event matches at most one prediction.  Scores:
event precision, recall and F1; over matched pairs, the accuracy of each field; and the
false-alarm rate, the share of event-free articles given at least one event.

"Same location" means the same place name (Arabic as written, or English), or points
within 10 km; a gold record carries no coordinates, so its place is looked up in the
gazetteer by its Arabic name within its governorate.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.geo.distance import haversine_km
from marsad.model import Article
from marsad.text.normalise import fold

FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities", "injured")
LOCATION_KM = 10.0
_PLACE_PREFIXES = ("مدينه ", "بلده ", "قريه ", "ناحيه ", "قضاء ", "محافظه ", "منطقه ", "حي ", "مركز ")

Extractor = Callable[[Article], list[dict[str, Any]]]


@dataclass(slots=True)
class ArticleResult:
    """Gold and predicted records of one article and how they matched."""

    article: Article
    gold: list[dict[str, Any]]
    predicted: list[dict[str, Any]]
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)


@dataclass(slots=True)
class Report:
    """The scores of one evaluation run."""

    results: list[ArticleResult]
    field_correct: Counter[str] = field(default_factory=Counter)
    #: field agreements of matched pairs by the gold event's country ("" when it has none)
    country_correct: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def n_gold(self) -> int:
        return sum(len(r.gold) for r in self.results)

    @property
    def n_predicted(self) -> int:
        return sum(len(r.predicted) for r in self.results)

    @property
    def n_matched(self) -> int:
        return sum(len(r.pairs) for r in self.results)

    @property
    def precision(self) -> float:
        return self.n_matched / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.n_matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def event_free(self) -> list[ArticleResult]:
        return [r for r in self.results if not r.gold]

    @property
    def false_alarm_rate(self) -> float:
        free = self.event_free
        return sum(1 for r in free if r.predicted) / len(free) if free else 0.0

    def field_accuracy(self, name: str) -> float:
        return self.field_correct[name] / self.n_matched if self.n_matched else 0.0

    def missed_reasons(self) -> Counter[str]:
        return Counter(reason for _, _, reason in self.missed())

    def missed(self) -> list[tuple[ArticleResult, dict[str, Any], str]]:
        """Every gold event without a match, with why: a prediction left unmatched that has another
        governorate (same day ±1) or another date (same governorate), or none at all."""
        out = []
        for r in self.results:
            matched = {g for g, _ in r.pairs}
            unmatched = [p for pi, p in enumerate(r.predicted) if pi not in {p for _, p in r.pairs}]
            for gi, gold in enumerate(r.gold):
                if gi not in matched:
                    out.append((r, gold, _miss_reason(gold, unmatched, r.article.published)))
        return out

    def spurious(self) -> list[tuple[ArticleResult, dict[str, Any]]]:
        out: list[tuple[ArticleResult, dict[str, Any]]] = []
        for r in self.results:
            matched = {p for _, p in r.pairs}
            out.extend((r, pred) for pi, pred in enumerate(r.predicted) if pi not in matched)
        return out

    def summary(self) -> dict[str, Any]:
        """The scores as one JSON-ready object."""
        return {
            "articles": len(self.results),
            "gold_events": self.n_gold,
            "predicted_events": self.n_predicted,
            "matched": self.n_matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {name: round(self.field_accuracy(name), 4) for name in FIELDS},
            "event_free_articles": len(self.event_free),
            "false_alarm_rate": round(self.false_alarm_rate, 4),
            "missed_by_reason": dict(sorted(self.missed_reasons().items())),
            "by_country": self.country_summary(),
        }

    def country_summary(self) -> dict[str, dict[str, Any]]:
        """Recall, field accuracy and governorate misses over the gold events of each country."""
        gold: Counter[str] = Counter()
        matched: Counter[str] = Counter()
        other_governorate: Counter[str] = Counter()
        for r in self.results:
            paired = {g for g, _ in r.pairs}
            for gi, event in enumerate(r.gold):
                country = event.get("country") or ""
                gold[country] += 1
                matched[country] += gi in paired
        for _, event, reason in self.missed():
            other_governorate[event.get("country") or ""] += reason == "other governorate"
        return {country: {
            "gold_events": gold[country],
            "recall": round(matched[country] / gold[country], 4),
            "fields": {name: round(self.country_correct.get(country, Counter())[name] / matched[country], 4)
                       if matched[country] else 0.0 for name in FIELDS},
            "lost_to_other_governorate": round(other_governorate[country] / gold[country], 4),
        } for country in sorted(gold)}


def load_gold(directory: Path) -> list[tuple[Article, list[dict[str, Any]]]]:
    """Read ``articles.jsonl`` and ``gold.jsonl`` of a gold directory (codebook §8)."""
    articles_path, gold_path = directory / "articles.jsonl", directory / "gold.jsonl"
    for path in (articles_path, gold_path):
        if not path.is_file():
            raise InputError(str(path), "missing (a gold directory holds articles.jsonl and gold.jsonl)")
    gold: dict[str, list[dict[str, Any]]] = {}
    for n, row in _jsonl(gold_path):
        if "id" not in row or not isinstance(row.get("events"), list):
            raise InputError(str(gold_path), "each line needs an id and an events list", line=n)
        gold[row["id"]] = row["events"]
    out = []
    for n, row in _jsonl(articles_path):
        try:
            published = date.fromisoformat(row["published"]) if row.get("published") else None
            article = Article.from_parts(row["id"], row.get("title") or "", row["text"], published,
                                         row.get("outlet", ""), row.get("url", ""))
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(str(articles_path), f"bad article record ({exc})", line=n) from exc
        if article.id not in gold:
            raise InputError(str(gold_path), f"no gold line for article {article.id}")
        out.append((article, gold[article.id]))
    return out


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not valid JSON ({exc.msg})", line=n) from exc
            if not isinstance(row, dict):
                raise InputError(str(path), "each line must be a JSON object", line=n)
            yield n, row


def evaluate(items: list[tuple[Article, list[dict[str, Any]]]], extractor: Extractor,
             coordinates: Callable[[dict[str, Any]], tuple[float, float] | None] | None = None) -> Report:
    """Run ``extractor`` on every article and score it against the gold events."""
    report = Report(results=[])
    for article, gold in items:
        predicted = extractor(article)
        result = ArticleResult(article, gold, predicted)
        result.pairs = match(gold, predicted, article.published, coordinates)
        for gi, pi in result.pairs:
            by_country = report.country_correct.setdefault(gold[gi].get("country") or "", Counter())
            for name in FIELDS:
                if field_agrees(name, gold[gi], predicted[pi], coordinates):
                    report.field_correct[name] += 1
                    by_country[name] += 1
        report.results.append(result)
    return report


def _day(record: dict[str, Any]) -> date | None:
    value = record.get("event_date")
    return date.fromisoformat(value) if value else None


def _may_match(gold: dict[str, Any], pred: dict[str, Any], published: date | None) -> bool:
    if gold.get("admin1") != pred.get("admin1"):
        return False
    if published is None:
        return True
    g, p = _day(gold), _day(pred)
    return g is not None and p is not None and abs((g - p).days) <= 1


def match(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], published: date | None,
          coordinates: Callable[[dict[str, Any]], tuple[float, float] | None] | None = None) -> list[tuple[int, int]]:
    """The pairing with the most matches, ties broken by event_type, then location (then exact date)."""
    if not gold or not predicted:
        return []
    n = max(len(gold), len(predicted))
    weight = [[0.0] * n for _ in range(n)]
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if _may_match(g, p, published):
                weight[gi][pi] = (1000.0 + 100.0 * (g.get("event_type") == p.get("event_type"))
                                  + 10.0 * field_agrees("location", g, p, coordinates)
                                  + 1.0 * (g.get("event_date") == p.get("event_date")))
    assignment = _max_weight_assignment(weight)
    return [(gi, pi) for gi, pi in enumerate(assignment)
            if gi < len(gold) and pi < len(predicted) and weight[gi][pi] > 0]


def _max_weight_assignment(weight: list[list[float]]) -> list[int]:
    """Hungarian algorithm (O(n³)) on a square matrix; returns the column of each row."""
    n = len(weight)
    top = max((w for row in weight for w in row), default=0.0)
    cost = [[top - w for w in row] for row in weight]
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], math.inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    result = [0] * n
    for j in range(1, n + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


def field_agrees(name: str, gold: dict[str, Any], pred: dict[str, Any],
                 coordinates: Callable[[dict[str, Any]], tuple[float, float] | None] | None = None) -> bool:
    """Whether a predicted field agrees with the gold one (location: same place or ≤ 10 km)."""
    if name == "location":
        return same_location(gold, pred, coordinates)
    if name in ("fatalities", "injured"):
        return int(gold.get(name) or 0) == int(pred.get(name) or 0)
    return (gold.get(name) or "") == (pred.get(name) or "")


def _place_key(name: str) -> str:
    key = fold(name or "")
    for prefix in _PLACE_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in key.replace("-", " ").split())


def _english_key(name: str) -> str:
    words = "".join(c.lower() if c.isalnum() else " " for c in name or "").split()
    return " ".join(w for w in words if w not in ("al", "el", "ad", "ar", "as", "az"))


def same_location(gold: dict[str, Any], pred: dict[str, Any],
                  coordinates: Callable[[dict[str, Any]], tuple[float, float] | None] | None = None) -> bool:
    """Same place by Arabic or English name, or within 10 km."""
    if gold.get("location_ar") and _place_key(gold["location_ar"]) == _place_key(pred.get("location_ar", "")):
        return True
    if gold.get("location") and _english_key(gold["location"]) == _english_key(pred.get("location", "")):
        return True
    if coordinates is None or pred.get("latitude") is None:
        return False
    point = coordinates(gold)
    if point is None:
        return False
    return haversine_km(point, (pred["latitude"], pred["longitude"])) <= LOCATION_KM


def _miss_reason(gold: dict[str, Any], predicted: list[dict[str, Any]], published: date | None) -> str:
    g = _day(gold)

    def near(p: dict[str, Any]) -> bool:
        d = _day(p)
        return published is None or (g is not None and d is not None and abs((g - d).days) <= 1)

    if any(near(p) and p.get("admin1") != gold.get("admin1") for p in predicted):
        return "other governorate"
    if any(p.get("admin1") == gold.get("admin1") and not near(p) for p in predicted):
        return "other date"
    return "none"
