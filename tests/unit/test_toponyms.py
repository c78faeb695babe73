"""Toponym recognition: spans, cues, lists, relations and roles (marsad.geo.toponyms)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from marsad.geo.resolve import geocode_text, resolve_toponyms
from marsad.geo.toponyms import Toponym, find_toponyms
from marsad.geo.translit import transliterate
from marsad.text.normalise import fold, normalise
from marsad.text.tokens import tokenise


def toponyms(text: str) -> tuple[str, list[Toponym]]:
    norm = normalise(text).text
    return norm, find_toponyms(norm, tokenise(norm))


def one(text: str, name: str) -> Toponym:
    norm, found = toponyms(text)
    hits = [t for t in found if t.name == fold(name)]
    assert len(hits) == 1, [t.name for t in found]
    return hits[0]


@pytest.mark.parametrize(("text", "name"), [
    ("هجوم بكركوك", "كركوك"), ("في البصرة وكركوك", "كركوك"), ("وصلت لمدينة الموصل", "الموصل"),
    ("وبالموصل", "الموصل"), ("للموصل", "موصل"),
])
def test_span_is_the_name_without_clitics(text: str, name: str) -> None:
    norm, found = toponyms(text)
    t = [t for t in found if fold(name) in t.name][0]
    assert norm[t.start:t.end] == t.name == fold(name)


def test_multiword_names_win_over_their_parts() -> None:
    norm, found = toponyms("اشتباكات في دير الزور وسليمان بيك وجرف الصخر")
    assert [t.name for t in found] == ["دير الزور", "سليمان بيك", "جرف الصخر"]
    assert all(t.last_token - t.first_token == 2 for t in found)


def test_spelling_variants_reach_the_same_place() -> None:
    for a, b in (("طوزخورماتو", "طوز خورماتو"), ("الموصل", "موصل"), ("عانة", "عنه"), ("كويسنجق", "كوي سنجق")):
        pa = {p.id for p in one(f"قضاء {a}", a).candidates}
        pb = {p.id for p in one(f"قضاء {b}", b).candidates}
        assert pa & pb, (a, b)


def test_cue_is_recorded_without_clitics() -> None:
    assert one("قتل جندي بمحافظة ديالى", "ديالى").cue == "محافظه"
    assert one("في قرية الزركة", "الزركة").cue == "قريه"
    assert one("في بلدة الرشاد", "الرشاد").cue == "بلده"


def test_unknown_names_after_a_plural_cue_form_a_list() -> None:
    norm, found = toponyms("قصفت الطائرات قرى طربا والكسيب والغيضة في ريف السويداء")
    names = [t.name for t in found]
    assert names[:3] == ["طربا", "الكسيب", "الغيضه"]
    assert all(t.cue == fold("قرى") for t in found[:3])
    assert norm[found[1].start:found[1].end] == "الكسيب"  # the list's و is not part of the name


@pytest.mark.parametrize("text", ["في منطقة حدودية", "قرى كردية شمالي العراق", "في مناطق متفرقة من البلاد",
                                  "مصنع للثلج", "في منطقة تعاني من نقص الخدمات"])
def test_words_after_a_cue_that_are_not_names(text: str) -> None:
    assert toponyms(text)[1] == []


@pytest.mark.parametrize(("text", "name", "relation"), [
    ("انفجار قرب الموصل", "الموصل", "near"), ("على بعد 20 كم جنوب كركوك", "كركوك", "near"),
    ("بالقرب من مدينة تكريت", "تكريت", "near"), ("في أطراف قضاء طوز خورماتو", "طوز خورماتو", "near"),
    ("في الموصل", "الموصل", "in"), ("جنوبي محافظة كركوك", "كركوك", "in"), ("غربي الأنبار", "الانبار", "in"),
])
def test_relation(text: str, name: str, relation: str) -> None:
    assert one(text, name).relation == relation


def test_parent_links_child_to_parent() -> None:
    norm, found = toponyms("اشتباكات في ناحية العباسي التابعة لقضاء الحويجة")
    child, parent = found
    assert child.parent_token == parent.first_token and parent.role == "parent" and child.role == "event"


def test_precision_follows_kind_relation_and_cue() -> None:
    def precision(text: str, name: str) -> int:
        rp = [r for r in geocode_text(text) if r.toponym.name == fold(name)][0]
        assert rp.location is not None
        return rp.location.geo_precision

    assert precision("في مدينة كركوك", "كركوك") == 1
    assert precision("في محافظة كركوك", "كركوك") == 3
    assert precision("قرب كركوك", "كركوك") == 2
    assert precision("في قضاء الحويجة", "الحويجة") == 2
    assert precision("في مطار النجف", "النجف") == 2


def test_bare_capital_name_follows_the_document() -> None:
    def kind(text: str) -> str:
        placed = [r for r in geocode_text(text) if r.toponym.name == "البصره"]
        assert placed[-1].place is not None
        return placed[-1].place.kind

    assert kind("تظاهرات في البصرة") == "city"
    assert kind("وصل الوزير إلى محافظة البصرة. وتظاهر المئات في البصرة") == "governorate"
    assert kind("وصل الوزير إلى محافظة البصرة. وتظاهر المئات في مدينة البصرة. وفي البصرة") == "city"


def test_location_name_ar_keeps_the_original_spelling() -> None:
    rp = geocode_text("هجومٌ في مدينةِ أربيل")[0]
    assert rp.toponym.name == "اربيل" and rp.location is not None and rp.location.name_ar == "أربيل"
    rp = geocode_text("قصف على ناحية القيّارة")[0]
    assert rp.location is not None and rp.location.name_ar == "القيّارة"
    norm = normalise("هجوم في الموصل")
    found = find_toponyms(norm.text, tokenise(norm.text))
    assert resolve_toponyms(found, norm.text)[0].location.name_ar == "الموصل"  # type: ignore[union-attr]


def test_ranked_candidates_are_sorted() -> None:
    rp = [r for r in geocode_text("في سنجار") if r.toponym.name == "سنجار"][0]
    scores = [s for _, s in rp.ranked]
    assert scores == sorted(scores, reverse=True) and rp.place == rp.ranked[0][0]


def test_transliteration() -> None:
    assert transliterate("الزركة") == "Al-Zarka"
    assert transliterate("طربا") == "Tarba"
    assert transliterate("هجين") == "Hajin"


def test_geocode_command_reads_stdin_and_prints_json() -> None:
    if shutil.which("marsad") is None:
        pytest.skip("the marsad command is not installed")
    done = subprocess.run(["marsad", "geocode", "--json", "-"], input="انفجار في قرية الزركة بأطراف طوز خورماتو",
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout.splitlines()[0])
    assert first["location"]["admin1"] == "Salah al-Din" and first["location"]["location"] == "Al-Zarka"
    done = subprocess.run(["marsad", "geocode", "في بلدة الرشاد بمحافظة كركوك"], capture_output=True, text=True)
    assert "Al-Rashad" in done.stdout and "precision 1" in done.stdout
