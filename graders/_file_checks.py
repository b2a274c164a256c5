"""File I/O checks both frameworks share: the exact path, nothing else written, no code run on load.

Probe side (framework-neutral): :func:`round_trip` saves with the tree's own function into a fresh
folder, with a fresh private temp directory (``tempfile.tempdir``, ``TMPDIR``) so that a temp file left
behind shows, lists what was written in both, loads it back, then (optionally) overwrites the file with
malicious payloads, raw and inside the framework's own containers (graders/_safety.py), and tries
loading each.  Grader side, in this order: :func:`check_files` and
:func:`check_not_executed` before the round trip is compared, :func:`check_refused` after it, so that
a loader which never reads its file hears about the round trip first.
"""

from __future__ import annotations

import builtins
import contextlib
import os
import sys
import tempfile
from unittest import mock

from harness.api import check, fail

from ._safety import try_every_container

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


@contextlib.contextmanager
def private_tempdir():
    """A fresh, empty directory as the process's temp directory for the duration; yields its path."""
    with tempfile.TemporaryDirectory() as scratch:
        with mock.patch.object(tempfile, "tempdir", scratch), mock.patch.dict(os.environ, {"TMPDIR": scratch}):
            yield scratch


_LIBRARIES = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix})


@contextlib.contextmanager
def evals_seen():
    """Yields a list that gets one entry per ``eval()`` called from code outside the installed libraries meanwhile:
    a loader that evaluates text from its file runs whatever that text says (no pickle needed)."""
    seen = []
    real = builtins.eval

    def spy(source, *args, **kwargs):
        caller = sys._getframe(1).f_code.co_filename
        if not caller.startswith(_LIBRARIES):
            seen.append(caller)
        return real(source, *args, **kwargs)

    with mock.patch.object(builtins, "eval", spy):
        yield seen


def round_trip(save, load, value, *, safety: bool = True, framework: str = "pytorch"):
    """``save(value, path)`` then ``load(path)`` in a fresh folder: (files written, loaded object, safety).

    ``files`` lists what was written in the folder, then anything left in the temp directory (as
    ``"<tempdir>/NAME"``); ``loaded`` is None where nothing was written at ``path``; ``safety`` (see
    graders/_safety.py) is None unless asked for.
    """
    with tempfile.TemporaryDirectory() as folder, private_tempdir() as scratch:
        path = os.path.join(folder, FILE)
        save(value, path)
        with evals_seen() as evals:
            loaded = load(path) if os.path.exists(path) else None
        files = list_files(folder) + [f"<tempdir>/{name}" for name in list_files(scratch)]
        result = None
        if safety:
            result = try_every_container(load, path, folder, framework)
            if evals:  # ran on the loader's own file: a file written by anyone else runs what it holds
                result["executed"].insert(0, "its own file, through eval()")
    return files, loaded, result


def resave(save, load, first, second):
    """``save(first, path)``, then ``save(second, path)`` at the same path in a fresh folder, then ``load(path)``:
    (loaded, files in the folder).  The path must hold the second value only."""
    with tempfile.TemporaryDirectory() as folder, private_tempdir():
        path = os.path.join(folder, FILE)
        save(first, path)
        save(second, path)
        return load(path), list_files(folder)


def check_resaved_dict(called: str, got: dict, want_keys: list) -> None:
    """``got["keys"]``: the keys loaded after two dicts were saved at one path (:func:`resave`)."""
    __tracebackhide__ = True
    check(got["keys"] is not None, "does not load a dict after a second save at the same path.",
          f"Called `{called}`. Got {a(got['type'])}, but the reference gives the second dict.")
    check(sorted(got["keys"], key=repr) == sorted(want_keys, key=repr),
          "keeps keys of an earlier save at the same path.",
          f"Called `{called}`. Got keys {got['keys']}, but the reference gives {want_keys}: a save replaces the "
          "file, it does not merge into what was there.")


def check_only_the_path(called: str, files: list) -> None:
    """``files``: what a folder holds after several saves at one path in it: that path only."""
    __tracebackhide__ = True
    check(files == [FILE], "writes other files than the path it is given.",
          f"Called `{called}`. Got files {files} in the folder, but the reference writes only [{FILE!r}] (no "
          "backups, no parts, no suffixes).")


def check_files(called: str, got: dict) -> None:
    """``got["files"]``: what the save and the load wrote in a fresh folder and in the temp directory."""
    __tracebackhide__ = True
    left = [f for f in got["files"] if f.startswith("<tempdir>/")]
    check(not left, "leaves files behind in the temp directory.",
          f"Called `{called}`. Got {left} left in tempfile.gettempdir(), but the reference writes only the path "
          "it is given: remove temporary files (or write straight to the path).")
    check(got["files"] == [FILE], "does not write exactly the path it is given.",
          f"Called `{called}`. Got files {got['files']} in a fresh folder, but the reference writes only "
          f"[{FILE!r}] (no suffix appended, nothing else).")


def check_not_executed(got: dict, load_name: str, safe_api: str) -> None:
    """``got["safety"]``: loading a malicious file must not run its payload, whatever container holds it."""
    __tracebackhide__ = True
    ran = got["safety"]["executed"]
    if ran and "eval()" in ran[0]:
        fail(f"executes code from the file: `{load_name}` reads it with eval().",
              f"Called `{load_name}` on a file it saved itself. Got eval() called on what it read, but the reference "
              "never evaluates file contents: a file written by anyone else runs whatever it holds. Parse it (json, "
              f"ast.literal_eval, int()) or use {safe_api}.")
    check(not ran, f"executes code from the file: `{load_name}` unpickles it.",
          f"Called `{load_name}` on files holding a malicious pickle. Got its payload run from {ran[0] if ran else ''}, "
          f"but the reference never runs code from a file. Use {safe_api}, whatever the file looks like.")


def check_refused(got: dict, load_name: str) -> None:
    """A loader that round-trips correctly must also refuse every file holding a pickle that would run code."""
    __tracebackhide__ = True
    accepted = got["safety"]["accepted"]
    check(not accepted, "accepts a file holding a malicious pickle without an error.",
          f"Called `{load_name}` on {accepted[0] if accepted else ''} holding a pickle that would run code. Got no "
          "error, but the reference refuses it.")
