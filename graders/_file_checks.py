"""File I/O checks both frameworks share: the exact path, nothing else written, no code run on load."""

from __future__ import annotations

import os

from harness.feedback import check

FILE = "saved.params"  # "any path the caller gives": an unusual suffix, in a fresh folder


def list_files(folder) -> list[str]:
    found = []
    for root, _, names in os.walk(folder):
        found += [os.path.relpath(os.path.join(root, n), folder) for n in names]
    return sorted(found)


def spec_text(dtype, shape) -> str:
    return f"{dtype} tensor of shape {tuple(shape)}"


def check_files_and_safety(called: str, got: dict, load_name: str, safe_api: str) -> None:
    """``got`` holds ``files`` (written in a fresh folder) and ``safety`` (see graders/_safety.py)."""
    __tracebackhide__ = True
    check(got["files"] == [FILE], "does not write exactly the path it is given.",
          f"Called `{called}`. Got files {got['files']} in a fresh folder, but the reference writes only "
          f"[{FILE!r}] (no suffix appended, nothing else).")
    s = got["safety"]
    check(not s["executed"], f"executes code from the file: `{load_name}` unpickles it.",
          f"Loading a file that holds a malicious pickle ran its payload. Use {safe_api}.")
    check(bool(s["raised"]), "accepts a file holding a malicious pickle without an error.",
          f"Called `{load_name}` on a pickle that would run code. Got no error, but the reference refuses it.")
