"""The progress bar shows articles/s and ETA on a terminal, and nothing anywhere else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import marsad.progress
from marsad.progress import Progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(marsad.progress, "DELAY", 0.0)
    monkeypatch.setattr(marsad.progress, "REFRESH", 0.0)
    monkeypatch.setenv("TERM", "xterm")


def test_bar_on_a_terminal_shows_rate_and_eta(no_delay: None) -> None:
    screen = FakeTerminal()
    with Progress(total=40, label="extract", stream=screen) as bar:
        for _ in range(40):
            bar.advance()
    text = screen.getvalue()
    assert "articles/s" in text and "ETA" in text and "40/40" in text


def test_bar_is_silent_when_the_stream_is_not_a_terminal(no_delay: None) -> None:
    captured = io.StringIO()
    with Progress(total=40, stream=captured) as bar:
        for _ in range(40):
            bar.advance()
    assert captured.getvalue() == ""
    assert bar.done == 40


def test_no_progress_silences_a_terminal(no_delay: None) -> None:
    screen = FakeTerminal()
    with Progress(total=5, stream=screen, enabled=False) as bar:
        bar.advance(5)
    assert screen.getvalue() == ""


def test_cli_stderr_has_no_progress_when_captured(dev_path: Path, tmp_path: Path, no_delay: None,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    main(["extract", str(dev_path), "--workers", "1"])
    main(["ingest", str(dev_path), "--db", str(tmp_path / "m.db"), "--workers", "1"])
    err = capsys.readouterr().err
    assert "ETA" not in err and "\x1b[" not in err
    lines = err.splitlines()  # extract's note on events without a known place, ingest's summary
    assert len(lines) == 2 and "--include-unlocated" in lines[0] and lines[1].startswith("sqlite:")


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_draws_the_bar_on_a_terminal(command: str, dev_path: Path, tmp_path: Path, no_delay: None,
                                         monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    screen = FakeTerminal()
    monkeypatch.setattr("sys.stderr", screen)
    extra = ["--db", str(tmp_path / "m.db")] if command == "ingest" else []
    main([command, str(dev_path), "--workers", "1", *extra])
    assert "articles/s" in screen.getvalue() and "ETA" in screen.getvalue()
    assert "125/125" in screen.getvalue()
