"""Every filled field of every extracted event has evidence, and the evidence supports the field.

Run over all dev articles: a span must lie inside the article, and its words must say what the
field says — the trigger words are event cues, an actor span names that actor, a location span
names that place, a date span is a time expression that resolves to the date, a toll span holds
a casualty word.  A field that rests on a codebook rule instead of words is listed in ``basis``.
"""

from __future__ import annotations

from marsad.doc import Doc
from marsad.extract.actors import region_of, resolve
from marsad.extract.analyse import analyse
from marsad.extract.time import find_times
from marsad.model import Article
from marsad.text.normalise import fold, normalise


def _analysed(text: str, published) -> Doc:  # type: ignore[no-untyped-def]
    doc = Doc(article=Article("span", text, published=published), norm=normalise(text))
    analyse(doc)
    return doc


def _categories(doc: Doc) -> set[str]:
    return {m.payload.category for m in doc.entries}


def _names_actor(text: str, actor: str, country: str, admin1: str, article_doc: Doc) -> bool:
    """Whether the span names ``actor`` ("the militants" are the article's main rebel group)."""
    span = _analysed(text, None)
    region = region_of(country, admin1)
    for m in span.entries:
        if m.payload.category in ("actor", "generic"):
            found = resolve(m.payload, region, article_doc)
            if found is not None and found.name == actor:
                return True
    return False


def test_every_filled_field_has_supporting_evidence(dev_docs):
    checked = 0
    for article, _gold, doc in dev_docs:
        for event in doc.events:
            if not event.location.admin1:
                continue  # not printed unless asked (--include-unlocated)
            record = event.to_record()
            ev, basis = record["evidence"], record.get("basis", {})
            text = article.text
            for spans in ev.values():
                for s, e in spans:
                    assert 0 <= s < e <= len(text), (article.id, s, e)
            # trigger: event cue words
            assert ev.get("trigger"), (article.id, record)
            for s, e in ev["trigger"]:
                assert "cue" in _categories(_analysed(text[s:e], None)), (article.id, text[s:e])
            # actors: the span names the actor (or the codebook default is declared)
            for field in ("actor1", "actor2"):
                if not record[field]:
                    continue
                assert ev.get(field), (article.id, field, record)
                if field in basis:
                    continue
                assert any(_names_actor(text[s:e], record[field], record["country"], record["admin1"], doc)
                           for s, e in ev[field]), (article.id, field, record[field], [text[s:e] for s, e in ev[field]])
            # place: the span names the place as written
            if record["admin1"]:
                assert ev.get("location"), (article.id, record)
                names = {fold(text[s:e]) for s, e in ev["location"]}
                assert fold(record["location_ar"]) in names, (article.id, record["location_ar"], names)
            # date: a time expression that resolves to the event date (or its statement's day)
            if "event_date" in basis and basis["event_date"].startswith("publication"):
                assert article.published is not None and record["event_date"] == article.published.isoformat()
            else:
                assert ev.get("date"), (article.id, record)
                for s, e in ev["date"]:
                    span_doc = _analysed(text[s:e], article.published)
                    find_times(span_doc)
                    assert span_doc.times, (article.id, text[s:e])
            # tolls: a casualty word of the right kind
            for field, kinds in (("fatalities", {"killed", "combined"}), ("injured", {"wounded", "combined"})):
                if record[field] and field not in basis:
                    assert ev.get(field), (article.id, field, record)
                    labels = {m.payload.label for s, e in ev[field]
                              for m in _analysed(text[s:e], None).entries if m.payload.category == "casualty"}
                    assert labels & kinds, (article.id, field, [text[s:e] for s, e in ev[field]])
            checked += 1
    assert checked > 100
