"""The pipeline: its stages in order, and the early finish of articles that cannot report an event."""

from __future__ import annotations

from pathlib import Path

from marsad.doc import Doc
from marsad.evaluation import load_gold
from marsad.model import Article
from marsad.pipeline import STAGES, Pipeline, default_pipeline
from marsad.text.normalise import normalise

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"


def test_stages_run_in_the_documented_order():
    assert default_pipeline().names == ["analyse", "frames", "places", "toll", "time", "mentions", "consolidate",
                                        "notes"]


def test_an_article_without_a_trigger_word_finishes_after_analysis():
    doc = default_pipeline().run(Article("t", "افتتح وزير التربية مدرسة جديدة في مدينة الموصل اليوم."))
    assert doc.finished and doc.tokens and not doc.places and not doc.events


def test_finishing_early_never_changes_the_events():
    """Every dev article the pipeline finishes early gives no event when all stages run."""
    finished = 0
    for article, _ in load_gold(DEV):
        if not default_pipeline().run(article).finished:
            continue
        finished += 1
        doc = Doc(article=article, norm=normalise(article.text))
        for _, stage in STAGES:
            stage(doc)
        assert doc.events == [], article.id
    assert finished >= 10  # the dev set has such articles (22 % of them when this was written)


def test_a_custom_pipeline_runs_only_its_stages():
    seen: list[str] = []
    pipeline = Pipeline(stages=(("analyse", STAGES[0][1]), ("spy", lambda doc: seen.append(doc.article.id))))
    pipeline.run(Article("a", "قتل شرطي بهجوم في كركوك اليوم."))
    assert seen == ["a"]
