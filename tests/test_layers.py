"""The import contracts of pyproject.toml ([tool.importlinter]) hold, and they bite: a rule
that imports the extractor breaks them."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True,
                          timeout=300, env={"PYTHONPATH": str(root), "PATH": str(LINT_IMPORTS.parent)})


def test_every_import_contract_is_kept():
    found = lint_imports(ROOT)
    assert found.returncode == 0, found.stdout[-3000:] + found.stderr[-2000:]
    assert "BROKEN" not in found.stdout


def test_a_rule_importing_the_extractor_breaks_a_contract(tmp_path):
    for package in ("checker", "claims"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "checker" / "rules" / "sneaky.py").write_text("from claims.extract import pipeline\n")
    found = lint_imports(tmp_path)
    assert found.returncode != 0
    assert "rules see claims and articles, not the extractor BROKEN" in found.stdout
    assert "checker.rules.sneaky -> claims.extract.pipeline" in found.stdout


def test_no_module_imports_itself_through_others():
    """No import cycle among the two packages' modules (lazy imports inside functions count)."""
    import grimp

    graph = grimp.build_graph("checker", "claims")
    cycles = [(module, other) for module in sorted(graph.modules)
              for other in graph.find_modules_directly_imported_by(module)
              if graph.chain_exists(importer=other, imported=module)]
    assert not cycles, f"import cycles through: {cycles[:5]}"
