"""Process hygiene: no worker outlives its run, whatever signal ends it, and Ctrl-C is one line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import assert_no_traceback, marsad_command

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")]

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "articles.jsonl"


def _archive(tmp_path: Path, copies: int = 12) -> Path:
    """The dev articles repeated with fresh ids and urls: enough work to be interrupted."""
    lines = DEV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "archive.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}-{copy}"
                record["url"] = f"https://hygiene.example/{copy}/{record['id']}"
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _default_sigint() -> None:
    """A shell's background job starts with SIGINT ignored, and Python then installs no Ctrl-C handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_ingest(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    args = marsad_command("ingest", str(_archive(tmp_path)), "--db", f"sqlite:///{tmp_path / 's.db'}",
                          "--workers", "2", "--no-progress")
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_default_sigint)  # as from a terminal, even when pytest runs as a background job
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        assert proc.poll() is None, proc.communicate()
        workers = _children(proc.pid)
        time.sleep(0.2)
    assert len(workers) >= 2, "the ingest never started its workers"
    time.sleep(1.0)  # let the workers get into the extraction
    return proc, workers


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_workers_die_with_their_parent(tmp_path: Path, sig: signal.Signals) -> None:
    proc, workers = _start_ingest(tmp_path)
    os.kill(proc.pid, sig)
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], f"workers left behind after {sig.name}"


def test_ctrl_c_ends_with_one_line_and_exit_130(tmp_path: Path) -> None:
    proc, workers = _start_ingest(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does: the whole foreground group
    out, err = proc.communicate(timeout=60)
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    assert_no_traceback(done)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "Aborted."
    assert not [w for w in workers if _alive(w)]
