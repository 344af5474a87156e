"""Time every export format, and ``actorgraph add``'s check, on the shipped data and a synthetic dataset.

Usage::

    python scripts/bench_export.py [--actors 20000 --relations 100000]

Prints seconds per format (best of 3) and the size of each output. Numbers are recorded in
docs/exports.md.
"""
from __future__ import annotations

import argparse
import runpy
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph import build_graph, load_dataset  # noqa: E402
from graph.dataset import Dataset  # noqa: E402
from graph.edit import add_actor  # noqa: E402
from graph.export import FORMATS  # noqa: E402


def best_of(runs: int, func):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def size(rendered) -> int:
    texts = rendered.values() if isinstance(rendered, dict) else [rendered]
    return sum(len(text.encode("utf-8")) for text in texts)


def bench(label: str, data_dir: Path) -> None:
    graph = build_graph(load_dataset(data_dir))
    print(f"{label}: {graph.number_of_nodes():,} actors, {graph.number_of_edges():,} relations")
    for fmt in FORMATS.values():
        seconds, rendered = best_of(3, lambda: fmt.render(graph))
        print(f"  {fmt.name:<10} {seconds:7.2f} s  {size(rendered) / 2**20:7.1f} MiB")
    seconds, _ = best_of(1, lambda: add_actor(Dataset(data_dir), name="Bench Mark", kind="person", description="x",
                                              dry_run=True))
    print(f"  add actor (dry run: choose file, check whole dataset) {seconds:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=100_000)
    args = parser.parse_args()
    bench("shipped data", REPO / "data")
    generate = runpy.run_path(str(REPO / "scripts" / "synthetic.py"))["generate"]
    with tempfile.TemporaryDirectory() as tmp:
        bench("synthetic", generate(Path(tmp), actors=args.actors, relations=args.relations, seed=1))


if __name__ == "__main__":
    main()
