"""``--dask ADDRESS``: run extraction on an existing Dask cluster (``dask.distributed``).

The driver (the machine running ``marsad``) reads the input and sends chunks of articles to
the cluster with ``client.submit``; each worker process loads the lexicons and gazetteer
once (:func:`marsad.parallel.warm`, run on every worker when the client connects) and
returns the chunk's results, which :func:`marsad.parallel.ordered` puts back in input order.
With ``--format parquet --out DIR`` the workers write the partitions themselves, so DIR must
be a path every worker can write (a shared file system).  See ``docs/scale.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from marsad.errors import MarsadError
from marsad.parallel import Engine, warm

T = TypeVar("T")
INSTALL_HINT = "pip install 'marsad[dask]'  (or: pip install 'dask[distributed]')"


class DaskEngine(Engine):
    """A client of the Dask scheduler at ``address``; ``workers`` = threads across the cluster."""

    def __init__(self, address: str, timeout: float = 10.0) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise MarsadError(f"--dask needs dask.distributed, which is not installed: {INSTALL_HINT}") from None
        _check_address(address)
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            raise MarsadError(f"cannot reach the Dask scheduler at {address}: {_first_line(exc)}") from None
        try:
            self._prepare_workers(address, timeout)
        except BaseException:
            self.client.close()
            raise

    def _prepare_workers(self, address: str, timeout: float) -> None:
        """Wait for a worker, then make every worker load the tables (not in its first task)."""
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except (TimeoutError, OSError):
            raise MarsadError(f"the Dask cluster at {address} has no workers (start some: dask worker {address})"
                              ) from None
        try:
            self.client.run(warm)
        except Exception as exc:
            raise MarsadError(f"the Dask workers at {address} cannot run Marsad ({type(exc).__name__}: "
                              f"{_first_line(exc)}); they need a Python environment with marsad installed") from None
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable[..., T], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()


def _check_address(address: str) -> None:
    """A bad address fails here at once (a Client given one hangs while it closes)."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise MarsadError(f"--dask {address}: not a scheduler address ({_first_line(exc)}; "
                          "e.g. tcp://10.0.0.5:8786)") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
