"""The disk cache of built tables: reused while its inputs are unchanged, rebuilt when they change, and
never in the way (an unwritable or damaged cache only means building)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad import cache, lexicon
from marsad.text.normalise import normalise
from marsad.text.tokens import tokenise


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data.toml"
    path.write_text("words = ['هجوم']\n", encoding="utf-8")
    return path


class Builder:
    """Counts its builds; the table is the data file's text."""

    def __init__(self, path: Path) -> None:
        self.path, self.builds = path, 0

    def __call__(self) -> dict[str, str]:
        self.builds += 1
        return {"text": self.path.read_text(encoding="utf-8")}


def _use(monkeypatch: pytest.MonkeyPatch, folder: Path | str) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(folder))


def test_a_second_process_reads_the_table_instead_of_building_it(tmp_path, data, monkeypatch):
    _use(monkeypatch, tmp_path / "cache")
    build = Builder(data)
    first = cache.cached("table", [data], build)
    again = cache.cached("table", [data], build)
    assert first == again == {"text": "words = ['هجوم']\n"}
    assert build.builds == 1
    assert len(list((tmp_path / "cache").glob("table-*.pickle"))) == 1


def test_a_changed_data_file_is_never_read_from_a_stale_cache(tmp_path, data, monkeypatch):
    _use(monkeypatch, tmp_path / "cache")
    build = Builder(data)
    cache.cached("table", [data], build)
    data.write_text("words = ['غارة']\n", encoding="utf-8")
    assert cache.cached("table", [data], build) == {"text": "words = ['غارة']\n"}
    assert build.builds == 2
    data.write_text("words = ['هجوم']\n", encoding="utf-8")  # back to the first version: its file is still good
    assert cache.cached("table", [data], build) == {"text": "words = ['هجوم']\n"}
    assert build.builds == 2


def test_a_change_to_the_code_makes_a_new_key(tmp_path, data, monkeypatch):
    source = tmp_path / "pkg"
    source.mkdir()
    (source / "loader.py").write_text("X = 1\n")
    monkeypatch.setattr(cache, "_PACKAGE", source)
    before = cache.fingerprint([data])
    (source / "loader.py").write_text("X = 2\n")
    assert cache.fingerprint([data]) != before


def test_only_the_latest_files_of_a_table_are_kept(tmp_path, data, monkeypatch):
    _use(monkeypatch, tmp_path / "cache")
    monkeypatch.setattr(cache, "KEEP", 2)
    build = Builder(data)
    for word in ("أ", "ب", "ت", "ث"):
        data.write_text(word, encoding="utf-8")
        cache.cached("table", [data], build)
    assert len(list((tmp_path / "cache").glob("table-*.pickle"))) == 2


def test_an_unwritable_cache_directory_only_means_building(tmp_path, data, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    _use(monkeypatch, blocker / "cache")  # a directory under a file cannot be made, whoever runs the test
    build = Builder(data)
    assert cache.cached("table", [data], build) == cache.cached("table", [data], build)
    assert build.builds == 2


def test_an_empty_setting_turns_the_cache_off(tmp_path, data, monkeypatch):
    _use(monkeypatch, "")
    monkeypatch.chdir(tmp_path)
    build = Builder(data)
    cache.cached("table", [data], build)
    cache.cached("table", [data], build)
    assert build.builds == 2
    assert list(tmp_path.rglob("*.pickle")) == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None])
def test_a_damaged_or_foreign_cache_file_is_rebuilt(tmp_path, data, monkeypatch, damage):
    _use(monkeypatch, tmp_path / "cache")
    build = Builder(data)
    cache.cached("table", [data], build)
    (path,) = (tmp_path / "cache").glob("table-*.pickle")
    if damage is None:
        os.chmod(path, 0o666)  # others may write it: not trusted
    else:
        path.write_bytes(damage)
    assert cache.cached("table", [data], build) == {"text": "words = ['هجوم']\n"}
    assert build.builds == 2


def test_cached_lexicons_find_what_freshly_built_ones_find(tmp_path, monkeypatch):
    _use(monkeypatch, tmp_path / "cache")
    text = normalise("قتل ثلاثة جنود وأصيب آخرون بهجوم شنه مسلحون على حاجز للجيش في ريف إدلب أمس").text
    tokens = tokenise(text)
    results = []
    for _ in range(3):  # built and written, read back, and built again without the cache
        lexicon.load_lexicons.cache_clear()
        lex = lexicon.load_lexicons()
        results.append(([(m.first, m.last, m.payload) for m in lex.matcher.find(text, tokens)], lex.words,
                        lex.actors, lex.verbs.forms if lex.verbs else None))
        if len(results) == 2:
            _use(monkeypatch, "")
    lexicon.load_lexicons.cache_clear()
    assert list((tmp_path / "cache").glob("lexicons-*.pickle"))
    assert results[0] == results[1] == results[2]
    assert results[0][0]


@pytest.mark.parametrize("entry", [
    lexicon.Entry("cue", "قتل"),
    lexicon.Entry("actor", "الجيش", ("a", 1)),
    lexicon.Entry("month", "تموز", 7),
])
def test_a_lexicon_entry_comes_back_from_its_pickle_equal_and_frozen(entry):
    """Entries are pickled as a constructor call (faster to read back than a slotted dataclass's state)."""
    import dataclasses
    import pickle

    back = pickle.loads(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == entry and hash(back) == hash(entry) and type(back) is lexicon.Entry
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.label = "x"  # type: ignore[misc]
