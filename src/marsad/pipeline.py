"""The extraction pipeline: one explicit, ordered table of named stages.

Each stage is a small ``Doc -> None`` callable that reads the layers earlier stages set
and adds its own (see :mod:`marsad.doc`).  :func:`extract_events` is what the CLI, the
store, the API and the Dask runner call.

    source → Article → [analyse → frames → places → toll → time → mentions → consolidate → notes] → Events
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from marsad.doc import Doc
from marsad.extract.analyse import screen_and_analyse
from marsad.extract.consolidate import consolidate
from marsad.extract.frames import find_frames
from marsad.extract.mentions import build_mentions
from marsad.extract.notes import write_notes
from marsad.extract.places import find_places
from marsad.extract.time import find_times
from marsad.extract.toll import find_tolls
from marsad.model import Article, Event
from marsad.text.normalise import normalise

Stage = Callable[[Doc], None]

#: The stages, in order.  Each may rely on the layers of the stages before it.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("analyse", screen_and_analyse),  # tokens, sentences, lexicon matches (only tokens without a trigger word)
    ("frames", find_frames),  # clause frames: predicate, agent, patient, obliques
    ("places", find_places),  # toponyms resolved against the gazetteer
    ("toll", find_tolls),  # killed / wounded counts
    ("time", find_times),  # time expressions and their dates
    ("mentions", build_mentions),  # one event mention per reporting clause
    ("consolidate", consolidate),  # mentions of one incident → one event
    ("notes", write_notes),  # English notes per event
)


@dataclass(slots=True)
class Pipeline:
    """An ordered list of named stages; ``Pipeline()`` is the default one."""

    stages: tuple[tuple[str, Stage], ...] = field(default=STAGES)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def run(self, article: Article) -> Doc:
        """Run every stage on one article and return the finished document."""
        doc = Doc(article=article, norm=normalise(article.text))
        for _, stage in self.stages:
            stage(doc)
            if doc.finished:  # e.g. no word of the article can report an event
                break
        return doc

    def extract(self, article: Article, include_unlocated: bool = False) -> list[Event]:
        """The events of one article (those placed at least at governorate level, unless asked)."""
        events = self.run(article).events
        if include_unlocated:
            return events
        return [e for e in events if e.location.admin1]


@cache
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract_events(article: Article, include_unlocated: bool = False) -> list[Event]:
    """Extract the coded events of one article with the default pipeline."""
    return default_pipeline().extract(article, include_unlocated=include_unlocated)


def extract_all(articles: Iterable[Article], include_unlocated: bool = False) -> Iterator[tuple[Article, list[Event]]]:
    """Extract every article in turn (serial; see :mod:`marsad.parallel` for workers)."""
    pipeline = default_pipeline()
    for article in articles:
        yield article, pipeline.extract(article, include_unlocated=include_unlocated)
