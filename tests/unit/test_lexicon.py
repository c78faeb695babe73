"""The lexicon loader checks the knowledge files and names the file and the entry it rejects."""

from __future__ import annotations

from typing import Any

import pytest

from marsad import lexicon
from marsad.errors import DataFileError
from marsad.text.tokens import tokenise


def _load_with(monkeypatch: pytest.MonkeyPatch, name: str, change: Any) -> None:
    """Load the lexicons with ``change`` applied to the parsed ``name``.toml."""
    real = lexicon._read

    def patched(file: str) -> tuple[str, dict[str, Any]]:
        path, data = real(file)
        if file == name:
            change(data)
        return path, data

    monkeypatch.setattr(lexicon, "_read", patched)
    lexicon.load_lexicons.cache_clear()
    try:
        lexicon.load_lexicons()
    finally:
        lexicon.load_lexicons.cache_clear()


def test_a_default_naming_an_unknown_actor_is_rejected(monkeypatch):
    def change(data: dict[str, Any]) -> None:
        data["defaults"]["shelling"]["SYR"] = "Military Forces of Atlantis"

    with pytest.raises(DataFileError, match=r"actors\.toml.*defaults 'shelling'.*Atlantis"):
        _load_with(monkeypatch, "actors", change)


def test_a_nationality_adjective_needs_the_force_nouns(monkeypatch):
    with pytest.raises(DataFileError, match=r"actors\.toml.*forces"):
        _load_with(monkeypatch, "actors", lambda data: data.pop("forces"))


def test_the_defaults_and_the_force_phrases_are_loaded():
    lex = lexicon.load_lexicons()
    assert lex.defaults["arrests"]["IRQ-KR"] == "Police Forces of the Kurdistan Region"
    text = "شن الطيران الحربي التركي غارات"
    found = lex.matcher.find(text, tokenise(text))
    assert any(m.payload.category == "actor" and m.payload.label == "Military Forces of Turkey" for m in found)
