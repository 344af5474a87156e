"""The address of an answer in the explorer page: graph.render.share and ``path``/``show --link PAGE``.
That the page reads these addresses back as the same view is checked in test_browser.py."""
from __future__ import annotations

import json

from click.testing import CliRunner

from graph.cli import cli
from graph.dates import PartialDate
from graph.filters import Filters
from graph.render.share import page_link, view_fragment

from .conftest import DATA


def test_fragments_say_the_view_as_the_page_writes_it(shipped_graph):
    assert view_fragment(actor="karim-massimov") == "a=karim-massimov"
    filters = Filters(as_of=PartialDate.parse("2022-01"), strict=True, reported_only=True, include_context=True,
                      exclude_categories=frozenset({"family"}))
    assert view_fragment(shipped_graph, filters, **{"from": "a", "to": "b"}) == (
        "from=a&to=b&ctx=1&date=2022-01-01..2022-01-31&strict=1&claims=hide&off=family")
    only = Filters(categories=frozenset({"family", "position"}), as_of=PartialDate.parse("2022-01-05"))
    fragment = view_fragment(shipped_graph, only, actor="x")
    assert fragment.startswith("a=x&date=2022-01-05&off=membership%2C") and "family" not in fragment
    assert view_fragment(relation="a/heads/b@2022#chair") == "r=a%2Fheads%2Fb%402022%23chair"


def test_page_link_takes_a_file_or_a_web_address(tmp_path):
    assert page_link(tmp_path / "page.html", "a=x") == (tmp_path / "page.html").resolve().as_uri() + "#a=x"
    assert page_link("https://example.org/map.html#old", "a=x") == "https://example.org/map.html#a=x"
    assert page_link("https://example.org/map.html", "") == "https://example.org/map.html"


def test_path_and_show_print_the_address_of_their_answer(tmp_path):
    page = tmp_path / "map.html"
    runner = CliRunner()
    result = runner.invoke(cli, ["path", "satybaldy", "tokayev", "--as-of", "2022-01-04", "--data", str(DATA),
                                 "--link", str(page)])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith(
        f"in the explorer: {page.resolve().as_uri()}#from=kairat-satybaldy&to=kassym-jomart-tokayev&date=2022-01-04")
    result = runner.invoke(cli, ["show", "Masimov", "--data", str(DATA), "--json", "--link", "https://example.org/m.html"])
    assert json.loads(result.output)["link"] == "https://example.org/m.html#a=karim-massimov"
    result = runner.invoke(cli, ["show", "Masimov", "--data", str(DATA)])
    assert "in the explorer" not in result.output  # only when asked
