"""The one list of graded units: ids, titles, book sections, points, hints, order.

The units themselves are data, in ``harness/units.toml`` (``format_version`` 1), read and checked by
:func:`load_units`, the one loader.  Everything that needs to know about units (the graders' registry, the pytest
plugin, the summary table, the JSON report, the ``drill`` command) reads this module.  Chapter order is the order
of ``UNITS``.

Every unit has three hint stages, shown one at a time by ``drill hint``: first a
nudge (what to think about, the usual mistake), then what to read (the API names
and the d2l section), then the steps of a solution in words.  No stage, and no
rule, holds code: naming an API is fine, writing the call that solves the
exercise is not (``harness.leaks.stub_leaks`` and ``tests/test_drill.py`` check
that no hint or rule contains a statement or expression of the reference).

A unit's ``rule`` is the one-line statement of what its grader checks (names,
signature, defaults, shapes, order, what is registered or tracked, what changes
in place), published in ``docs/units.md`` (``python -m harness.unit_docs``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

BOOK = 'd2l chapter "Deep learning computation"'  # where the units come from
FRAMEWORKS = ("pytorch", "tensorflow")
PACKAGES = {"pytorch": "torch", "tensorflow": "tensorflow"}  # the package each track imports


def framework_installed(framework: str) -> bool:
    """The track's framework can be found (not imported: that is what finding it avoids)."""
    import importlib.util

    return importlib.util.find_spec(PACKAGES[framework]) is not None
MODULES = ("blocks", "parameters", "lazy_init", "custom_layers", "file_io", "gpu")

SECTIONS = {
    "blocks": "6.1 Layers and Modules",
    "parameters": "6.2 Parameter Management",
    "lazy_init": "6.4 Lazy Initialization",
    "custom_layers": "6.5 Custom Layers",
    "file_io": "6.6 File I/O",
    "gpu": "6.7 GPUs",
}


@dataclass(frozen=True)
class Unit:
    id: str  # "<framework>.<module>.<name>"
    title: str
    points: float
    names: tuple[str, ...]  # names the module must define; any absent -> "missing"
    hints: tuple[str, ...] = ()
    depends: tuple[str, ...] = ()  # names of other units this one uses (a bug there shows here too)
    gpu: bool = False
    rule: str = ""  # the one-line rule the unit must meet (``drill next`` and docs/units.md show it)
    # The properties the unit's points are split over, (name, share); none: the unit is one property.  Its grader
    # checks each in a ``with g.property(name):`` block, and a wrong property costs only its share.
    properties: tuple[tuple[str, float], ...] = ()

    def property_points(self) -> dict[str, float]:
        """Each property's points (the unit's points split by the shares), in order."""
        total = sum(share for _, share in self.properties)
        return {name: round(self.points * share / total, 6) for name, share in self.properties}

    @property
    def framework(self) -> str:
        return self.id.split(".")[0]

    @property
    def module(self) -> str:
        return self.id.split(".")[1]

    @property
    def name(self) -> str:
        return self.id.split(".")[2]

    @property
    def section(self) -> str:
        return SECTIONS[self.module]


UNITS_FILE = Path(__file__).resolve().with_name("units.toml")
FORMAT_VERSION = 1
_KEYS = {"id", "title", "points", "names", "depends", "gpu", "properties", "rule", "hints"}


class CatalogError(ValueError):
    """``units.toml`` says something the harness cannot use; the message names the unit and the key."""


def load_units(path: Path = UNITS_FILE) -> tuple[Unit, ...]:
    """The units of ``path`` (``harness/units.toml``), checked: the one loader of the unit metadata."""
    with open(path, "rb") as f:
        data = tomllib.load(f)
    if data.get("format_version") != FORMAT_VERSION:
        raise CatalogError(f"{path.name}: format_version {data.get('format_version')!r}, this harness reads "
                           f"{FORMAT_VERSION}")
    units = []
    for number, entry in enumerate(data.get("unit", []), 1):
        where = f"{path.name}, unit {number} ({entry.get('id', 'no id')})"
        unknown = set(entry) - _KEYS
        if unknown:
            raise CatalogError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_KEYS))})")
        for key in ("id", "title", "points", "rule", "hints"):
            if key not in entry:
                raise CatalogError(f"{where}: no {key}")
        parts = str(entry["id"]).split(".")
        if len(parts) != 3 or parts[0] not in FRAMEWORKS or parts[1] not in MODULES:
            raise CatalogError(f"{where}: id must be <framework>.<module>.<name> with a framework of "
                               f"{FRAMEWORKS} and a module of {MODULES}")
        properties = tuple((p, 1.0) if isinstance(p, str) else (str(p[0]), float(p[1]))
                           for p in entry.get("properties", ()))
        units.append(Unit(id=entry["id"], title=entry["title"], points=float(entry["points"]),
                          names=tuple(entry.get("names", (parts[2],))), hints=tuple(entry["hints"]),
                          depends=tuple(entry.get("depends", ())), gpu=bool(entry.get("gpu", False)),
                          rule=entry["rule"], properties=properties))
    return tuple(units)


UNITS: tuple[Unit, ...] = load_units()
BY_ID: dict[str, Unit] = {u.id: u for u in UNITS}


def units_for(framework: str | None = None, module: str | None = None) -> list[Unit]:
    return [
        u for u in UNITS
        if (framework is None or u.framework == framework) and (module is None or u.module == module)
    ]

