"""The pipeline: its stages in order, and the early finish of articles that cannot report an event."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.doc import Doc
from marsad.evaluation import load_gold
from marsad.extract.analyse import analyse, screen_and_analyse
from marsad.model import Article
from marsad.pipeline import STAGES, Pipeline, default_pipeline
from marsad.text.normalise import normalise

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"
TRAIN = DEV.parent / "train"


def test_stages_run_in_the_documented_order():
    assert default_pipeline().names == ["analyse", "frames", "places", "toll", "time", "mentions", "consolidate",
                                        "notes"]


def test_an_article_without_a_trigger_word_finishes_after_analysis():
    doc = default_pipeline().run(Article("t", "افتتح وزير التربية مدرسة جديدة في مدينة الموصل اليوم."))
    assert doc.finished and doc.tokens and not doc.places and not doc.events


def test_finishing_early_never_changes_the_events():
    """Every dev article the pipeline finishes early gives no event when all stages run on a full analysis."""
    finished = 0
    for article, _ in load_gold(DEV):
        if not default_pipeline().run(article).finished:
            continue
        finished += 1
        doc = Doc(article=article, norm=normalise(article.text))
        analyse(doc)  # every layer, whatever the screen would say
        for _, stage in STAGES[1:]:
            stage(doc)
        assert doc.events == [], article.id
    assert finished >= 10  # the dev set has such articles (22 % of them when this was written)


@pytest.mark.parametrize("corpus", [DEV, TRAIN])
def test_the_trigger_screen_finishes_exactly_the_articles_analysis_would(corpus):
    """The first stage skips the full analysis of an article with no trigger phrase at all; whatever it
    finishes, the full analysis finishes too (it runs the full analysis on the rest)."""
    skipped = 0
    for article, _ in load_gold(corpus):
        quick = Doc(article=article, norm=normalise(article.text))
        screen_and_analyse(quick)
        full = Doc(article=article, norm=normalise(article.text))
        analyse(full)
        assert quick.finished == full.finished, article.id
        skipped += quick.finished and not quick.sentences
    assert skipped > 0


def test_an_article_the_screen_passes_is_analysed_in_full():
    article = Article("t", "قتل شرطي بهجوم في كركوك اليوم.")
    doc = default_pipeline().run(article)
    full = Doc(article=article, norm=normalise(article.text))
    analyse(full)
    assert doc.tokens == full.tokens and doc.sentences == full.sentences and doc.entries == full.entries


def test_a_custom_pipeline_runs_only_its_stages():
    seen: list[str] = []
    pipeline = Pipeline(stages=(("analyse", STAGES[0][1]), ("spy", lambda doc: seen.append(doc.article.id))))
    pipeline.run(Article("a", "قتل شرطي بهجوم في كركوك اليوم."))
    assert seen == ["a"]
