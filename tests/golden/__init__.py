"""Golden messages: for every unit, one typical mistake (a catalogue mutant) and the exact first two lines of the
message a student gets for it, graded in-process in the students' ``dev`` profile at a fixed seed.

``tests/golden/<unit id>.txt`` holds the mutant (by its ``why``), the seed and the two lines; tests/test_golden.py
grades each again and compares exactly.  A message changes only with its golden file:

    python -m tests.golden                 # write the files of units that have none
    python -m tests.golden --update PREFIX # rewrite those of the units whose id starts with PREFIX (after review)

The temporary tree's path is written ``<tree>``, and Keras' automatic layer names (``dense_213``, numbered by
how many layers the process built before) ``dense_N``.  GPU-marked units are graded only where the framework sees a GPU.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from harness import catalog

HERE = Path(__file__).resolve().parent
SEED = 1
PROFILE = "dev"
LINES = 2
_KERAS_AUTO_NAME = re.compile(r"(layer '[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*)_\d+'")


@dataclass
class Golden:
    unit: catalog.Unit
    why: str
    seed: int
    lines: list[str]

    @property
    def path(self) -> Path:
        return HERE / f"{self.unit.id}.txt"

    def text(self) -> str:
        return (f"# mutant: {self.why}\n# seed: {self.seed}, profile {PROFILE}\n" + "\n".join(self.lines) + "\n")

    @classmethod
    def read(cls, path: Path) -> Golden:
        head, seed_line, *lines = path.read_text().splitlines()
        return cls(catalog.BY_ID[path.stem], head.removeprefix("# mutant: "),
                   int(seed_line.removeprefix("# seed: ").split(",")[0]), lines)


def typical_mistake(unit: catalog.Unit):
    """The unit's first mutant of the original catalogue (else of a blind batch) that the graders catch."""
    from tests.catalogue import Mutant, entries

    found = [e for blind in (False, True) for e in entries(unit.framework, unit.module, blind=blind)
             if isinstance(e, Mutant) and e.unit == unit.name and not e.open_escape]
    if not found:
        raise LookupError(f"no catalogue mutant for {unit.id}")
    return found[0]


def first_lines(unit: catalog.Unit, why: str, seed: int) -> list[str]:
    """Grade the mutant whose ``why`` is ``why`` and return the message's first lines, the tree's path as <tree>."""
    from harness.core import profiles
    from harness.core.grading import grade_unit
    from tests.catalogue import build_tree, mutant

    entry = mutant(unit.framework, unit.module, unit.name, why)
    before = profiles.current()
    profiles.activate(PROFILE)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            tree = build_tree(Path(tmp), unit.framework, unit.module, entry.code)
            result = grade_unit(unit, tree, session_seed=seed)
            message = result.message.replace(str(tree.resolve()), "<tree>").replace(str(tree), "<tree>")
            message = _KERAS_AUTO_NAME.sub(r"\1_N'", message)
    finally:
        profiles.activate(before)
    return [f"[{result.status}] " + line if i == 0 else line for i, line in enumerate(message.splitlines()[:LINES])]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", metavar="PREFIX", action="append", default=[],
                        help="rewrite the golden files of units whose id starts with PREFIX (repeatable)")
    args = parser.parse_args(argv)
    for unit in catalog.UNITS:
        path = HERE / f"{unit.id}.txt"
        update = any(unit.id.startswith(p) for p in args.update)
        if path.exists() and not update:
            continue
        if not catalog.framework_installed(unit.framework):
            print(f"{unit.id}: {catalog.PACKAGES[unit.framework]} is not installed; not written", file=sys.stderr)
            continue
        why = Golden.read(path).why if path.exists() else typical_mistake(unit).why
        lines = first_lines(unit, why, SEED)
        if lines[0].startswith("[skipped]"):
            print(f"{unit.id}: skipped here ({lines[0]}); not written", file=sys.stderr)
            continue
        golden = Golden(unit, why, SEED, lines)
        path.write_text(golden.text())
        print(f"{unit.id}: {lines[0][:100]}")
    return 0
