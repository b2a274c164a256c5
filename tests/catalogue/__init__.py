"""Catalogue of plausible wrong implementations (mutants) and correct variants, per graded unit.

Each entry is the reference module with ``code`` appended: the code redefines
the unit's names (a class or function), so the rest of the module stays the
reference.  A mutant must be rejected by its own unit's grader and by no
other unit of the module, except units that use it (``Unit.depends`` in
harness/units.toml).  A variant is a correct implementation written
differently and must pass every unit of the module.

Catalogue files are ``<framework>_<module>.py`` beside this one, each with
``MUTANTS`` and ``VARIANTS`` lists.  ``blind/<framework>_<module>.py`` (and
``blind2/``, a later batch) holds the same for entries written *blind*: from the
contract and the reference only, by someone who had not read the graders (the
honest measure of a grader's power).
"""

from __future__ import annotations

import importlib
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from harness import catalog

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Mutant:
    unit: str  # the unit's name, e.g. "MLP"
    why: str  # the student's mistake, in words
    code: str
    open_escape: str = ""  # non-empty: a known escape the graders do not catch yet (test_catalogue xfails it)

    expect_pass = False


@dataclass(frozen=True)
class Variant:
    unit: str
    why: str  # what is different, and why it is still right
    code: str

    expect_pass = True


@dataclass(frozen=True)
class Judged:
    """A blind entry taken out after its first run, with the reason: the contract does not ask for what the
    mutant gets wrong (``out of contract``), or the helper's variant was itself wrong (it became a mutant)."""

    entry: object
    reason: str


def judge(mutants: list, variants: list, *, out_of_contract: dict[str, str] | None = None,
          wrong_variants: dict[str, str] | None = None,
          open_escapes: dict[str, str] | None = None) -> tuple[list, list, list]:
    """Apply the lead's judgement to a blind file's lists, by the start of each entry's ``why``.

    Returns (mutants, variants, judged): mutants keep their text; a wrong variant becomes a mutant whose ``why``
    says what is wrong with it; an out-of-contract entry is listed in ``judged`` only (kept for the record,
    never graded); an ``open_escapes`` mutant is wrong but not caught yet: it stays a mutant, marked, and
    tests/test_catalogue.py expects it to escape (strictly: once a grader catches it, the mark must go).  A key that matches no entry raises, so a judgement cannot silently go stale.
    """
    out_of_contract, wrong_variants, open_escapes = out_of_contract or {}, wrong_variants or {}, open_escapes or {}

    def match(table, entry):
        return next((k for k in table if entry.why.startswith(k)), None)

    used = set()
    kept_m, kept_v, judged = [], [], []
    for e in mutants + variants:
        key = match(out_of_contract, e)
        if key:
            used.add(key)
            judged.append(Judged(e, out_of_contract[key]))
            continue
        key = match(wrong_variants, e) if isinstance(e, Variant) else None
        if key:
            used.add(key)
            kept_m.append(Mutant(e.unit, f"[was a variant] {wrong_variants[key]} ({e.why})", e.code))
            continue
        key = match(open_escapes, e) if isinstance(e, Mutant) else None
        if key:
            used.add(key)
            kept_m.append(Mutant(e.unit, e.why, e.code, open_escape=open_escapes[key]))
            continue
        (kept_m if isinstance(e, Mutant) else kept_v).append(e)
    stale = (set(out_of_contract) | set(wrong_variants) | set(open_escapes)) - used
    if stale:
        raise LookupError(f"judgements that match no entry: {sorted(stale)}")
    return kept_m, kept_v, judged


BLIND_BATCHES = ("blind", "blind2", "blind3")  # packages of blind entries, one per batch, oldest first


def entries(framework: str, module: str, *, blind: bool | None = None, batch: str | None = None) -> list:
    """The module's entries; ``blind=True``/``False`` only the blind / the original ones; ``batch`` only one blind
    batch (a package name of ``BLIND_BATCHES``)."""
    found = []
    blind_packages = tuple(f"{b}." for b in BLIND_BATCHES)
    packages = {None: ("", *blind_packages), True: blind_packages, False: ("",)}[blind]
    if batch is not None:
        packages = (f"{batch}.",)
    for package in packages:
        try:
            mod = importlib.import_module(f"tests.catalogue.{package}{framework}_{module}")
        except ModuleNotFoundError:
            continue
        found += [*mod.MUTANTS, *mod.VARIANTS]
    return found


def mutant(framework: str, module: str, unit: str, why: str) -> Mutant:
    """The one mutant of the module's catalogue (any batch) for ``unit`` whose ``why`` starts with ``why``: for tests
    and benchmarks that need a known mistake, so each mistake is written once."""
    found = [e for e in entries(framework, module) if isinstance(e, Mutant) and e.unit == unit
             and e.why.startswith(why)]
    if len(found) != 1:
        raise LookupError(f"{len(found)} mutants of {framework}.{module}.{unit} start with {why!r}")
    return found[0]


def all_entries() -> list[tuple[str, str, object]]:
    return [(fw, module, e) for fw in catalog.FRAMEWORKS for module in catalog.MODULES
            for e in entries(fw, module)]


def build_tree(tmp: Path, framework: str, module: str, code: str) -> Path:
    """A tree holding only ``<framework>/<module>.py``: the reference with ``code`` appended."""
    target = tmp / framework / f"{module}.py"
    target.parent.mkdir(parents=True, exist_ok=True)
    source = (ROOT / "solutions" / framework / f"{module}.py").read_text()
    target.write_text(source + "\n\n# ---- catalogue entry ----\n" + textwrap.dedent(code).strip() + "\n")
    return tmp


def allowed_failures(framework: str, module: str, unit_name: str) -> set[str]:
    """The unit itself and the units of the module that declare they use it."""
    own = f"{framework}.{module}.{unit_name}"
    return {own} | {u.id for u in catalog.units_for(framework, module) if unit_name in u.depends}
