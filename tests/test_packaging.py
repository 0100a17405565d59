"""Weerbaar as a distribution: the wheel and the sdist built from this checkout carry the
package and its data; the wheel, installed (not editable) in a fresh virtual environment and
used from another folder, lists, plays and checks the shipped scenarios and opens the game's
title screen with the scenarios and the fonts found. No network: the build uses the test
environment's setuptools (--no-isolation) and the fresh environment borrows the test
environment's dependencies through a .pth file."""
from __future__ import annotations

import fnmatch
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_IDS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml") if "." not in p.stem)
FONT_FILES = sorted(p.name for p in (ROOT / "assets" / "fonts").iterdir())
IMAGE_FILES = sorted(p.name for p in (ROOT / "scenarios" / "images").iterdir())
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", ".ci-venv", "build", "dist", "*.egg-info",
                                    "__pycache__", ".pytest_cache", ".hypothesis", "*.db*")

TITLE_SCREEN = """
import json, sys
from weerbaar import resources
from weerbaar.game.app import App
app = App(save_settings=False)
app.to_title()
app.step([], dt=1 / 60)
print(json.dumps({
    "package": str(resources.package_folder()),
    "modules": sorted(m for m in sys.modules if m.split(".")[0] in ("engine", "game", "storage", "debrief", "cli", "lsp", "web")),
    "screen": type(app.top).__name__,
    "scenarios": sorted(e.scenario.id for e in app.catalogue() if e.scenario is not None),
    "fonts": [str(p) for p in app.text._files.values()],
    "emoji": app.text.runs("\\U0001F642")[0][0],
}))
app.close()
"""


def bin_dir(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(wheel, sdist), built from a copy of the checkout: the wheel from the sdist, as pip
    and pipx would from PyPI, so a file missing from the sdist is missing from the wheel."""
    tmp = tmp_path_factory.mktemp("build")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    out = tmp / "dist"
    res = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out),
                          str(source)], capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    assert "WARNING" not in res.stdout + res.stderr, res.stdout + res.stderr
    return next(out.glob("weerbaar-*.whl")), next(out.glob("weerbaar-*.tar.gz"))


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory) -> tuple[Path, dict, Path]:
    """(venv, env, cwd): a fresh virtual environment with the wheel installed, not editable."""
    wheel, _ = built
    tmp = tmp_path_factory.mktemp("installed")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=60)
    python = bin_dir(venv) / "python"
    res = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                          "--no-index", "--no-deps", "--disable-pip-version-check", "--quiet",
                          str(wheel)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True).stdout
    # the dependencies (pygame-ce, PyYAML, ...) come from the test environment; a .pth line
    # adds a folder without running the .pth files in it (so not this checkout's editable finder)
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site.strip()) / "weerbaar_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               WEERBAAR_DATA_DIR=str(tmp / "data"), WEERBAAR_CONFIG_DIR=str(tmp / "config"))
    env.pop("PYGAME_HIDE_SUPPORT_PROMPT", None)   # the package itself must hide the banner
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return venv, env, elsewhere


def weerbaar(installed, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    venv, env, cwd = installed
    return subprocess.run([str(bin_dir(venv) / "weerbaar"), *args], input=stdin, env=env,
                          cwd=cwd, capture_output=True, text=True, timeout=60)


def test_wheel_holds_one_package_with_its_data(built):
    wheel, _ = built
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"weerbaar", f"{wheel.name.split('-py')[0]}.dist-info"}, tops
    for scenario in SCENARIO_IDS:
        assert f"weerbaar/scenarios/{scenario}.yaml" in names
    for font in FONT_FILES:          # the fonts and their licences (OFL.txt, OFL-Noto.txt)
        assert f"weerbaar/assets/fonts/{font}" in names
    for image in IMAGE_FILES:        # the scene pictures, their README and licence
        assert f"weerbaar/scenarios/images/{image}" in names
    assert {"weerbaar/engine/schema/scenario.schema.json", "weerbaar/debrief/export.schema.json",
            "weerbaar/resources.py", "weerbaar/main.py", "weerbaar/game/screens/title.py"} <= set(names)
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt")))
    assert b"weerbaar = weerbaar.main:main" in entry_points


def test_sdist_holds_the_data_too(built):
    _, sdist = built
    names = {n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "main.py", "resources.py",
            "engine/schema/scenario.schema.json", "assets/fonts/OFL.txt",
            "assets/fonts/OFL-Noto.txt"} <= names
    assert {f"scenarios/{s}.yaml" for s in SCENARIO_IDS} <= names


def test_installed_wheel_lists_the_shipped_scenarios(installed):
    res = weerbaar(installed, "list")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert [line.split()[0] for line in lines] == SCENARIO_IDS
    assert all(" nl,en " in line for line in lines)
    assert "pygame" not in res.stdout + res.stderr


def test_installed_wheel_plays_a_shipped_scenario_to_an_ending(installed):
    res = weerbaar(installed, "play", "voorbeeld", "--text", "--seed", "1", stdin="1\n" * 20)
    assert res.returncode == 0, res.stderr
    assert "== Einde:" in res.stdout


def test_installed_wheel_checks_a_shipped_scenario(installed):
    res = weerbaar(installed, "lint", "intimidatie")
    assert (res.returncode, res.stdout.strip()) == (0, "ok: 1 scenario, no problems"), res.stderr


def test_installed_wheel_opens_the_title_screen_with_scenarios_and_fonts(installed):
    venv, env, cwd = installed
    res = subprocess.run([str(bin_dir(venv) / "python"), "-c", TITLE_SCREEN], env=env, cwd=cwd,
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    seen = json.loads(res.stdout.splitlines()[-1])
    assert Path(seen["package"]).is_relative_to(venv), seen["package"]   # not this checkout
    assert seen["modules"] == []        # no top-level engine, game, storage, debrief, cli, lsp or web
    assert seen["screen"] == "TitleScreen"
    assert seen["scenarios"] == SCENARIO_IDS
    assert all(Path(f).is_file() and Path(f).is_relative_to(venv) for f in seen["fonts"])
    assert seen["emoji"] == "fallback0"     # Noto Emoji draws what Atkinson lacks
    assert "Hello from the pygame community" not in res.stdout


def test_every_package_folder_is_in_the_build():
    """A new subpackage (or data folder) that pyproject.toml does not list would be left out
    of the wheel silently."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {"weerbaar." + ".".join(p.parent.relative_to(ROOT).parts)
             for p in ROOT.glob("*/**/__init__.py")
             if p.parent.relative_to(ROOT).parts[0] not in ("tests", "bench", "build", "docs")
             and not any(part.startswith(".") for part in p.relative_to(ROOT).parts)}
    assert found <= listed, sorted(found - listed)
    assert config["package-dir"] == {"weerbaar": "."}


def test_every_data_folder_is_listed_with_its_files():
    """A data folder (no __init__.py) under scenarios/ or assets/ ships only when pyproject
    lists it as a package and its files match its package-data patterns."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    for top in ("scenarios", "assets"):
        for folder in [ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            files = [p for p in folder.iterdir() if p.is_file()]
            if not files or folder.name.startswith((".", "__")):
                continue
            package = "weerbaar." + ".".join(folder.relative_to(ROOT).parts)
            assert package in config["packages"], package
            patterns = config["package-data"].get(package, [])
            unshipped = [f.name for f in files
                         if not any(fnmatch.fnmatch(f.name, pat) for pat in patterns)]
            assert not unshipped, (package, unshipped)


def test_a_plain_checkout_runs_as_python_main_py(tmp_path):
    """Without any install of Weerbaar (a venv with only the dependencies), ``python main.py``
    registers the checkout as the weerbaar package and finds its scenarios."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = bin_dir(venv) / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True).stdout
    (Path(site.strip()) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    probe = subprocess.run([str(python), "-c", "import weerbaar"], capture_output=True, cwd=tmp_path)
    assert probe.returncode != 0           # really not installed there
    res = subprocess.run([str(python), str(ROOT / "main.py"), "lint", *SCENARIO_IDS],
                         capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert (res.returncode, res.stdout.strip()) == (0, f"ok: {len(SCENARIO_IDS)} scenarios, no problems"), res.stderr
