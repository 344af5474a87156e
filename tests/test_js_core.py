"""The page's pure JavaScript (graph/templates/explorer-core.js) under Node's own test runner."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import REPO


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_page_core_passes_its_node_tests():
    result = subprocess.run(["node", "--test", "tests/js"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
