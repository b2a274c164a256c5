"""``drill release OUT``: a student repository without the answer key.

The release holds the exercises, the graders, the harness, a student README and a CI workflow, and the
reference only as *recorded observations* (:mod:`harness.core.recorded`): what the graders asked of the reference
while grading the reference itself, at the release's public seed, in the ``dev`` profile.  No ``solutions/``,
no bytecode, no pickle.  Before anything is written, every file of the release is checked for the reference's
code (:mod:`harness.leaks`); a release that would give code away is refused, naming each leak.  It is written to
a temporary folder beside ``OUT`` and moved into place at the end, so a failed release leaves nothing half
written (and, with ``--force``, the old ``OUT`` in place until the new one is complete).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from harness import CHECKOUT, catalog, platforms
from harness.core import recorded
from harness.reports.report import first_line

PROFILE = "dev"
DEFAULT_SEED = 20261  # the public seed; an instructor grades with another, secret one

# What a student release holds besides the exercises, the recordings and its own README and workflow.
COPIED = ("harness", "graders", "constraints", "conftest.py", "docs/units.md")
SKIPPED_NAMES = {"__pycache__", ".pytest_cache", ".hypothesis", "recorded"}
SKIPPED_SUFFIXES = {".pyc", ".pyo", ".pkl", ".pickle"}


class ReleaseError(Exception):
    """The release cannot be written as asked (the message says why); nothing was written."""


@dataclass
class Released:
    out: Path
    frameworks: list[str]
    left_out: dict[str, str]  # framework -> why its track is not in the release
    recorded: dict[str, int] = field(default_factory=dict)  # unit id -> recorded calls
    not_recorded: dict[str, str] = field(default_factory=dict)  # unit id -> why (a GPU unit without a GPU)
    bytes: int = 0


def record(units, seed: int, progress=None) -> tuple[dict[str, recorded.Recording], dict[str, str]]:
    """Grade a copy of the reference with the reference at ``seed`` in the ``dev`` profile, keeping every
    observation asked of the reference.  Returns ({unit id: recording}, {unit id: why it was not recorded})."""
    import logging

    from harness.core import profiles
    from harness.core import tf_settings
    from harness.core.grading import grade_unit

    tf_settings.apply()  # TensorFlow's start-up chatter and warnings are not the instructor's business either
    logging.getLogger("tensorflow").setLevel(logging.ERROR)
    profiles.activate(PROFILE, database=False)
    recordings, not_recorded = {}, {}
    with tempfile.TemporaryDirectory(prefix="d2l-release-") as tmp:
        student = Path(tmp) / "reference-as-student"  # another path: its models are not the reference's
        shutil.copytree(CHECKOUT / "solutions", student, ignore=shutil.ignore_patterns("__pycache__"))
        for unit in units:
            recording = recorded.Recording()
            result = grade_unit(unit, student, session_seed=seed,
                                reference_wrapper=lambda ref, r=recording: recorded.Recorder(ref, r))
            if progress:
                progress(unit, result, len(recording.frames))
            if result.status == "skipped":
                not_recorded[unit.id] = result.message
            elif result.status != "passed":
                raise ReleaseError(f"the reference does not pass {unit.id} at seed {seed}: {result.status}: "
                                   f"{first_line(result.message or '')}")
            else:
                recordings[unit.id] = recording
    return recordings, not_recorded


def _ignore(folder, names):
    return {n for n in names if n in SKIPPED_NAMES or Path(n).suffix in SKIPPED_SUFFIXES}


def _copy(src: Path, dst: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dst, ignore=_ignore)
    else:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)


def leaks_in_release(folder: Path, frameworks) -> list[str]:
    """Every piece of the reference's code (any module of the released tracks) in any text file of ``folder``."""
    from harness import leaks

    giveaways = {}
    for framework in frameworks:
        for module in catalog.MODULES:
            giveaways.update(leaks.reference_giveaways(CHECKOUT / "solutions", framework, module))
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or recorded.directory(folder) in path.parents:
            continue
        rel = str(path.relative_to(folder))
        try:
            text = path.read_text()
        except (UnicodeDecodeError, OSError):
            found.append(f"{rel}: not a text file (a release holds source and data it wrote itself only)")
            continue
        if path.suffix == ".py":
            try:
                found += [str(leak) for leak in leaks.leaks_in_source(text, giveaways, rel)]
            except (SyntaxError, RecursionError, ValueError) as exc:
                found.append(f"{rel}: cannot be checked ({type(exc).__name__})")
        else:
            found += [str(leak) for leak in leaks.leaks_in_text(text, giveaways, rel)]
    return found


def write(out: Path, *, seed: int = DEFAULT_SEED, force: bool = False, progress=None) -> Released:
    out = Path(out).resolve()
    if not (CHECKOUT / "solutions").is_dir():
        raise ReleaseError("this checkout has no solutions/ (is it a student release?): release from the "
                           "instructor's repository")
    if out == CHECKOUT or CHECKOUT in out.parents:
        raise ReleaseError(f"{out} is inside the instructor's repository {CHECKOUT}: release to a folder outside it")
    if out.exists() and not out.is_dir():
        raise ReleaseError(f"{out} exists and is not a folder")
    if out.exists() and any(out.iterdir()) and not force:
        raise ReleaseError(f"{out} is not empty: choose a new folder, or pass --force to replace it")
    frameworks = [f for f in catalog.FRAMEWORKS if catalog.framework_installed(f)]
    left_out = {f: f"{catalog.PACKAGES[f]} is not installed here, so its track cannot be recorded"
                for f in catalog.FRAMEWORKS if f not in frameworks}
    if not frameworks:
        raise ReleaseError("neither torch nor tensorflow is installed: nothing can be recorded")
    units = [u for u in catalog.UNITS if u.framework in frameworks]
    recordings, not_recorded = record(units, seed, progress)

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for part in COPIED:
            _copy(CHECKOUT / part, staging / part)
        for framework in catalog.FRAMEWORKS:
            if framework not in frameworks:
                shutil.rmtree(staging / "graders" / framework, ignore_errors=True)
            else:
                for part in ("exercises", "notebooks"):
                    _copy(CHECKOUT / part / framework, staging / part / framework)
        (staging / "pyproject.toml").write_text(_pyproject())
        (staging / "README.md").write_text(student_readme(frameworks, seed, left_out))
        (staging / ".gitignore").write_text("\n".join([".venv/", "__pycache__/", "*.egg-info/", ".hypothesis/",
                                                        ".pytest_cache/", ".drill-state.json", ".drill/", ""]))
        workflow = staging / platforms.GITHUB_WORKFLOW
        workflow.parent.mkdir(parents=True)
        workflow.write_text(platforms.github_workflow(frameworks, release=True))
        released = Released(out, frameworks, left_out, not_recorded=not_recorded)
        released.bytes = _write_recordings(staging, recordings, not_recorded, seed, frameworks)
        released.recorded = {uid: len(r.frames) for uid, r in recordings.items()}
        found = leaks_in_release(staging, frameworks)
        if found:
            raise ReleaseError("the release would give the reference's code away; nothing was written:\n  "
                               + "\n  ".join(found))
        stray = [str(p.relative_to(staging)) for p in staging.rglob("*")
                 if p.name == "solutions" or p.suffix in SKIPPED_SUFFIXES]
        if stray:
            raise ReleaseError(f"the release would hold {', '.join(stray)}; nothing was written")
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # mkdtemp's folder is private; the release is an ordinary folder
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
        return released
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _write_recordings(staging: Path, recordings, not_recorded, seed: int, frameworks) -> int:
    folder = recorded.directory(staging)
    folder.mkdir(parents=True)
    units, total = {}, 0
    for unit_id, recording in recordings.items():
        data = recording.to_bytes()
        name = f"{unit_id}.rec"
        (folder / name).write_bytes(data)
        total += len(data)
        units[unit_id] = {"file": name, "calls": len(recording.frames), "sha256": hashlib.sha256(data).hexdigest()}
    manifest = {"format": recorded.FORMAT, "profile": PROFILE, "seed": seed, "frameworks": frameworks,
                "units": units, "not_recorded": not_recorded}
    (folder / recorded.MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return total


def _pyproject() -> str:
    """The repository's pyproject.toml with the students' test path (packages are found, so a one-track release
    needs no other change)."""
    text = (CHECKOUT / "pyproject.toml").read_text()
    old_tests = 'testpaths = ["tests"]'
    for old in (old_tests, 'include = ["harness*", "graders*"]'):
        if old not in text:
            raise ReleaseError(f"pyproject.toml no longer holds `{old}`: harness/release.py must be updated")
    # the recordings are read in place (graders/recorded/): the release is installed editable, as its README says
    return text.replace(old_tests, 'testpaths = ["exercises"]')


def _first_stub_line(framework: str) -> str:
    """What the first stub of a track says when graded, e.g. "`MLP.__init__` (exercises/pytorch/blocks.py:40)"."""
    from harness.core.exercise_source import edit_line

    unit = catalog.units_for(framework, catalog.MODULES[0])[0]
    source = (CHECKOUT / "exercises" / framework / f"{catalog.MODULES[0]}.py").read_text()
    return f"`{unit.name}.__init__` (exercises/{framework}/{catalog.MODULES[0]}.py:{edit_line(source, unit)})"


def student_readme(frameworks, seed: int, left_out: dict[str, str]) -> str:
    tracks = " and ".join({"pytorch": "PyTorch", "tensorflow": "TensorFlow/Keras 3"}[f] for f in frameworks)
    only = "".join(f"\nThe {f} track is not part of this release ({why}).\n" for f, why in left_out.items())
    return f"""# Deep learning computation: exercises

Exercises for the chapter "Deep learning computation" of *Dive into Deep Learning*
(blocks, parameters, lazy initialisation, custom layers, file I/O, GPUs), in {tracks}.
Every unit's task and rule is in [`docs/units.md`](docs/units.md).
{only}
## Quick start

```bash
python3 -m venv .venv && . .venv/bin/activate && pip install -c constraints/ci.txt -e '.[{platforms.frameworks_extras(frameworks)}]' && pytest exercises/
```

Every unit fails at first with a one-line reason, such as
``not implemented yet: {_first_stub_line(frameworks[0])}``.
Edit `exercises/<framework>/<module>.py` until `pytest exercises/` passes.
Each stub's docstring states the task; `pytest exercises/{frameworks[0]}/blocks.py -k MLP`
grades one unit. The same exercises open as notebooks in `notebooks/`, where each
unit's `check(...)` cell grades what the notebook defines.

## Self-study with drill

| command | what it does |
|---|---|
| `drill list` | every unit with its status and points |
| `drill next` | the first unfinished unit: what to write, where |
| `drill check [UNIT]` | grade one unit (default: the current one); `--all` the whole track |
| `drill watch` | grade the current unit on every save |
| `drill hint [UNIT]` | one more hint stage each time (a nudge, what to read, the steps in words) |
| `drill reset UNIT` | put the unit's stub back (a backup is kept) |

`--framework pytorch|tensorflow` picks the track.

## How this copy grades

This copy holds no reference solution. The graders compare your code with the
reference's recorded answers on public examples (seed {seed}, profile `dev`:
the same examples on every run). When your code fails one, you see which
property failed, what your code gave and what was expected. A failing example is
shrunk only as far as the recorded examples allow, so it may be larger than
the smallest possible one. Other seeds and profiles are not available here.

Passing here is necessary, not sufficient: your instructor grades your
submission with the full reference and examples you have not seen. Code that
follows each unit's rule passes those too; code tuned to these examples does not.
`drill solution` is not available in this copy.
"""
