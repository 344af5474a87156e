"""The README's "Start your own map": exactly its commands, run by bash from an empty folder, make a
rendered three-actor map."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE = Path(__file__).resolve().parent / "documents" / "westhaven-article.html"


def start_commands() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Start your own map\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```sh\n(.*?)```", section, re.S)[1]


def test_the_commands_are_at_most_five():
    script = start_commands()
    outside_heredoc = re.sub(r"<<'EOF'\n.*?\nEOF\n", "\n", script, flags=re.S)
    commands = [part for line in outside_heredoc.splitlines() for part in line.split("&&") if part.strip()]
    assert len(commands) <= 5, commands


def test_they_make_a_rendered_three_actor_map(tmp_path):
    shutil.copy(ARTICLE, tmp_path / "article.html")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-e", "-c", start_commands()], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("wrote map.html (3 actors, 2 relations)\n")
    page = (tmp_path / "harbour-map" / "map.html").read_text(encoding="utf-8")
    assert all(name in page for name in ("Ana Lind", "Tomas Berg", "Westhaven Harbour Authority"))
    assert sorted(p.name for p in (tmp_path / "harbour-map" / "seeds").iterdir()) == [
        "article.html", "article.txt", "sources.yaml"]
