"""Benchmark: ``actorgraph path`` from the command line, and path queries on a large graph.

Usage::

    python scripts/bench_query.py [--runs 10] [--pairs 100] [--actors 20000] [--relations 100000] [--skip-large]

(a) Command line, shipped data: the wall time of ``python -m graph path A B``, with the graph
    cache (graph/cache.py) warm and with it off, against ``python -c "import networkx, yaml,
    click"`` (the imports any run needs); each the median of ``--runs`` runs, the three
    interleaved so that machine load hits them alike. Target: the ratio is at most 1.5.
(b) Large graph: a synthetic dataset from ``scripts/synthetic.py`` is loaded once, then
    :func:`graph.paths.find_paths` is timed for ``--pairs`` random pairs of actor ids, with no
    filters, ``--as-of``, ``--reported-only`` and ``--directed``; also ``-k 3`` and name
    resolution. Target: a path query takes under 100 ms.

Prints a Markdown report to stdout (pasted into docs/queries.md); progress goes to stderr.
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import resource
import runpy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASELINE = [sys.executable, "-c", "import networkx, yaml, click"]
PATH_COMMAND = [sys.executable, "-m", "graph", "path", "kairat-satybaldy", "kassym-jomart-tokayev"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall(command: list[str], cache: str = "off") -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``command``."""
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "ACTORGRAPH_CACHE": cache})
    return time.perf_counter() - start, _cpu() - cpu


def bench_command_line(runs: int) -> list[str]:
    say(f"command line: {runs} runs each")
    with tempfile.TemporaryDirectory() as cache:
        commands = {"baseline": (BASELINE, "off"), "cold": (PATH_COMMAND, "off"), "warm": (PATH_COMMAND, cache)}
        for command, cache_dir in commands.values():  # warm the file cache, the bytecode and the graph cache
            wall(command, cache_dir)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, cache_dir) in commands.items():
                times[name].append(wall(command, cache_dir))
    (base, base_cpu), (cold, cold_cpu), (warm, warm_cpu) = (
        (statistics.median(t for t, _ in times[name]), statistics.median(c for _, c in times[name]))
        for name in commands)
    path = "`python -m graph path kairat-satybaldy kassym-jomart-tokayev`"
    return ["| command | median wall time | ratio | median CPU time | ratio |", "|---|---|---|---|---|",
            f"| `python -c \"import networkx, yaml, click\"` | {base * 1000:.0f} ms | 1 "
            f"| {base_cpu * 1000:.0f} ms | 1 |",
            f"| {path}, graph cache warm | {warm * 1000:.0f} ms | **{warm / base:.2f}** | {warm_cpu * 1000:.0f} ms "
            f"| {warm_cpu / base_cpu:.2f} |",
            f"| {path}, `ACTORGRAPH_CACHE=off` | {cold * 1000:.0f} ms | {cold / base:.2f} | {cold_cpu * 1000:.0f} ms "
            f"| {cold_cpu / base_cpu:.2f} |",
            "", f"Target: wall-time ratio at most 1.5. Median of {runs} runs each, the three interleaved; CPU time "
                "(user + system) is shown too because, unlike wall time, it hardly depends on what else the "
                "machine is running."]


def _resolve(graph, name: str) -> None:
    from graph.errors import ActorGraphError
    from graph.names import resolve_actor

    try:
        resolve_actor(graph, name)
    except ActorGraphError:  # synthetic names repeat; resolving one is what is timed
        pass


def _time(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_large(actors: int, relations: int, pairs: int) -> list[str]:
    from graph import build_graph, load_dataset
    from graph.errors import NotFoundError
    from graph.filters import Filters, user_date
    from graph.paths import find_paths

    generate = runpy.run_path(str(REPO / "scripts" / "synthetic.py"))["generate"]
    with tempfile.TemporaryDirectory() as tmp:
        say(f"generating {actors} actors, {relations} relations")
        data = generate(tmp, actors=actors, relations=relations, seed=1)
        say("loading")
        start = time.perf_counter()
        graph = build_graph(load_dataset(data))
        load_seconds = time.perf_counter() - start
    gc.freeze()  # as the query commands do once the graph is loaded
    rng = random.Random(1)
    ends = [tuple(rng.sample(sorted(graph), 2)) for _ in range(pairs)]
    rows = ["| query | median | 90th percentile | max | max CPU time | paths found |", "|---|---|---|---|---|---|"]

    def attempt(**options):
        def run(a, b):
            try:
                find_paths(graph, a, b, **options)
                return 1
            except NotFoundError:
                return 0
        return run

    cases = [("no filters", attempt()), ("`--as-of 2010`", attempt(filters=Filters(as_of=user_date("2010")))),
             ("`--reported-only`", attempt(filters=Filters(reported_only=True))),
             ("`--directed`", attempt(directed=True)), ("`--all-shortest`", attempt(all_shortest=True)),
             ("`-k 3`", attempt(k=3))]
    for label, run in cases:
        say(f"timing {label}")
        times, cpu_times, found = [], [], 0
        for a, b in ends:
            start, cpu = time.perf_counter(), time.process_time()
            found += run(a, b)
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu)
        p90 = statistics.quantiles(times, n=10)[-1]
        rows.append(f"| {label} | {statistics.median(times) * 1000:.1f} ms | {p90 * 1000:.1f} ms | "
                    f"{max(times) * 1000:.1f} ms | {max(cpu_times) * 1000:.1f} ms | {found}/{pairs} |")
    say("timing name resolution")
    by_name = statistics.median(_time(lambda: _resolve(graph, graph.nodes[a]["name"].upper())) for a, _ in ends[:5])
    return [f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} relations (loaded and built once in "
            f"{load_seconds:.1f} s); {pairs} random pairs of actor ids:", "", *rows, "",
            f"Resolving a typed name rather than an id builds the name index first: {by_name * 1000:.0f} ms."]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--skip-large", action="store_true", help="only the command-line benchmark")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start\n")
    print("\n".join(bench_command_line(args.runs)))
    if not args.skip_large:
        print()
        print("\n".join(bench_large(args.actors, args.relations, args.pairs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
