"""A kind's shape must be one the page can draw: vis-network shapes that need no image or icon font.
That every allowed shape renders in a real browser is in test_browser.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import load_dataset
from graph.errors import DataError
from graph.load import SHAPES
from graph.render.records import LABEL_INSIDE

from .conftest import SMALL_ACTORS, write_dataset


def shapes_dataset(root: Path, shapes=SHAPES) -> Path:
    """A dataset with one kind per shape in ``shapes`` and one actor of each, related in a chain."""
    ids = [f"shape-{shape.lower()}" for shape in shapes]
    sentences = [f"The {a} actor met the {b} actor." for a, b in zip(ids, ids[1:])]
    data = write_dataset(root, {
        "actors.yaml": "actors:\n" + "".join(
            f"  - {{id: {i}, name: {shape}, kind: {i.replace('-', '_')}, description: Drawn as {shape}.}}\n"
            for i, shape in zip(ids, shapes)),
        "relations.yaml": "relations:\n" + "".join(
            f"  - {{from: {a}, to: {b}, type: met_with, sources: [{{document: doc, quote: '{s}'}}]}}\n"
            for a, b, s in zip(ids, ids[1:], sentences)),
    }, {"doc": " ".join(sentences) + "\n"})
    kinds = "".join(f'  {i.replace("-", "_")}: {{label: {shape}, color: "#4e79a7", shape: {shape}}}\n'
                    for i, shape in zip(ids, shapes))
    schema = data / "schema.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace("kinds:\n", "kinds:\n" + kinds, 1), encoding="utf-8")
    return data


def test_every_drawable_shape_is_accepted(tmp_path):
    kinds = load_dataset(shapes_dataset(tmp_path)).schema.kinds
    assert {kind.shape for kind in kinds.values()} >= set(SHAPES)


def test_the_page_draws_labels_inside_only_drawable_shapes():
    assert LABEL_INSIDE <= set(SHAPES)


@pytest.mark.parametrize(("shape", "hint"), [("image", "; did you mean 'triangle'?"),
                                             ("circularImage", "; did you mean 'circle'?"),
                                             ("Triangle", "; did you mean 'triangle'?"), ("icon", ""), ("custom", "")])
def test_a_shape_the_page_cannot_draw_is_one_located_error(tmp_path, shape, hint):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS})
    schema = data / "schema.yaml"
    text = schema.read_text(encoding="utf-8")
    old = "person: {label: Person, color: \"#4e79a7\", shape: dot"
    schema.write_text(text.replace(old, old.replace("dot", shape)), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    column = len(text.splitlines()[line - 1].split("shape: ")[0]) + len("shape: ") + 1
    with pytest.raises(DataError) as raised:
        load_dataset(data)
    # one problem, at the shape: the kind is kept, so its actors are not reported as of an unknown kind
    assert [str(p) for p in raised.value.problems] == [
        f"{schema}:{line}:{column}: shape {shape!r} cannot be drawn (the page has no images or icons): "
        f"use one of {', '.join(SHAPES)}{hint}"]
