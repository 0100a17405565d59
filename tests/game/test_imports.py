"""The modules of game/ import each other without a circle (issue 10): every import is
counted, also those inside functions, so a circle cannot hide in a late import."""
from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[2] / "game"
MAX_LINES = 400


def module_names(root: Path = GAME) -> dict[str, Path]:
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def imported(name: str, path: Path, known) -> set[str]:
    """The game modules ``name`` imports (a ``from pkg import mod`` counts as ``pkg.mod``)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add(full if full in known else target)
    return {m for m in found if m in known and m != name}


def import_graph(root: Path = GAME) -> dict[str, set[str]]:
    names = module_names(root)
    return {name: imported(name, path, names) for name, path in names.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, without recursion
    limits: the graph is small)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def test_the_cycle_finder_finds_a_circle(tmp_path):
    pkg = tmp_path / "game"
    (pkg / "screens").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "screens" / "__init__.py").write_text("")
    (pkg / "app.py").write_text("def f():\n    from .screens.title import T\n")
    (pkg / "screens" / "title.py").write_text("from .. import helper\nT = 1\n")
    (pkg / "helper.py").write_text("import game.app\n")
    (pkg / "alone.py").write_text("from .screens import title\n")
    assert cycles(import_graph(pkg)) == [["game.app", "game.helper", "game.screens.title"]]


def test_no_import_cycle_among_game_modules():
    graph = import_graph()
    assert "game.screens.title" in graph["game.app"]  # the graph sees late imports
    assert cycles(graph) == []


def test_no_game_module_over_400_lines():
    long = {str(p.relative_to(GAME.parent)): n for p in GAME.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def calls_to(name: str, root: Path) -> list[str]:
    """Where the modules below ``root`` call ``name(...)`` (file:line)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                found.append(f"{path.relative_to(GAME.parent)}:{node.lineno}")
    return found


def test_no_screen_opens_a_session_store_of_its_own():
    """The app owns the session database (GameRecording) and hands it to the screens."""
    assert calls_to("SessionStore", GAME / "screens") == []
    assert "game/recording.py" in {c.split(":")[0] for c in calls_to("SessionStore", GAME)}


def test_the_window_never_sees_an_argparse_namespace():
    """The command line arrives as game.options' frozen dataclasses, not as ``args``
    (``python -m weerbaar.game.screenshots`` is a tool with a command line of its own)."""
    for path in GAME.rglob("*.py"):
        if path.name == "screenshots.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) \
                    else [node.module or ""]
                assert "argparse" not in modules, path
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert "args" not in [a.arg for a in node.args.args], f"{path}: {node.name}"
