"""Reading inputs for long runs: a large JSONL file is streamed in blocks of lines.

:func:`marsad.io.readers.iter_articles` reads each file whole (decoding and sniffing need the
bytes), which holds a 10 GB archive file in memory several times over.  :func:`iter_inputs`
reads a ``.jsonl`` file larger than :data:`STREAM_ABOVE` in blocks of whole lines of about
:data:`BLOCK` bytes and hands each block to the readers' own :func:`read_document`, so the
records, defaults and errors are those of ``iter_articles`` (error line numbers are counted
from the start of the file), with memory bounded by the block size.  Everything else (other
kinds, directories, other stdin, URLs, a JSON array) goes to ``iter_articles`` unchanged.
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.model import Article

ErrorHandler = Callable[[InputError], None]

STREAM_ABOVE = 32 * 1024 * 1024
BLOCK = 4 * 1024 * 1024
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def iter_inputs(inputs: Iterable[str], published: date | None = None,
                on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """The articles of ``inputs`` as :func:`iter_articles` gives them, large JSONL files streamed."""
    from marsad.io.readers import iter_articles

    for source in inputs:
        path = Path(source)
        if source == "-" and (stdin := _jsonl_stdin()) is not None:
            yield from _jsonl_blocks(stdin, "<stdin>", published, on_error)
        elif _streamable(source, path):
            try:
                f = open(path, "rb")  # noqa: SIM115 (closed by the with below; a generator)
            except OSError as exc:
                _report(on_error, InputError(str(path), f"cannot read: {exc.strerror or exc}"))
                continue
            with f:
                yield from _jsonl_blocks(f, str(path), published, on_error)
        else:
            yield from iter_articles([source], published=published, on_error=on_error)


def _streamable(source: str, path: Path) -> bool:
    """A local ``.jsonl`` file above the size limit, one object per line, in a byte encoding."""
    if source == "-" or "://" in source or path.suffix.lower() != ".jsonl":
        return False
    try:
        if not path.is_file() or path.stat().st_size <= STREAM_ABOVE:
            return False
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False  # iter_articles reports it
    return not head.startswith(_WIDE_BOMS) and head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] != b"["


def _jsonl_stdin() -> io.BufferedReader | None:
    """Standard input when it holds JSONL (one object per line, first byte ``{``), else ``None``."""
    stream = getattr(sys.stdin, "buffer", None)
    if not isinstance(stream, io.BufferedReader):
        return None
    head = stream.peek(4096)[:4096]
    return stream if head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"{" else None


def _jsonl_blocks(f: BinaryIO, where: str, published: date | None,
                  on_error: ErrorHandler | None) -> Iterator[Article]:
    from marsad.io.readers import read_document

    lines_before = 0
    while block := f.read(BLOCK) + f.readline():
        if block.strip():
            shifted = _Shifted(on_error, lines_before)
            try:
                yield from read_document(block, where, None, published, shifted, kind="jsonl")
            except InputError as exc:
                if exc is shifted.last:  # the handler chose to stop
                    raise
                shifted(exc)  # raised by read_document itself (e.g. a block that cannot be decoded)
        lines_before += block.count(b"\n")


class _Shifted:
    """Reports an error of a block with its line number counted from the start of the file."""

    def __init__(self, on_error: ErrorHandler | None, offset: int) -> None:
        self.on_error = on_error
        self.offset = offset
        self.last: InputError | None = None

    def __call__(self, error: InputError) -> None:
        line = error.line + self.offset if error.line is not None else None
        self.last = InputError(error.where, error.problem, line)
        _report(self.on_error, self.last)


def _report(on_error: ErrorHandler | None, error: InputError) -> None:
    if on_error is None:
        raise error
    on_error(error)
