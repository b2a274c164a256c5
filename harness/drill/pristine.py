"""Where ``drill`` finds the pristine stub of a unit (for ``reset`` and for "not started").

1. Git history: the newest committed version of the exercise file in which the
   unit is still a stub (every function of it raises ``NotImplementedError``).
   Committing your own work does not hide the stub: older commits still hold
   it, and a stub updated upstream is picked up once merged.
2. A snapshot, ``.drill/pristine/<framework>/<module>.py``, which the first
   ``drill`` command copies from each exercise file.  Used when git is not
   there (a downloaded archive) or holds no stub version; a unit is taken from
   it only if it is a stub there (work done before the first ``drill`` command
   is never taken for the stub).

If neither holds a stub of the unit, ``drill`` says so instead of guessing.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from harness import catalog
from harness.core.exercise_source import definition_texts, is_stub, module_is_stub

DRILL_DIR = ".drill"
MAX_VERSIONS = 100


def snapshot_path(root: Path, framework: str, module: str) -> Path:
    return Path(root) / DRILL_DIR / "pristine" / framework / f"{module}.py"


def take_snapshot(root: Path) -> None:
    """Copy every exercise file that has no snapshot yet (cheap: a few stats after the first time)."""
    for framework in catalog.FRAMEWORKS:
        for module in catalog.MODULES:
            source = Path(root) / "exercises" / framework / f"{module}.py"
            target = snapshot_path(root, framework, module)
            if source.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@lru_cache(maxsize=None)
def _git_commits(root: str, relpath: str) -> tuple[str, ...]:
    log = _git(Path(root), "log", f"--max-count={MAX_VERSIONS}", "--format=%H", "--", relpath)
    return tuple(log.split()) if log else ()


@lru_cache(maxsize=None)
def _git_show(root: str, commit: str, relpath: str) -> str | None:
    return _git(Path(root), "show", f"{commit}:./{relpath}")


def git_versions(root: Path, relpath: str):
    """Committed contents of ``relpath`` (relative to ``root``), newest first, read lazily."""
    key = str(Path(root).resolve())
    for commit in _git_commits(key, relpath):
        text = _git_show(key, commit, relpath)
        if text is not None:
            yield text


def _candidates(root: Path, framework: str, module: str):
    for text in git_versions(root, f"exercises/{framework}/{module}.py"):
        yield "git history", text
    snap = snapshot_path(root, framework, module)
    if snap.is_file():
        yield f"{DRILL_DIR}/pristine snapshot", snap.read_text()


def unit_stub(root: Path, unit: catalog.Unit) -> tuple[str, dict[str, str]] | None:
    """(where it came from, {name: stub source}) for the unit's owned names, or None if no stub is known."""
    for origin, text in _candidates(root, unit.framework, unit.module):
        if is_stub(text, unit):
            return origin, definition_texts(text, unit)
    return None


def module_stub(root: Path, framework: str, module: str) -> tuple[str, str] | None:
    """(where it came from, whole file) of the newest version in which every unit of the module is a stub."""
    for origin, text in _candidates(root, framework, module):
        if module_is_stub(text, framework, module):
            return origin, text
    return None
