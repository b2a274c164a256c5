"""d2l-drill's harness: the grading core, the pytest plugin, isolation and the ``drill`` command.

A regular package (not a namespace package): with the project installed from one checkout and run in another,
Python finds one ``harness`` only, never a mix of the two.  :data:`CHECKOUT` is the checkout this harness belongs
to; its ``graders/`` and ``solutions/`` are the ones it grades with.  :func:`foreign_checkout` says when a command
is run inside a *different* checkout, which every command refuses (it would grade that checkout's exercises with
this one's graders and reference).
"""

from __future__ import annotations

from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def is_checkout(folder: Path) -> bool:
    """``folder`` holds a d2l-drill project: the harness, the graders and the exercises."""
    folder = Path(folder)
    return all((folder / part).is_dir() for part in ("harness", "graders", "exercises"))


def foreign_checkout(folder: Path) -> str:
    """"" if ``folder`` is this harness's checkout (or not a checkout at all); else the message to refuse with."""
    folder = Path(folder).resolve()
    if not is_checkout(folder) or folder == CHECKOUT:
        return ""
    return (f"{folder} is a d2l-drill checkout, but this harness is the one of {CHECKOUT} (installed from there): "
            f"it would grade {folder.name}'s exercises with the graders and reference of {CHECKOUT}. Run "
            f"`python -m harness.cli ...` or `python -m pytest ...` inside {folder}, or install it there with "
            f"`pip install -e {folder}`.")
