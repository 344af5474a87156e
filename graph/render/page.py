"""The explorer page: one self-contained HTML file that loads nothing from anywhere.

vis-network is read from the installed pyvis package and inlined with the page's own script and
style; the data goes in a ``<script type="application/json">`` block escaped with
:func:`script_json`. A Content-Security-Policy allows only those exact scripts (by hash) and no
requests, so markup smuggled into the data could not run even if it reached the DOM.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources

from ..errors import ActorGraphError

#: The vis-network build that pyvis 0.3.2 ships.
VIS_VERSION = "9.1.2"
TEMPLATE = "explorer.html.j2"
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(value) -> str:
    """``value`` as JSON safe to place inside a ``<script>`` element: no ``<``, ``>``, ``&``,
    U+2028 or U+2029 characters remain, and ``JSON.parse`` reads it back unchanged.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """The vis-network script and style sheet shipped inside the installed pyvis package."""
    try:
        folder = resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_VERSION}"
        return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
                (folder / "vis-network.css").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, OSError):
        raise ActorGraphError(f"vis-network {VIS_VERSION} was not found in the pyvis package; "
                              "reinstall actorgraph (it needs pyvis==0.3.2)") from None


#: The page's own scripts, in the order they run: the pure core, one file per feature (each adds itself
#: to ``window.actorgraphFeatures``), then the view that starts them. Each is inlined in its own
#: ``<script>`` with its own hash in the Content-Security-Policy.
SCRIPTS = ("explorer-core.js", "explorer-search.js", "explorer-timeline.js", "explorer-reader.js", "explorer-share.js",
           "explorer-export.js", "explorer-stories.js", "explorer-labels.js", "explorer-bundles.js", "explorer-panel.js",
           "explorer-paths.js", "explorer.js")


@lru_cache(maxsize=1)
def own_assets() -> tuple[tuple[str, ...], str]:
    """The explorer's own scripts (:data:`SCRIPTS`) and style sheet, beside the template."""
    folder = resources.files("graph") / "templates"
    return (tuple((folder / name).read_text(encoding="utf-8") for name in SCRIPTS),
            (folder / "explorer.css").read_text(encoding="utf-8"))


def page_html(data: dict) -> str:
    """The whole page for ``data`` (see :func:`graph.render.records.page_data`)."""
    from jinja2 import Environment, PackageLoader
    from markupsafe import Markup

    vis_js, vis_css = vis_assets()
    app_js, app_css = own_assets()
    scripts = [_inline(script, "script") for script in (vis_js, *app_js)]
    environment = Environment(loader=PackageLoader("graph", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return environment.get_template(TEMPLATE).render(
        title=data["title"], note=data["note"], dataset=data.get("dataset"), embed=data.get("embed"),
        data=Markup(script_json(data)),
        scripts=[Markup(s) for s in scripts],
        styles=[Markup(_inline(vis_css, "style")), Markup(_inline(app_css, "style"))],
        script_hashes=" ".join(f"'sha256-{_digest(s)}'" for s in scripts),
    )


def _inline(text: str, tag: str) -> str:
    """``text`` checked to be safe inside a ``<tag>`` element (it cannot close it early)."""
    if f"</{tag}" in text.lower() or "<!--" in text:
        raise ActorGraphError(f"an asset cannot be inlined: it contains </{tag} or <!--")
    return text


def _digest(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
