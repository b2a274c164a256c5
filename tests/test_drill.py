"""``drill``, the self-study command, end to end: real subprocess runs on a copy of the repository.

Grading runs use PyTorch units only (a few seconds each: the torch import);
TensorFlow appears where it is free (listing, framework memory).

The self-check (rustlings' ``dev check``) is ``test_catalog_self_check``: every
unit has a rule and three hint stages, no hint holds a statement of the
reference (``harness/leaks.py``), every stub is recognised as a stub with a line to edit, every
reference unit is not a stub.  That the stubs fail and the reference passes
when graded is ``tests/test_reference_and_stubs.py``.
"""

from __future__ import annotations

import ast
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from harness import catalog
from harness.core.exercise_source import definition_texts, replace_definitions

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[")
BOX = re.compile(r"[\u2500-\u257f\u2580-\u259f]")  # box drawing and block elements


@pytest.fixture
def repo(tmp_path):
    """A copy of the repository (no .venv, no .git): what a student has after unpacking it."""
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "*.pyc")
    for name in ("exercises", "solutions", "harness", "graders"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("FORCE_COLOR", "NO_COLOR", "COLUMNS", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CI")}
    env.update(PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def drill(repo, *args, input="", env=None, timeout=180):
    """Run ``python -m harness.cli ARGS`` in ``repo`` (its own harness comes first on sys.path)."""
    done = subprocess.run([sys.executable, "-m", "harness.cli", *args], cwd=repo, input=input, text=True,
                          capture_output=True, timeout=timeout, env=env or _env())
    return done


def state(repo) -> dict:
    return json.loads((repo / ".drill-state.json").read_text())


def solve(repo, unit_id):
    """Put the reference's definitions of a unit into the exercise file."""
    unit = catalog.BY_ID[unit_id]
    path = repo / "exercises" / unit.framework / f"{unit.module}.py"
    reference = (repo / "solutions" / unit.framework / f"{unit.module}.py").read_text()
    path.write_text(replace_definitions(path.read_text(), unit, definition_texts(reference, unit)))
    return path


BROKEN_MYSEQUENTIAL = '''
class MySequential(nn.Module):
    def __init__(self, *blocks):
        super().__init__()
        self.blocks = list(blocks)  # a plain list: nothing is registered

    def forward(self, X):
        for block in self.blocks:
            X = block(X)
        return X
'''


def write_unit(path, unit_id, text):
    unit = catalog.BY_ID[unit_id]
    path.write_text(replace_definitions(path.read_text(), unit, {unit.name: text.strip("\n") + "\n"}))


# -- listing and the next unit -----------------------------------------------------------------------------------

def test_list_shows_every_unit_in_chapter_order_as_plain_text(repo):
    done = drill(repo, "list")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert not ANSI.search(out) and not BOX.search(out), "not a TTY: plain text expected"
    rows = [line.split() for line in out.splitlines() if re.match(r"\s*\d+\s", line)]
    units = catalog.units_for("pytorch")
    assert [r[1] for r in rows] == [f"{u.module}.{u.name}" for u in units]
    for row, unit in zip(rows, units):
        assert " ".join(row[-3:-1]) == "not started", row
        assert row[-4] == f"{unit.points:g}"
    counted = [u for u in units if not u.gpu]  # a GPU unit counts once graded on a machine with a GPU
    total = sum(u.points for u in counted)
    assert f"0/{total:g} points, 0 of {len(counted)} units done (0%)" in out
    assert re.search(r"\[-{40}\]", out), "plain progress bar"
    assert "Next: MLP" in out


def test_forced_terminal_output_uses_colours_and_a_bar(repo):
    done = drill(repo, "list", env=_env(FORCE_COLOR="1"))
    assert done.returncode == 0, done.stderr
    assert ANSI.search(done.stdout) and BOX.search(done.stdout)


def test_next_names_title_section_file_line_and_rule(repo):
    done = drill(repo, "next")
    assert done.returncode == 0, done.stderr
    unit = catalog.BY_ID["pytorch.blocks.MLP"]
    out = done.stdout
    assert "Next: MLP" in out and unit.title in out and unit.rule in out
    assert 'd2l chapter "Deep learning computation", section 6.1 Layers and Modules' in out
    m = re.search(r"Edit\s+(exercises/pytorch/blocks\.py):(\d+)", out)
    assert m, out
    line = (repo / m.group(1)).read_text().splitlines()[int(m.group(2)) - 1]
    assert "raise NotImplementedError" in line


def test_list_and_next_import_no_framework(repo):
    code = ("import sys; from harness.cli import main; main(['list']); main(['next']); "
            "heavy = [m for m in ('torch', 'tensorflow', 'keras', 'harness.core.grading', 'hypothesis') if m in sys.modules];"
            "print('HEAVY', heavy)")
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, text=True, capture_output=True, timeout=60,
                          env=_env())
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


# -- checking, state, solution gating ------------------------------------------------------------------------------

def test_check_records_progress_and_gates_the_solution(repo):
    blocks = solve(repo, "pytorch.blocks.MLP")
    done = drill(repo, "check", "MLP", "--seed", "3")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[passed] pytorch.blocks.MLP" in done.stdout and "seed 3" in done.stdout
    assert "Next: MySequential" in done.stdout
    recorded = state(repo)
    assert recorded["results"]["pytorch.blocks.MLP"]["status"] == "passed"
    assert recorded["attempted"] == ["pytorch.blocks.MLP"]

    write_unit(blocks, "pytorch.blocks.MySequential", BROKEN_MYSEQUENTIAL)
    done = drill(repo, "check", "blocks.MySequential", "--seed", "3")
    assert done.returncode == 1
    assert "[failed] pytorch.blocks.MySequential" in done.stdout
    assert "register" in done.stdout  # the grader's own message, passed through
    assert re.search(r"edit exercises/pytorch/blocks\.py:\d+", done.stdout)

    # A stub that is checked is not an attempt.
    done = drill(repo, "check", "NestMLP", "--seed", "3")
    assert done.returncode == 1 and "not implemented yet" in done.stdout

    listing = drill(repo, "list").stdout
    status = {r[1]: " ".join(r[-3:-1]) for r in (line.split() for line in listing.splitlines())
              if r and r[0].isdigit()}
    assert status["blocks.MLP"].endswith("done")
    assert status["blocks.MySequential"].endswith("failing")
    assert status["blocks.NestMLP"] == "not started"
    assert "2/47 points, 1 of 33 units done" in listing  # the GPU unit counts once graded with a GPU

    # Comments do not make a result stale; code does.
    blocks.write_text(blocks.read_text().replace("class MLP(nn.Module):", "class MLP(nn.Module):  # mine"))
    listing = drill(repo, "list").stdout
    assert re.search(r"blocks\.MLP .* done", listing)
    write_unit(blocks, "pytorch.blocks.MLP", "class MLP(nn.Module):\n    pass\n")
    listing = drill(repo, "list").stdout
    assert re.search(r"blocks\.MLP .* unchecked", listing)
    assert "0/47 points" in listing

    # The solution: open once the unit passed (MLP, even after it broke again); after a failing attempt only with
    # --force (MySequential); never before an attempt (NestMLP), --force or not.
    shown = drill(repo, "solution", "MLP")
    assert shown.returncode == 0 and "class MLP" in shown.stdout
    refused = drill(repo, "solution", "MySequential")
    assert refused.returncode == 1 and "class MySequential" not in refused.stdout and "--force" in refused.stdout
    forced = drill(repo, "solution", "MySequential", "--force")
    assert forced.returncode == 0 and "class MySequential" in forced.stdout
    for extra in ((), ("--force",)):
        refused = drill(repo, "solution", "NestMLP", *extra)
        assert refused.returncode == 1 and "class NestMLP" not in refused.stdout and "Try first" in refused.stdout


def test_a_solution_shows_the_helpers_its_code_uses(repo):
    """TF file_io's save/load functions call private helpers (a writer, a reader, the format's constants): the
    solution shows them too, never another unit's code."""
    source = (ROOT / "solutions/tensorflow/file_io.py").read_text()
    from harness.core.exercise_source import helper_names

    tensor = catalog.BY_ID["tensorflow.file_io.tensor"]
    helpers = helper_names(source, tensor)
    assert {"_write", "_read"} <= set(helpers), helpers
    assert not set(helpers) & {n for u in catalog.units_for("tensorflow", "file_io") for n in u.names}
    assert helper_names((ROOT / "solutions/pytorch/blocks.py").read_text(), catalog.BY_ID["pytorch.blocks.MLP"]) == []
    recorded = {"version": 1, "framework": "tensorflow", "results": {}, "attempted": [tensor.id], "hints": {},
                "solved": [tensor.id]}
    (repo / ".drill-state.json").write_text(json.dumps(recorded))
    shown = drill(repo, "solution", "tensorflow.file_io.tensor")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "def save_tensor" in shown.stdout and "def _write" in shown.stdout and "def _read" in shown.stdout


def test_hints_come_in_stages_and_never_past_the_last(repo):
    unit = catalog.BY_ID["pytorch.blocks.MySequential"]
    assert len(unit.hints) == 3  # a nudge, the API or section to read, the steps in words
    first = drill(repo, "hint", "MySequential").stdout
    assert unit.hints[0] in first and unit.hints[1] not in first and "(nudge)" in first
    second = drill(repo, "hint", "MySequential").stdout
    assert unit.hints[1] in second and unit.hints[2] not in second and "last hint" not in second
    third = drill(repo, "hint", "MySequential").stdout
    assert all(h in third for h in unit.hints) and "(steps)" in third and "last hint" in third
    fourth = drill(repo, "hint", "MySequential").stdout
    assert fourth.count(unit.hints[2]) == 1
    assert state(repo)["hints"] == {unit.id: 3}
    unknown = drill(repo, "hint", "NoSuchUnit")
    assert unknown.returncode == 1 and "no unit `NoSuchUnit`" in unknown.stderr


def test_framework_choice_is_remembered(repo):
    done = drill(repo, "--framework", "tensorflow", "list")
    assert done.returncode == 0, done.stderr
    assert "custom_layers.MyDense" in done.stdout and "MyLinear" not in done.stdout
    assert state(repo)["framework"] == "tensorflow"
    nxt = drill(repo, "next").stdout
    assert "tensorflow.blocks.MLP" in nxt and "exercises/tensorflow/blocks.py:" in nxt
    back = drill(repo, "list", "--framework", "pytorch")
    assert "custom_layers.MyLinear" in back.stdout and state(repo)["framework"] == "pytorch"


# -- reset --------------------------------------------------------------------------------------------------------

def test_reset_asks_keeps_a_backup_and_touches_only_the_unit(repo):
    blocks = repo / "exercises" / "pytorch" / "blocks.py"
    pristine = blocks.read_text()
    drill(repo, "list")  # first use: the pristine snapshot is taken
    solve(repo, "pytorch.blocks.MLP")
    solve(repo, "pytorch.blocks.MySequential")
    worked = blocks.read_text()

    declined = drill(repo, "reset", "MLP", input="n\n")
    assert declined.returncode == 1 and "Discard" in declined.stdout and blocks.read_text() == worked
    no_answer = drill(repo, "reset", "MLP", input="")
    assert no_answer.returncode == 1 and blocks.read_text() == worked

    accepted = drill(repo, "reset", "MLP", input="y\n")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    unit = catalog.BY_ID["pytorch.blocks.MLP"]
    seq = catalog.BY_ID["pytorch.blocks.MySequential"]
    now = blocks.read_text()
    assert definition_texts(now, unit) == definition_texts(pristine, unit)
    assert definition_texts(now, seq) == definition_texts(worked, seq)  # other work kept
    backups = list((repo / ".drill" / "backups").glob("*/exercises/pytorch/blocks.py"))
    assert [b.read_text() for b in backups] == [worked]

    again = drill(repo, "reset", "MLP", "--yes")
    assert again.returncode == 0 and "already" in again.stdout

    everything = drill(repo, "reset", "--all", "--yes")
    assert everything.returncode == 0, everything.stderr
    assert blocks.read_text() == pristine
    assert len(list((repo / ".drill" / "backups").glob("*/exercises/pytorch/blocks.py"))) == 2


def test_reset_refuses_to_guess_when_no_stub_is_known(repo):
    solve(repo, "pytorch.blocks.MLP")  # edited before drill's first run, no git: the snapshot holds no stub of MLP
    done = drill(repo, "reset", "MLP", "--yes")
    assert done.returncode == 1 and "no pristine stub" in done.stderr
    ok = drill(repo, "reset", "MySequential", "--yes")  # still a stub in the snapshot
    assert ok.returncode == 0 and "already" in ok.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_reset_finds_the_stub_in_git_history_after_work_was_committed(repo):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args],
                       cwd=repo, check=True, capture_output=True)

    blocks = repo / "exercises" / "pytorch" / "blocks.py"
    pristine = blocks.read_text()
    git("init", "-q")
    git("add", "exercises")
    git("commit", "-qm", "stubs")
    solve(repo, "pytorch.blocks.MLP")
    git("commit", "-qam", "my MLP")
    done = drill(repo, "reset", "MLP", "--yes")  # first drill use: the snapshot holds the work, git the stub
    assert done.returncode == 0, done.stderr
    assert "git history" in done.stdout
    assert blocks.read_text() == pristine


# -- watch ----------------------------------------------------------------------------------------------------------

def test_watch_regrades_on_save_and_moves_on(repo):
    proc = subprocess.Popen([sys.executable, "-m", "harness.cli", "watch", "--seed", "1"], cwd=repo, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=_env())
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    seen: list[str] = []

    def wait_for(text, timeout=90):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line:
                return
        raise AssertionError(f"no {text!r} within {timeout} s:\n{''.join(seen)}")

    try:
        wait_for("[failed] pytorch.blocks.MLP")
        wait_for("Watching exercises/pytorch")
        solve(repo, "pytorch.blocks.MLP")
        wait_for("re-grading MLP")
        wait_for("[passed] pytorch.blocks.MLP")
        wait_for("Next: MySequential")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert state(repo)["results"]["pytorch.blocks.MLP"]["status"] == "passed"


_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\r")


class Terminal:
    """A process run under a real pseudo-terminal (160 x 50): keys in, the screen's text out."""

    def __init__(self, repo, *args):
        import fcntl
        import pty
        import struct
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        self.proc = subprocess.Popen([sys.executable, "-m", "harness.cli", *args], cwd=repo, stdin=slave,
                                     stdout=slave, stderr=slave, env=_env(TERM="xterm-256color"),
                                     start_new_session=True)
        os.close(slave)
        self.raw: list[bytes] = []
        self.seen = 0  # how much of the text wait_for has consumed
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.raw.append(data)

    def text(self) -> str:
        return _ESCAPES.sub("", b"".join(self.raw).decode(errors="replace"))

    def wait_for(self, *texts, timeout=90):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            tail = self.text()[self.seen:]
            if all(t in tail for t in texts):
                self.seen += max(tail.index(t) for t in texts)
                return tail
            time.sleep(0.1)
        raise AssertionError(f"no {texts!r} within {timeout} s; the screen since the last wait:\n"
                             f"{self.text()[self.seen:][-3000:]}")

    def press(self, key: str):
        os.write(self.master, key.encode())

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=20)
        os.close(self.master)


def test_watch_on_a_terminal_is_one_screen_with_keys(repo):
    term = Terminal(repo, "watch", "--seed", "1")
    try:
        screen = term.wait_for("d2l-drill watch", "Working on MLP", "not implemented yet", "h hint", "q quit")
        assert "points" in screen and "units done" in screen  # the header's progress
        term.press("h")
        term.wait_for("Hints for MLP", "1/3 (nudge)", "Press h again")
        term.press("h")
        term.wait_for("2/3 (API to read)")
        solve(repo, "pytorch.blocks.MLP")  # a save: re-checked, passed, and the next unit checked at once
        term.wait_for("Saved blocks.py. MLP passed. On to MySequential.", "Working on MySequential",
                      "not implemented yet")
        term.press("l")
        term.wait_for("blocks.MySequential", "gpu.placement", "not started")
        term.press("s")
        term.wait_for("The reference for MySequential is shown once your code passes")
        term.press("n")
        term.wait_for("Skipped to FixedHiddenMLP.", "Working on FixedHiddenMLP")
        term.press("q")
        assert term.proc.wait(timeout=30) == 0
        term.wait_for("Stopped watching.")
    finally:
        term.close()
    raw = b"".join(term.raw)
    assert raw.count(b"\x1b[2J") + raw.count(b"\x1b[H\x1b[J") >= 5  # the screen is redrawn, not scrolled
    assert state(repo)["results"]["pytorch.blocks.MLP"]["status"] == "passed"


def test_watch_uses_watchfiles():
    for module in ("session.py", "watch.py"):  # the plain-lines watch and the full-screen one
        source = (ROOT / "harness" / "drill" / module).read_text()
        calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Attribute) and n.func.attr == "watch"
                 and isinstance(n.func.value, ast.Name) and n.func.value.id == "watchfiles"]
        assert calls, f"drill watch ({module}) must use watchfiles.watch (no hand-written polling)"


# -- the grade subcommand (instructors; written in harness/drill/grade.py) --------------------------------------------

def test_grade_cmd_is_imported_only_for_grade():
    from harness.cli import _wants_grade

    assert _wants_grade(["grade", "tree"]) and _wants_grade(["--framework", "pytorch", "grade"])
    assert not _wants_grade(["list"]) and not _wants_grade(["--root", "grade", "list"]) and not _wants_grade([])


# -- drill dev check (rustlings' dev check) --------------------------------------------------------------------------

from harness.dev import metadata_problems as catalog_problems  # noqa: E402  (drill dev check's first step)


def test_catalog_self_check():
    assert catalog_problems(catalog.UNITS) == []


def test_self_check_catches_bad_metadata():
    mlp = catalog.BY_ID["pytorch.blocks.MLP"]
    chimera = catalog.BY_ID["pytorch.blocks.chimera"]
    bad = [
        replace(mlp, hints=mlp.hints[:1]),
        replace(chimera, hints=("Think about order.", "Return nn.Sequential(NestMLP(), nn.Linear(16, 20), "
                                                      "FixedHiddenMLP())")),
        replace(mlp, rule=""),
    ]
    problems = catalog_problems(bad)
    assert any("1 hint stage" in p for p in problems)
    assert any("gives the reference's code away" in p for p in problems)
    assert any("no rule" in p for p in problems)


def test_self_check_catches_a_solved_stub_and_a_stub_reference(tmp_path):
    for tree in ("exercises", "solutions"):
        (tmp_path / tree / "pytorch").mkdir(parents=True)
    shutil.copy(ROOT / "solutions/pytorch/blocks.py", tmp_path / "exercises/pytorch/blocks.py")
    shutil.copy(ROOT / "exercises/pytorch/blocks.py", tmp_path / "solutions/pytorch/blocks.py")
    problems = catalog_problems([catalog.BY_ID["pytorch.blocks.MLP"]], root=tmp_path)
    assert any("not a stub" in p for p in problems) and any("reference is a stub" in p for p in problems)


def test_dev_check_static_passes_on_this_repository():
    done = subprocess.run([sys.executable, "-m", "harness.cli", "dev", "check", "--static"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "metadata and files: ok" in done.stdout and "graders: ok" in done.stdout, done.stdout
    assert "catalogue: ok" in done.stdout and ", 0 problem(s)" in done.stdout, done.stdout


def test_dev_check_grading_catches_a_stub_that_passes_and_a_failing_reference(tmp_path):
    from harness import dev

    for tree in ("exercises", "solutions"):
        (tmp_path / tree / "pytorch").mkdir(parents=True)
    shutil.copy(ROOT / "solutions/pytorch/custom_layers.py", tmp_path / "exercises/pytorch/custom_layers.py")
    shutil.copy(ROOT / "exercises/pytorch/custom_layers.py", tmp_path / "solutions/pytorch/custom_layers.py")
    unit = catalog.BY_ID["pytorch.custom_layers.CenteredLayer"]
    problems = dev.grading_problems([unit], root=tmp_path, seed=3)
    assert any("the stub passes its grader" in p for p in problems), problems
    assert any("does not pass in-process" in p for p in problems), problems
    assert any("does not pass in an isolated worker" in p for p in problems), problems
    assert dev.grading_problems([unit], root=ROOT, seed=3) == []


def test_dev_check_catches_two_graders_and_thin_catalogue(monkeypatch):
    from harness import dev
    from harness.core import grading

    def first(ctx):
        pass

    def second(ctx):
        pass

    first.__module__ = second.__module__ = "graders.pytorch.blocks"
    monkeypatch.setattr(grading, "_GRADERS", {})
    grading.grader("MLP")(first)
    grading.grader("MLP")(first)  # the same grader again (a module imported twice) is not a second one
    with pytest.raises(LookupError, match="two graders for pytorch.blocks.MLP"):
        grading.grader("MLP")(second)
    monkeypatch.setattr(dev, "MIN_MUTANTS", 10_000)
    problems = dev.catalogue_problems([catalog.BY_ID["pytorch.blocks.MLP"]])
    assert problems and "mutant(s) in the catalogue, 10000 wanted" in problems[0], problems


def test_list_check_grades_everything_and_stubs_stay_not_started(repo):
    done = drill(repo, "list", "--check", "--seed", "5")
    assert done.returncode == 0, done.stderr
    recorded = state(repo)
    units = catalog.units_for("pytorch")
    assert set(recorded["results"]) == {u.id for u in units}
    assert {r["status"] for r in recorded["results"].values()} <= {"failed", "skipped"}
    assert recorded["attempted"] == []  # grading an untouched stub is not an attempt
    assert "not started" in done.stdout and "failing" not in done.stdout


def test_drill_files_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert ".drill-state.json" in ignored and ".drill/" in ignored


# -- nothing breaks --------------------------------------------------------------------------------------------------

def test_a_corrupt_state_file_is_kept_aside_and_said(repo):
    (repo / ".drill-state.json").write_text("{not json")
    done = drill(repo, "list")
    assert done.returncode == 0, done.stderr
    assert "could not be read" in done.stdout and ".drill-state.json.corrupt" in done.stdout
    assert (repo / ".drill-state.json.corrupt").read_text() == "{not json"


def test_a_misspelt_unit_gets_the_closest_names(repo):
    done = drill(repo, "check", "MySequentail")
    assert done.returncode == 1 and "did you mean `MySequential`?" in done.stderr, done.stderr
    done = drill(repo, "hint", "MyDense")  # a TensorFlow unit, asked for in the PyTorch track
    assert done.returncode == 1 and "--framework tensorflow" in done.stderr, done.stderr


def test_check_grades_the_current_unit_and_all_grades_the_track(repo):
    path = repo / "exercises" / "pytorch" / "blocks.py"
    lines = path.read_text().splitlines() + ["", "def broken(:"]  # a syntax error on the last line
    path.write_text("\n".join(lines) + "\n")
    done = drill(repo, "check", "--seed", "1")
    assert "pytorch.blocks.MLP" in done.stdout and "pytorch.blocks.MySequential" not in done.stdout, done.stdout
    assert f"exercises/pytorch/blocks.py:{len(lines)}" in done.stdout, done.stdout  # the real line, not line 1
    everything = drill(repo, "check", "--all", "--seed", "1", timeout=600)
    assert "pytorch.gpu.try_gpu" in everything.stdout and "pytorch.blocks.MySequential" in everything.stdout


def test_the_summary_table_never_cuts_an_id_or_a_status():
    from harness.core.grading import UnitResult
    from harness.reports.report import summary_table

    results = [UnitResult("tensorflow.custom_layers.TensorReduction", "failed", 0.0, 2.0, "x " * 80),
               UnitResult("pytorch.gpu.placement", "skipped", 0.0, 0.0, "no CUDA device")]
    for width in (60, 80, 200):
        table = summary_table("s", results, color=False, width=width)
        assert "tensorflow.custom_layers.TensorReduction" in table and "│ failed " in table, table
        assert "skipped" in table and "fail…" not in table


def test_units_toml_is_checked_when_read(tmp_path):
    good = catalog.UNITS_FILE.read_text()
    assert catalog.load_units(catalog.UNITS_FILE) == catalog.UNITS
    for text, said in [(good.replace("format_version = 1", "format_version = 2"), "format_version 2"),
                       (good.replace('title = "A multilayer', 'tittle = "A multilayer', 1),
                        "unit 1 (pytorch.blocks.MLP): unknown key(s) tittle"),
                       (good.replace('id = "pytorch.blocks.MLP"', 'id = "pytorch.block.MLP"', 1),
                        "must be <framework>.<module>.<name>")]:
        bad = tmp_path / "units.toml"
        bad.write_text(text)
        with pytest.raises(catalog.CatalogError, match=re.escape(said)):
            catalog.load_units(bad)
