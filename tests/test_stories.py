"""Story files: checked against the graph with every problem located, never read as data, protected from -o,
covered by the editor schema, and carried by the page as Python computed them."""
from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from graph import build_graph, load_dataset
from graph.cli import cli
from graph.dataset import Dataset
from graph.errors import DataError, UsageError
from graph.render import build_page
from graph.storytext import parse

from .conftest import DATA, SEEDS, SMALL_ACTORS, write_dataset

RELATIONS = """\
    relations:
      - {from: alice, to: bob, type: sibling_of, sources: [{document: doc, quote: is the sister of Bob Example}]}
      - {from: alice, to: carol, type: dismissed, date: "2022-01-05",
         sources: [{document: doc, quote: On 5 January 2022 Alice dismissed Carol Sample.}]}
      - {from: carol, to: dan, type: met_with, date: "2021",
         sources: [{document: doc, quote: "Carol \\"the quiet one\\" Sample - a former deputy - met Bob in 2021."}]}
    """

GOOD = """\
title: Alice and her circle
steps:
  - title: Sisters and brothers
    text: |
      Alice is *Bob's* sister ([source](https://example.org/a)).
    actors: [alice, bob]
  - title: A dismissal
    as_of: "2022-01-05"
    path: [Alice, dan]
    focus: carol
    text: Alice dismissed Carol.
"""


def story_data(tmp_path, story: str, name: str = "circle.yaml"):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": RELATIONS})
    (data / "stories").mkdir()
    (data / "stories" / name).write_text(textwrap.dedent(story), encoding="utf-8")
    return data


def problems(tmp_path, story: str) -> list[str]:
    data = story_data(tmp_path, story)
    with pytest.raises(DataError) as caught:
        Dataset(data).stories(build_graph(load_dataset(data)))
    return [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]


def test_a_good_story_resolves_its_path_and_highlights_what_it_names(tmp_path):
    data = story_data(tmp_path, GOOD)
    graph = build_graph(load_dataset(data))
    [story] = Dataset(data).stories(graph)
    first, second = story.steps
    assert first.relations == ("alice/sibling_of/bob",) and set(first.actors) == {"alice", "bob"}
    assert first.text == [{"tag": "p", "children": ["Alice is ", {"tag": "em", "children": ["Bob's"]}, " sister (",
                                                    {"tag": "a", "href": "https://example.org/a", "children": ["source"]},
                                                    ")."]}]
    assert second.path == ("alice", "carol", "dan") and second.focus == "carol"
    assert second.relations == ("alice/dismissed/carol@2022-01-05", "carol/met_with/dan@2021")
    assert str(second.filters.as_of) == "2022-01-05"


BAD = [
    ("unknown field", "title: T\nsteps:\n  - title: S\n    text: x\n    actors: [alice]\n    colour: red\n",
     "6:5: unknown field 'colour' in step 1"),
    ("unknown actor", "title: T\nsteps:\n  - title: S\n    text: x\n    actors: [alice, zed]\n",
     "5:21: no actor matches 'zed'"),
    ("unknown relation", "title: T\nsteps:\n  - title: S\n    text: x\n    relations: [alice/sibling_of/bobb]\n",
     "5:17: unknown relation 'alice/sibling_of/bobb'; did you mean 'alice/sibling_of/bob'?"),
    ("bad date", "title: T\nsteps:\n  - title: S\n    text: x\n    actors: [alice]\n    as_of: '2022-13'\n",
     "6:12: invalid as_of: '2022-13' is not a date"),
    ("no path on that date", "title: T\nsteps:\n  - title: S\n    text: x\n    as_of: '2020'\n    path: [alice, dan]\n",
     "6:11: path: no connection between Alice Example and Dan Critic (as of 2020)"),
    ("relation hidden on the date", "title: T\nsteps:\n  - title: S\n    text: x\n    as_of: '2020'\n"
     "    relations: [alice/dismissed/carol@2022-01-05]\n", "6:17: relation 'alice/dismissed/carol@2022-01-05' is not shown"),
    ("HTML", "title: T\nsteps:\n  - title: S\n    actors: [alice]\n    text: |\n      Fine.\n\n      <b>bold</b>\n",
     "8:7: HTML is not allowed in a step's text"),
    ("heading", "title: T\nsteps:\n  - title: S\n    actors: [alice]\n    text: '# Big'\n",
     "5:11: a heading is not allowed in a step's text"),
    ("script link", "title: T\nsteps:\n  - title: S\n    actors: [alice]\n    text: |\n      [x](javascript:alert(1))\n",
     "6:7: link to 'javascript:alert(1)': only http:// and https:// addresses may be linked"),
    ("nothing shown", "title: T\nsteps:\n  - title: S\n    text: x\n", "3:5: step 1 shows nothing"),
    ("strict without a date", "title: T\nsteps:\n  - title: S\n    text: x\n    actors: [alice]\n    strict: true\n",
     "6:13: strict needs as_of"),
    ("path of one", "title: T\nsteps:\n  - title: S\n    text: x\n    path: [alice]\n", "5:11: path must name two actors"),
    ("unknown category", "title: T\nsteps:\n  - title: S\n    text: x\n    actors: [alice]\n    categories: [famly]\n",
     "6:18: unknown category 'famly'; did you mean 'family'?"),
    ("no steps", "title: T\nsteps: []\n", "2:8: a story needs at least one step"),
    ("no title", "steps:\n  - {title: S, text: x, actors: [alice]}\n", "1:1: missing required field 'title' in a story"),
]


@pytest.mark.parametrize("story, expected", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_each_bad_story_is_a_located_error(tmp_path, story, expected):
    assert any(line.startswith(expected) for line in problems(tmp_path, story)), problems(tmp_path, story)


def test_validate_reports_story_errors_with_file_line_column_and_exit_1(tmp_path):
    data = story_data(tmp_path, BAD[1][1], "bad.yaml")
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{data / 'stories' / 'bad.yaml'}:5:21: no actor matches 'zed'" in result.stderr


def test_stories_are_not_data_files_and_no_output_may_replace_one(tmp_path, monkeypatch):
    data = story_data(tmp_path, GOOD)
    dataset = Dataset(data)
    assert all("stories" not in path.parts for path in dataset.data_files())
    assert data / "stories" / "circle.yaml" in dataset.read_paths()
    with pytest.raises(UsageError, match="a story"):
        dataset.check_writable_output(data / "stories" / "circle.yaml")
    result = CliRunner().invoke(cli, ["render", "--data", str(data), "-o", str(data / "stories" / "circle.yaml")])
    assert result.exit_code == 2


def test_the_shipped_story_is_valid_and_says_only_what_its_step_cites():
    graph = build_graph(load_dataset(DATA, SEEDS))
    [story] = Dataset(DATA).stories(graph)
    assert story.name == "security-state" and 6 <= len(story.steps) <= 10
    days = [str(step.filters.as_of) for step in story.steps]
    assert days == sorted(days) and days[0] == "2022-01-02" and days[-1] == "2022-01-19"
    for step in story.steps:
        assert step.relations, step.title
        for key in step.relations:  # every highlighted relation holds (or may) on the step's date
            source, target = next((u, v) for u, v, k in graph.edges(keys=True) if k == key)
            assert step.filters.keeps(graph.edges[source, target, key], "reported"), (step.title, key)


def test_the_page_carries_the_steps_python_computed_and_opens_on_a_story(tmp_path):
    data = story_data(tmp_path, GOOD)
    graph = build_graph(load_dataset(data))
    stories = Dataset(data).stories(graph)
    page = build_page(graph, stories=stories, story="circle", embed=True).html
    carried = json.loads(page.split('id="actorgraph-data">')[1].split("</script>")[0])
    assert carried["story"] == "circle" and carried["embed"] is True and '<body class="embed">' in page
    step = carried["stories"][0]["steps"][1]
    assert step["view"] == "date=2022-01-05"
    assert step["relations"] == ["alice/dismissed/carol@2022-01-05", "carol/met_with/dan@2021"]
    with pytest.raises(UsageError, match="no story 'circl'"):
        build_page(graph, stories=stories, story="circl")
    with pytest.raises(UsageError, match="leaves out"):
        build_page(graph, stories=stories, story="circle", focus="bob", depth=1)


def test_the_editor_schema_covers_story_files():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    result = CliRunner().invoke(cli, ["schema", "--story", "--data", str(DATA)])
    schema = json.loads(result.output)
    jsonschema.validate(yaml.safe_load((DATA / "stories" / "security-state.yaml").read_text()), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "T", "steps": [{"title": "S", "text": "x", "colour": "red"}]}, schema)


def test_the_text_tree_holds_text_and_allowed_tags_only():
    tree, plain, refused = parse("*a* **b** [c](http://x.org)\n\n1. one\n2. two")
    assert refused == [] and plain == "a b c one two"
    assert [node["tag"] for node in tree] == ["p", "ol"]
