"""File I/O checks both frameworks share: the exact path, nothing else written, no code run on load.

Probe side (framework-neutral): :func:`round_trip` saves with the tree's own function into a fresh
folder, lists what was written, loads it back, then (optionally) overwrites the file with a malicious
pickle and tries loading that.  Grader side, in this order: :func:`check_files` and
:func:`check_not_executed` before the round trip is compared, :func:`check_refused` after it, so that
a loader which never reads its file hears about the round trip first.
"""

from __future__ import annotations

import os
import tempfile

from harness.feedback import check

from ._safety import try_loading, write_malicious_pickle

FILE = "saved.params"  # "any path the caller gives": an unusual suffix, in a fresh folder


def list_files(folder) -> list[str]:
    found = []
    for root, _, names in os.walk(folder):
        found += [os.path.relpath(os.path.join(root, n), folder) for n in names]
    return sorted(found)


def spec_text(dtype, shape) -> str:
    return f"{dtype} tensor of shape {tuple(shape)}"


def a(word: str) -> str:
    """``word`` with its indefinite article: 'an int8 tensor', 'a bool tensor', 'an OrderedDict'."""
    vowel = word[:1].lower() in "aeio" or (word[:1].lower() == "u" and not word.startswith("uint"))
    return f"{'an' if vowel else 'a'} {word}"


def round_trip(save, load, value, *, safety: bool = True):
    """``save(value, path)`` then ``load(path)`` in a fresh folder: (files written, loaded object, safety).

    ``loaded`` is None where nothing was written at ``path``; ``safety`` (see graders/_safety.py) is None
    unless asked for.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, FILE)
        save(value, path)
        files = list_files(folder)
        loaded = load(path) if os.path.exists(path) else None
        result = None
        if safety:
            marker = os.path.join(folder, "payload-ran")
            write_malicious_pickle(path, marker)
            result = try_loading(load, path, marker)
    return files, loaded, result


def check_files(called: str, got: dict) -> None:
    """``got["files"]``: what the save wrote in a fresh folder."""
    __tracebackhide__ = True
    check(got["files"] == [FILE], "does not write exactly the path it is given.",
          f"Called `{called}`. Got files {got['files']} in a fresh folder, but the reference writes only "
          f"[{FILE!r}] (no suffix appended, nothing else).")


def check_not_executed(got: dict, load_name: str, safe_api: str) -> None:
    """``got["safety"]``: loading a malicious pickle must not run its payload."""
    __tracebackhide__ = True
    check(not got["safety"]["executed"], f"executes code from the file: `{load_name}` unpickles it.",
          f"Called `{load_name}` on a file holding a malicious pickle. Got its payload run, but the reference "
          f"never runs code from a file. Use {safe_api}.")


def check_refused(got: dict, load_name: str) -> None:
    """A loader that round-trips correctly must also refuse a pickle that would run code."""
    __tracebackhide__ = True
    check(bool(got["safety"]["raised"]), "accepts a file holding a malicious pickle without an error.",
          f"Called `{load_name}` on a pickle that would run code. Got no error, but the reference refuses it.")
