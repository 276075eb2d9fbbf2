"""Benchmark of ``stats-trend`` (DESIGN §7, issue 16): 8 quarters of the 10,000-client store.

Run: ``nice python -m benchmarks.trend`` (builds the cached store of ``benchmarks.run`` if missing).
Target: ≤ 3 s for the JSON trend of 8 quarters (cell-key method), sign-in excluded.
"""

from __future__ import annotations

import argparse
import statistics as stats
import time

from benchmarks.run import PASSWORD, TODAY, USER, cached_store
from benchmarks.sql_floor import statistics_floor
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.statistics import Period
from jmd_desk.services import accounts, statistics
from jmd_desk.store.keyfile import KdfPolicy

FIRST, LAST = "2024-Q4", "2026-Q3"
TARGET_SECONDS = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    store, info = cached_store(args.clients, rebuild=False)
    session = accounts.sign_in(store, USER, PASSWORD, clock=FixedClock(TODAY), policy=KdfPolicy())
    try:
        rows = []
        for fmt in ("json", "pdf"):
            samples = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                statistics.trend_export(session, FIRST, LAST, fmt)
                samples.append(time.perf_counter() - start)
            rows.append((fmt, stats.median(samples), max(samples)))
        floor = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            statistics_floor(session, Period.quarter(LAST))
            floor.append(time.perf_counter() - start)
    finally:
        session.close()
    print(f"store: {info['clients']:.0f} clients, {info['cases']:.0f} cases, {info['contacts']:.0f} contacts")
    for fmt, median, worst in rows:
        met = "yes" if worst <= TARGET_SECONDS else "NO"
        print(f"stats-trend {FIRST}..{LAST} ({fmt}): median {median:.2f} s, worst {worst:.2f} s, ≤ 3 s: {met}")
    # The machine's speed at the time: the hand-written SQL of one quarter (README: 0.74 s unloaded).
    print(f"SQL floor of one quarter: median {stats.median(floor):.2f} s")


if __name__ == "__main__":
    main()
