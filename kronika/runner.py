"""Parallel analysis on the cores of one machine: ordered results, one model load per worker, time limits."""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, TimeoutError as FutureTimeout

from pebble import ProcessExpired, ProcessPool

from kronika.textio import Failure, Source

DEFAULT_TIMEOUT = 300.0  # seconds one document may take before its worker is stopped
# Local Dask workers: no statistical profiler (it samples the running task's Python stack every 10 ms),
# no aggressive malloc trimming (a system call storm for an allocation-heavy pure-Python pipeline), and
# slower housekeeping ticks (event-loop watchdog 20 ms -> 500 ms, memory check 100 ms -> 2 s, metrics 500 ms
# -> 5 s): each wakes the worker's event loop, which then waits for the analysing thread's GIL.
DASK_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "2s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.nanny.pre-spawn-environ": {
        "MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1,
    },
}
# A local cluster's workers are forked from the process that already holds the pipeline (no re-import, no second
# load), and a task whose worker dies fails at once instead of killing three more workers first.
LOCAL_CLUSTER_CONFIG = {"distributed.worker.multiprocessing-method": "fork", "distributed.scheduler.allowed-failures": 0}
TIMEOUT_TOPIC = "kronika-timeout"  # Dask event: a worker gave up on this document id
FAULTS_VARIABLE = "KRONIKA_TEST_FAULTS"  # test hook: "id:crash,id:hang" makes a worker fail on those ids


def _load_pipeline() -> None:
    from kronika.core import load

    load()


def _inject_fault(doc_id: str) -> None:
    faults = dict(item.split(":", 1) for item in os.environ.get(FAULTS_VARIABLE, "").split(",") if ":" in item)
    if faults.get(doc_id) == "crash":
        os._exit(3)
    if faults.get(doc_id) == "hang":
        time.sleep(3600)


def analyze_to_json(source: Source, tokens: bool = False) -> dict | Failure:
    """Analyse one source into its JSON object (runs inside a worker)."""
    from kronika.core import analyze_many

    _inject_fault(source.id)
    [result] = analyze_many([source])
    return result if isinstance(result, Failure) else result.to_json(tokens=tokens)


def analyze_parallel(
    sources: Iterable[Source | Failure], workers: int, tokens: bool = False, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[dict | Failure]:
    """JSON objects (or Failures) in input order; a document that crashes or hangs its worker becomes a Failure."""
    with ProcessPool(max_workers=workers, initializer=_load_pipeline) as pool:
        window: deque[tuple[Source | Failure, Future | None]] = deque()
        for source in sources:
            future = None if isinstance(source, Failure) else pool.schedule(
                analyze_to_json, args=(source, tokens), timeout=timeout
            )
            window.append((source, future))
            while len(window) > workers * 8:
                yield _result(*window.popleft(), timeout)
        while window:
            yield _result(*window.popleft(), timeout)


def _result(source: Source | Failure, future: Future | None, timeout: float) -> dict | Failure:
    if future is None:
        return source
    try:
        return future.result()
    except FutureTimeout:
        return Failure(source.id, f"analysis timed out after {timeout:g} s; worker restarted")
    except ProcessExpired as error:
        return Failure(source.id, f"worker crashed (exit code {error.exitcode}); worker restarted")
    except Exception as error:  # one bad document never stops a batch
        return Failure(source.id, f"analysis failed: {type(error).__name__}: {error}")


def analyze_json(
    sources: Iterable[Source | Failure], workers: int, scheduler: str | None = None, dask: bool = False,
    tokens: bool = False, timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[dict | Failure]:
    """JSON objects (or Failures) in input order: on a Dask cluster (`scheduler`, or `dask` for a local one)
    or on `workers` worker processes."""
    if scheduler or dask:
        return analyze_dask(sources, scheduler, workers, tokens=tokens, timeout=timeout)
    return analyze_parallel(sources, workers, tokens=tokens, timeout=timeout)


def analyze_dask(
    sources: Iterable[Source | Failure],
    scheduler: str | None = None,
    workers: int = 2,
    tokens: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    batch_size: int = 8,
) -> Iterator[dict | Failure]:
    """JSON objects in input order from a Dask cluster (`tcp://host:port`), or a local one of `workers` processes.

    Documents travel in batches. A batch whose worker dies (a crash, or a document past `timeout`, which
    ends its worker) is run again one document a task: a document that then kills its worker becomes a
    Failure, and every other document is analysed exactly once in the output.
    """
    import dask
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:  # local workers are forked from this process once it holds the pipeline
        _load_pipeline()
        with dask.config.set({**DASK_WORKER_CONFIG, **LOCAL_CLUSTER_CONFIG}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        window: deque = deque()
        for batch in _batches(sources, batch_size):
            window.append((batch, client.submit(_analyze_batch, batch, tokens, timeout, pure=False)))
            while len(window) > 4 * max(workers, 1):
                yield from _batch_results(client, *window.popleft(), tokens, timeout)
        while window:
            yield from _batch_results(client, *window.popleft(), tokens, timeout)
    if cluster is not None:
        cluster.close()


def _analyze_batch(batch: list[Source | Failure], tokens: bool, timeout: float) -> list[dict | Failure]:
    return [item if isinstance(item, Failure) else _analyze_within(item, tokens, timeout) for item in batch]


def _analyze_within(source: Source, tokens: bool, timeout: float) -> dict | Failure:
    """Inside a Dask worker: past `timeout` the document is reported to the scheduler and the worker process
    ends (its nanny starts a fresh one), since a hung analysis cannot be stopped any other way."""
    from distributed import get_worker

    watchdog = threading.Timer(timeout, _time_out, args=(get_worker(), source.id))
    watchdog.daemon = True
    watchdog.start()
    try:
        return analyze_to_json(source, tokens)
    finally:
        watchdog.cancel()


def _time_out(worker, doc_id: str) -> None:
    worker.log_event(TIMEOUT_TOPIC, doc_id)
    time.sleep(1.0)  # time for the event to reach the scheduler
    os._exit(4)


def _batch_results(client, batch: list[Source | Failure], future, tokens: bool, timeout: float) -> list:
    try:
        return future.result()
    except Exception:  # a worker died under it: one document a task
        return [item if isinstance(item, Failure) else _single_result(client, item, tokens, timeout)
                for item in batch]


def _single_result(client, source: Source, tokens: bool, timeout: float, attempts: int = 2) -> dict | Failure:
    """One document as a task of its own, ahead of the queued batches.

    A worker that dies under it is blamed on the document when the document ran out of time, or the
    second time (the first may have been another task's crash on the same worker).
    """
    from dask.distributed import KilledWorker

    try:
        return client.submit(_analyze_within, source, tokens, timeout, pure=False, priority=1).result()
    except KilledWorker:
        if any(message == source.id for _, message in client.get_events(TIMEOUT_TOPIC)):
            return Failure(source.id, f"analysis timed out after {timeout:g} s; worker restarted")
        if attempts > 1:
            return _single_result(client, source, tokens, timeout, attempts - 1)
        return Failure(source.id, "worker crashed on this document; worker restarted")
    except Exception as error:  # one bad document never stops a batch
        return Failure(source.id, f"analysis failed: {type(error).__name__}: {error}")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
