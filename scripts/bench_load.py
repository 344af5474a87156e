"""Benchmark: validating and building a large dataset, against a bare libyaml parse of the same files.

Usage::

    python scripts/bench_load.py [--dir DIR] [--actors 20000] [--relations 100000] [--runs 3] [--profile]

Generates a synthetic dataset with ``scripts/synthetic.py`` (into ``DIR`` when given and reused
there on later runs, else into a temporary folder), then times, as the fastest of ``--runs`` runs
(wall and CPU seconds; CPU time is steadier on a busy machine):

(a) ``yaml.load(text, Loader=yaml.CSafeLoader)`` of every file the loader reads (the vocabulary,
    ``sources.yaml`` and every data file), reading the files included; (a') the same with
    CPython's cycle collector paused, as ``load_dataset`` pauses it, for comparison;
(b) ``graph.load_dataset`` (reads the same files plus the documents, validates, checks quotes);
(c) ``graph.build_graph`` of that dataset, right after (b) in each run, so it pays for any
    garbage collection (b) left to do.

It prints the numbers and the ratio (b + c) / a; the target is at most 3. Exits 1 when the
ratio is over ``--max-ratio``. ``--profile`` prints the hottest functions of (b) and (c) to
stderr instead of timing. Progress goes to stderr.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import runpy
import sys
import tempfile
import time
from pathlib import Path

import yaml

from graph import build_graph, load_dataset
from graph.load import SCHEMA_FILE, SOURCES_FILE, data_files

generate = runpy.run_path(str(Path(__file__).with_name("synthetic.py")))["generate"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bare_parse(paths: list[Path]) -> None:
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def without_collector(action):
    """``action`` run with CPython's cycle collector paused, as load_dataset runs."""
    gc.disable()
    try:
        return action()
    finally:
        gc.enable()


def timed(action) -> tuple[float, float, object]:
    """Wall and CPU seconds taken by ``action()``, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def best(label: str, runs: int, action) -> tuple[float, float]:
    """Wall and CPU seconds of the fastest of ``runs`` calls of ``action``."""
    times = []
    for run in range(1, runs + 1):
        wall, cpu, _ = timed(action)
        times.append((wall, cpu))
        say(f"  {label} run {run}/{runs}: {wall:.2f} s ({cpu:.2f} s CPU)")
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, help="folder for the dataset, reused when it already has one")
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=None, help="default: one per 250 relations")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-ratio", type=float, default=3.0)
    parser.add_argument("--profile", action="store_true", help="profile (b) and (c) instead of timing")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as temp:
        root = args.dir or Path(temp)
        data, seeds = root / "data", root / "seeds"
        if (data / SCHEMA_FILE).is_file():
            say(f"reusing the dataset in {root}")
        else:
            say(f"generating {args.actors} actors, {args.relations} relations in {root}")
            start = time.perf_counter()
            generate(root, args.actors, args.relations, args.documents, args.seed)
            say(f"  generated in {time.perf_counter() - start:.1f} s")
        files = [data / SCHEMA_FILE, seeds / SOURCES_FILE, *data_files(data)]
        size = sum(f.stat().st_size for f in files)

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(lambda: build_graph(load_dataset(data, seeds)))
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
            return 0

        say("(a) bare yaml.load with CSafeLoader")
        bare = best("bare parse", args.runs, lambda: bare_parse(files))
        say("(a') the same with the cycle collector paused")
        paused = best("bare parse, collector paused", args.runs, lambda: without_collector(lambda: bare_parse(files)))
        say("(b) load_dataset then (c) build_graph, in each run")
        runs = []
        for run in range(1, args.runs + 1):
            dataset = graph = None  # so one run's objects do not weigh on the next
            *load, dataset = timed(lambda: load_dataset(data, seeds))
            *build, graph = timed(lambda: build_graph(dataset))
            runs.append((load, build))
            say(f"  run {run}/{args.runs}: load_dataset {load[0]:.2f} s, build_graph {build[0]:.2f} s "
                f"({load[1] + build[1]:.2f} s CPU)")
        load, build = min(runs, key=lambda run: run[0][0] + run[1][0])

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"PyYAML {yaml.__version__} (libyaml {yaml.__with_libyaml__})")
    print(f"dataset: {len(dataset.actors)} actors, {len(dataset.relations)} relations, {len(dataset.documents)} "
          f"documents, {len(files)} YAML files ({size / 2**20:.1f} MiB); graph {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges")
    print(f"{f'best of {args.runs} runs':<24}{'wall s':>8}{'CPU s':>8}")
    total = [load[i] + build[i] for i in (0, 1)]
    ratio = [total[i] / bare[i] for i in (0, 1)]
    rows = [("(a)  bare parse", bare), ("(a') bare parse, no GC", paused), ("(b)  load_dataset", load),
            ("(c)  build_graph", build), ("ratio (b+c)/(a)", ratio),
            ("ratio (b+c)/(a')", [total[i] / paused[i] for i in (0, 1)])]
    for label, (wall, cpu) in rows:
        print(f"{label:<24}{wall:8.2f}{cpu:8.2f}")
    print(f"target: (b+c)/(a) <= {args.max_ratio:g}")
    return 0 if ratio[0] <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
