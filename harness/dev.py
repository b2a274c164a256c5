"""``drill dev check``: is every unit complete?  The maintainers' self-check (rustlings' ``dev check``).

For every unit of the catalog (``harness/units.toml``), in chapter order:

- **metadata**: listed once, a one-line rule, three hint stages (a nudge, the API or section to read, the steps in
  words), no hint that gives the reference's code away;
- **files**: the exercise is a stub (and drill points at its ``raise``), the reference defines the unit's names and
  is not a stub;
- **grader**: ``graders/<framework>/<module>.py`` registers exactly one grader for it (``@grader("<name>")``);
- **catalogue**: ``tests/catalogue/`` holds at least :data:`MIN_MUTANTS` mutants and :data:`MIN_VARIANTS` correct
  variants of it (all batches together);
- **grading** (skipped by ``--static``): the stub does not pass; the reference passes in-process (the students'
  ``dev`` profile) and in an isolated worker (``drill grade``'s way, the ``ci`` profile), at the seed given.

Each problem is one line that says what to do.  Exit status 0 when there is none.  It needs the full repository
(``solutions/``, ``tests/``): a student release has neither.  CI runs it (``tests/test_drill.py``).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from harness import CHECKOUT, catalog, leaks

MIN_MUTANTS = 3
MIN_VARIANTS = 1
SEED = 0


def metadata_problems(units, root: Path = CHECKOUT) -> list[str]:
    """What is wrong with the units' metadata and files (no grading, no framework import)."""
    from harness.core.exercise_source import definition_texts, edit_line, is_stub

    problems = []
    ids = [u.id for u in units]
    problems += [f"{i}: listed twice in harness/units.toml: keep one entry" for i in sorted(set(ids))
                 if ids.count(i) > 1]
    for unit in units:
        if len(unit.hints) != 3:
            problems.append(f"{unit.id}: {len(unit.hints)} hint stage(s), 3 wanted (a nudge, the API or section to "
                            "read, the steps in words): edit its hints in harness/units.toml")
        if not unit.rule.strip():
            problems.append(f"{unit.id}: no rule: give it the one-line rule of its contract row in harness/units.toml")
        reference_file = root / "solutions" / unit.framework / f"{unit.module}.py"
        stub_file = root / "exercises" / unit.framework / f"{unit.module}.py"
        if not reference_file.is_file() or not stub_file.is_file():
            missing = [str(f.relative_to(root)) for f in (reference_file, stub_file) if not f.is_file()]
            problems.append(f"{unit.id}: {', '.join(missing)} missing: write the module")
            continue
        reference = reference_file.read_text()
        giveaways = leaks.fragments(reference)
        for stage, hint in enumerate(unit.hints, 1):
            for leak in leaks.leaks_in_text(hint, giveaways, f"hint {stage}"):
                problems.append(f"{unit.id}: hint {stage} gives the reference's code away: `{leak.fragment}`: "
                                "name the API, do not write the call")
        stub = stub_file.read_text()
        if not is_stub(stub, unit):
            problems.append(f"{unit.id}: the exercise is not a stub (it would count as started): its body must be "
                            "`raise NotImplementedError`")
        elif "raise NotImplementedError" not in stub.splitlines()[edit_line(stub, unit) - 1]:
            problems.append(f"{unit.id}: drill points at a line that is not the stub's raise")
        if is_stub(reference, unit) or not definition_texts(reference, unit):
            problems.append(f"{unit.id}: the reference is a stub or lacks the unit's names "
                            f"({', '.join(unit.names)}): write them in {reference_file.relative_to(root)}")
    return problems


def grader_problems(units) -> list[str]:
    """Every unit has one grader (a module that registers two for one unit raises on import)."""
    from harness.core import grading

    problems = []
    for unit in units:
        if unit.framework not in _installed():
            continue
        try:
            importlib.import_module(f"graders.{unit.framework}.{unit.module}")
        except LookupError as exc:  # two graders for a unit, or a grader for a unit the catalog lacks
            problems.append(f"{unit.id}: {exc}")
            continue
        if unit.id not in grading._GRADERS:
            problems.append(f"{unit.id}: no grader: add `@grader({unit.name!r})` to "
                            f"graders/{unit.framework}/{unit.module}.py")
    return problems


def catalogue_problems(units, root: Path = CHECKOUT) -> list[str]:
    """Enough mutants and variants per unit in ``tests/catalogue/`` (every batch)."""
    if not (root / "tests" / "catalogue").is_dir():
        return ["tests/catalogue/ is missing: dev check needs the full repository, not a student release"]
    from tests.catalogue import Mutant, entries

    problems = []
    for unit in units:
        own = [e for e in entries(unit.framework, unit.module) if e.unit == unit.name]
        mutants = sum(isinstance(e, Mutant) for e in own)
        variants = len(own) - mutants
        file = f"tests/catalogue/{unit.framework}_{unit.module}.py"
        if mutants < MIN_MUTANTS:
            problems.append(f"{unit.id}: {mutants} mutant(s) in the catalogue, {MIN_MUTANTS} wanted: add plausible "
                            f"wrong versions to {file} (MUTANTS)")
        if variants < MIN_VARIANTS:
            problems.append(f"{unit.id}: {variants} correct variant(s), {MIN_VARIANTS} wanted: add one written "
                            f"differently to {file} (VARIANTS)")
    return problems


def grading_problems(units, root: Path = CHECKOUT, seed: int = SEED) -> list[str]:
    """The stub fails; the reference passes in-process and isolated.  Units whose framework is not installed, and
    GPU units on a machine without a GPU, are left out (said in the summary)."""
    from harness.core.grading import grade_unit
    from harness.drill.grade import grade_submissions, limits_for

    from harness.core import profiles

    problems = []
    graded = [u for u in units if u.framework in _installed()]
    profiles.activate("dev", database=False)  # in-process: the student's profile (isolated below: the instructor's)
    for unit in graded:
        stub = grade_unit(unit, root / "exercises", session_seed=seed)
        if stub.status == "passed":
            problems.append(f"{unit.id}: the stub passes its grader: the grader checks nothing the stub lacks")
        ref = grade_unit(unit, root / "solutions", session_seed=seed)
        if ref.status not in ("passed", "skipped"):
            problems.append(f"{unit.id}: the reference does not pass in-process ({ref.status}): "
                            f"{_first_line(ref.message)}")
    if graded:
        (document,) = grade_submissions([root / "solutions"], graded, seed, limits_for(60.0, 4096), jobs=1)
        for row in document["units"]:
            if row["status"] not in ("passed", "skipped"):
                problems.append(f"{row['id']}: the reference does not pass in an isolated worker ({row['status']}): "
                                f"{_first_line(row.get('message', ''))}")
    return problems


def check(root: Path = CHECKOUT, *, static: bool = False, seed: int = SEED, out=sys.stdout) -> int:
    from harness.core import recorded

    if recorded.student_release(root) is not None or not (root / "solutions").is_dir():
        print(f"drill dev check: {root} is a student release (no solutions/, no tests/): run it in the "
              "instructor's repository", file=sys.stderr)
        return 2
    from harness.core import tf_settings

    tf_settings.apply()  # TensorFlow's start-up chatter is not a problem of the units
    units = catalog.UNITS
    steps = [("metadata and files", lambda: metadata_problems(units, root)),
             ("graders", lambda: grader_problems(units)),
             ("catalogue", lambda: catalogue_problems(units, root))]
    if not static:
        steps.append((f"grading at seed {seed}", lambda: grading_problems(units, root, seed)))
    problems = []
    for name, step in steps:
        found = step()
        print(f"{name}: {'ok' if not found else f'{len(found)} problem(s)'}", file=out)
        problems += found
    absent = [fw for fw in catalog.FRAMEWORKS if fw not in _installed()]
    if absent:
        print(f"not checked (framework not installed): the {', '.join(absent)} track's graders and grading",
              file=out)
    for line in problems:
        print(f"  {line}", file=out)
    print(f"drill dev check: {len(units)} units, {len(problems)} problem(s)", file=out)
    return 1 if problems else 0


def _installed() -> list[str]:
    return [fw for fw in catalog.FRAMEWORKS if catalog.framework_installed(fw)]


def _first_line(message: str) -> str:
    return (message or "").strip().splitlines()[0] if (message or "").strip() else "(no message)"
