"""Shared fixtures: the shipped dataset, and small hand-built datasets written to a temp folder."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from graph import build_graph, load_dataset

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SEEDS = REPO / "seeds"

DOCUMENT = (
    "Alice Example, the chair of the Example Council, is the sister of Bob Example. "
    "On 5 January 2022 Alice dismissed Carol Sample. According to Dan Critic, Bob Example took bribes. "
    "Carol “the quiet one” Sample – a former deputy – met Bob in 2021.\n"
)


def write_dataset(root: Path, files: dict[str, str], documents: dict[str, str] | None = None) -> Path:
    """Write a dataset under ``root`` (``data/`` with the shipped vocabulary, ``seeds/``); return the data folder.

    ``files`` maps data file names to YAML text (dedented); ``documents`` maps document ids to text.
    """
    documents = {"doc": DOCUMENT} if documents is None else documents
    data, seeds = root / "data", root / "seeds"
    data.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "schema.yaml", data / "schema.yaml")
    for name, text in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(textwrap.dedent(text), encoding="utf-8")
    entries = []
    for doc_id, text in documents.items():
        (seeds / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        entries.append(f"  - id: {doc_id}\n    file: {doc_id}.txt\n    title: The {doc_id} document\n")
    (seeds / "sources.yaml").write_text("documents:\n" + "".join(entries), encoding="utf-8")
    return data


SMALL_ACTORS = """\
actors:
  - id: alice
    name: Alice Example
    kind: person
    aliases: [Alice]
    description: Chair of the Example Council.
  - id: bob
    name: Bob Example
    kind: person
    description: Alice's brother.
  - id: carol
    name: Carol Sample
    kind: person
    aliases: [Carol]
    description: A former deputy.
  - id: dan
    name: Dan Critic
    kind: person
    description: A critic.
  - id: council
    name: Example Council
    kind: government_body
    description: A council.
"""


@pytest.fixture
def small_data(tmp_path) -> Path:
    """A valid five-actor dataset citing :data:`DOCUMENT`; returns its data folder."""
    return write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": """\
        relations:
          - from: alice
            to: bob
            type: sibling_of
            sources: [{document: doc, quote: "is the sister of Bob Example"}]
          - from: alice
            to: council
            type: heads
            role: Chair
            end: "2022-01-05"
            sources: [{document: doc, quote: "Alice Example, the chair of the Example Council"}]
          - from: alice
            to: carol
            type: dismissed
            date: "2022-01-05"
            sources: [{document: doc, quote: "On 5 January 2022 Alice dismissed Carol Sample."}]
          - from: dan
            to: bob
            type: accused
            status: alleged
            claimed_by: dan
            sources: [{document: doc, quote: "According to Dan Critic, Bob Example took bribes."}]
          - from: carol
            to: bob
            type: met_with
            date: "2021"
            sources: [{document: doc, quote: 'Carol "the quiet one" Sample - a former deputy - met Bob in 2021.'}]
        """})


@pytest.fixture(scope="session")
def shipped_dataset():
    return load_dataset(DATA, SEEDS)


@pytest.fixture(scope="session")
def shipped_graph(shipped_dataset):
    return build_graph(shipped_dataset)
