"""The packages type-check: mypy (configured in pyproject.toml's [tool.mypy]) finds nothing,
and both carry py.typed so that code using them is checked against their annotations."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error():
    found = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert found.returncode == 0, found.stdout[-4000:] + found.stderr[-2000:]


def test_both_packages_say_they_are_typed():
    assert (ROOT / "checker" / "py.typed").is_file() and (ROOT / "claims" / "py.typed").is_file()
