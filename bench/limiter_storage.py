"""Benchmark: the cost of one rate-limit hit in each storage the app can use.

A limited request (sign-in start, creating or retrying a reading, the shop search) makes one
hit per limit it has (sign-in starts have two). This times ``FixedWindowRateLimiter.hit``
the way Flask-Limiter calls it, on:

- ``memory://`` (per process: what the app used before issue 18, wrong with several workers),
- ``tarot-sqlite://`` (tarot/rate_limits.py, a file the host's workers share), in one
  process and in several processes hitting the same file at once,
- ``redis://`` when REDIS_URL is set (shared between hosts).

    python bench/limiter_storage.py [--hits 5000] [--processes 1,2,4] [--folder /dev/shm]
"""

import argparse
import multiprocessing
import os
import statistics
import tempfile
import time
from pathlib import Path

from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

import tarot.rate_limits  # noqa: F401 - registers tarot-sqlite://

ITEM = RateLimitItemPerMinute(10**9)  # never refuses: every hit is a full increment


def time_hits(uri, hits, key):
    """Microseconds per hit: (median of 5 batches, all hits)."""
    limiter = FixedWindowRateLimiter(storage_from_string(uri))
    limiter.hit(ITEM, key)  # connect and create outside the timing
    batches = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(hits // 5):
            limiter.hit(ITEM, key)
        batches.append((time.perf_counter() - started) / (hits // 5) * 1e6)
    return statistics.median(batches)


def _worker(uri, hits, key, results, start):
    start.wait()
    results.put(time_hits(uri, hits, key))


def concurrent(uri, processes, hits, same_key):
    """Each process times its own hits while the others hit too; returns their medians."""
    context = multiprocessing.get_context("spawn")
    results, start = context.Queue(), context.Event()
    workers = [
        context.Process(target=_worker, args=(uri, hits, "ip" if same_key else f"ip{n}", results, start))
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    start.set()
    figures = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join()
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hits", type=int, default=5000)
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--folder", default=None, help="where the SQLite file goes (default: a temporary folder)")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        sqlite = f"tarot-sqlite://{Path(folder) / 'ratelimits.sqlite'}"
        print(f"memory://          1 process : {time_hits('memory://', args.hits, 'ip'):8.1f} µs/hit")
        if os.environ.get("REDIS_URL"):
            print(f"redis://           1 process : {time_hits(os.environ['REDIS_URL'], args.hits, 'bench-ip'):8.1f} µs/hit")
        for count in (int(n) for n in args.processes.split(",")):
            for same_key in (True, False):
                figures = concurrent(sqlite, count, args.hits, same_key)
                keys = "one key  " if same_key else "own keys "
                print(f"tarot-sqlite {count} process(es), {keys}: "
                      f"{statistics.median(figures):8.1f} µs/hit (each: {', '.join(f'{f:.0f}' for f in figures)})")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
