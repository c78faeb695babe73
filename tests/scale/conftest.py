"""Fixtures of the scale tests: the dev set, the CLI as a subprocess, the serial reference output."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "articles.jsonl"

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def run_marsad(*args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``marsad ARGS`` in a fresh interpreter (stdout and stderr captured: stderr is not a terminal)."""
    done = subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"marsad {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
    return done


@pytest.fixture(scope="session")
def dev_path() -> Path:
    return DEV


@pytest.fixture(scope="session")
def dev_lines() -> list[str]:
    """The dev articles file, one JSON line per article."""
    return DEV.read_text(encoding="utf-8").splitlines(keepends=True)


@pytest.fixture(scope="session")
def serial_jsonl() -> str:
    """``marsad extract --workers 1`` on the dev set: the reference every other run must equal."""
    out = run_marsad("extract", str(DEV), "--workers", "1").stdout
    assert out.count("\n") > 50, "the dev set should give many events"
    return out


def records(jsonl: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in jsonl.splitlines()]
