"""The house stays easy to read: no module of the product is over 400 lines (a module that
passes that is asking to be split, ../shared/style.md)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("engine", "storage", "debrief", "game", "cli", "lsp", "web")
MOST = 400


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MOST}
    assert not long, long


def test_every_package_is_there():  # so that the test above cannot pass by reading nothing
    assert all((ROOT / pkg / "__init__.py").is_file() for pkg in PACKAGES)
