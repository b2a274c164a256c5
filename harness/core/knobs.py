"""The harness's environment knobs (``D2L_*``), read and checked in one place.

Each ``D2L_*`` variable is declared once here (its type, default, bounds and meaning); :func:`value` reads it, and a
bad value raises :class:`SettingsError` naming the variable, what it holds and what it must be, instead of a
``ValueError`` from deep inside a grader.  :func:`overridden` lists the ones set, for the pytest header and
``drill grade``, so a report made with other settings says so.  Options (seed, profile, pools) are the plugin's and
``drill``'s own command-line options; an option given there wins over these.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass


class SettingsError(ValueError):
    """A ``D2L_*`` variable holds a value the harness cannot use."""


@dataclass(frozen=True)
class Knob:
    kind: type  # int or float
    default: float | None  # None: the caller's own default (e.g. one per framework)
    minimum: float  # smallest value allowed
    meaning: str


KNOBS = {
    "D2L_CALL_TIMEOUT": Knob(float, 20.0, 0.001, "seconds one call into the implementation may take"),
    "D2L_SHRINK_EXAMPLES": Knob(int, None, 0, "examples Hypothesis may run after a failure, to shrink it "
                                              "(default 300 PyTorch, 40 TensorFlow)"),
    "D2L_TF_SCALE": Knob(float, 0.25, 0.001, "share of the profile's examples a TensorFlow property runs"),
}


def value(name: str, default: float | None = None) -> float | int:
    """The knob's value from the environment, else ``default`` (else its declared default)."""
    knob = KNOBS[name]
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        chosen = knob.default if default is None else default
        return knob.kind(chosen)
    try:
        number = knob.kind(raw.strip())
    except ValueError:
        number = None
    if number is None or not math.isfinite(number) or number < knob.minimum:
        want = "a whole number" if knob.kind is int else "a number"
        raise SettingsError(f"{name}={raw!r} (from the environment) is not {want} >= {knob.minimum:g}: {name} is "
                            f"the {knob.meaning}; unset it or give such a number")
    return number


def overridden() -> list[str]:
    """``NAME=value`` for each knob set in the environment, checked (raises :class:`SettingsError`)."""
    return [f"{name}={value(name, 0 if KNOBS[name].default is None else None):g}" for name in KNOBS
            if os.environ.get(name, "").strip()]
