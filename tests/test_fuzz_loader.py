"""Property: no input, however broken, makes the loader fail with anything but a clean DataError."""
from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from graph import DataError, load_dataset

from .conftest import SMALL_ACTORS, write_dataset

FIELDS = ["actors", "relations", "id", "name", "kind", "from", "to", "type", "sources", "document", "quote",
          "status", "claimed_by", "start", "end", "date", "aliases", "role"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                    st.sampled_from(["alice", "bob", "person", "heads", "alleged", "doc", "2022-13-01", "2022"]))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)),
                                               children, max_size=5)),
    max_leaves=25,
)
yaml_text = documents.map(lambda value: yaml.safe_dump(value, allow_unicode=True))
tagged = st.tuples(yaml_text, st.sampled_from(["!!python/object:os.system", "!custom", "!!binary", "&a", "*a",
                                               "!!python/name:builtins.print"])).map(
    lambda pair: pair[0].replace(": ", f": {pair[1]} ", 1))


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """One dataset for every example (module-scoped: Hypothesis runs many examples per test)."""
    return write_dataset(tmp_path_factory.mktemp("fuzz"), {"actors.yaml": SMALL_ACTORS})


def _check(data, content: bytes) -> None:
    (data / "fuzz.yaml").write_bytes(content)
    try:
        dataset = load_dataset(data)
    except DataError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in exc.problems)
    else:
        assert "alice" in dataset.actors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yaml_text, tagged, st.text(max_size=300)))
def test_any_text_gives_a_result_or_a_clean_error(data, text):
    _check(data, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_result_or_a_clean_error(data, content):
    _check(data, content)
