"""The self-study commands behind ``drill`` (list, next, check, watch, hint, solution, reset).

A unit's status, as ``drill list`` shows it:

- ``done``: it passed its last ``drill check`` and its code has not changed since;
- ``failing``: its last check failed and its code has not changed since;
- ``not started``: its code is still the pristine stub (see :mod:`harness.drill.pristine`);
- ``unchecked``: edited since its last check (or never checked): ``drill check`` tells;
- ``skipped``: its last check could not grade it here (a GPU unit without a GPU).

``drill list`` never grades (it reads the state file and parses the exercise
files, so it stays instant); ``drill list --check`` grades every unit first.
"Changed" ignores comments and layout, and covers what a unit's grade depends
on: its own definitions, the units it uses, the module's imports and helpers.
"""

from __future__ import annotations

import ast
import random
import shutil
import time
from pathlib import Path

from harness import catalog
from harness.drill import pristine
from harness.core.exercise_source import (definition_texts, edit_line, exercise_file, fingerprint, owned_names, parse,
                              replace_definitions, unit_code)
from harness.drill.progress import STATE_FILE as STATE_NAME, State
from harness.drill.terminal import Output, escape

DEFAULT_FRAMEWORK = "pytorch"
DONE = ("done", "skipped")


class DrillError(Exception):
    """Something the student can fix (an unknown unit, no stub known, ...): printed, exit status 1."""


def find_root(start: Path | None = None) -> Path:
    """The exercise repository: the nearest folder upwards holding ``exercises/`` and ``solutions/`` (or, in a
    student release, the reference's recording); refused when it is another checkout than this harness's
    (:func:`harness.foreign_checkout`), and when there is none (never a silent fall back to the checkout the
    harness was installed from)."""
    from harness import foreign_checkout
    from harness.core import recorded

    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "exercises").is_dir() and ((folder / "solutions").is_dir()
                                                 or recorded.student_release(folder) is not None):
            refusal = foreign_checkout(folder)
            if refusal:
                raise DrillError(refusal)
            return folder
    raise DrillError(f"no exercise repository (a folder with exercises/ and solutions/) at or above {here}: run "
                     "drill inside your copy of the exercises, or give it with --root PATH")


class Drill:
    def __init__(self, root: Path, framework: str | None = None, out: Output | None = None):
        self.root = Path(root).resolve()
        self.out = out or Output()
        self.watching = False  # inside `drill watch`: keys, not commands, are what to type next
        self.state = State.load(self.root)
        if self.state.set_aside is not None:
            self.out.line(f"drill: {self.rel(self.root / STATE_NAME)} could not be read; it is kept as "
                          f"{self.rel(self.state.set_aside)} and progress starts afresh: `drill list --check` "
                          "rebuilds it from your code.", "yellow")
        if framework:
            if framework != self.state.framework:
                self.state.framework = framework
                self.state.save()
        self.framework = self.state.framework or DEFAULT_FRAMEWORK
        pristine.take_snapshot(self.root)
        self._sources: dict[Path, str | None] = {}
        self._stub_codes: dict[str, str | None] = {}

    # -- what the files say ------------------------------------------------------------------------------
    def units(self) -> list[catalog.Unit]:
        return catalog.units_for(self.framework)

    def path(self, unit: catalog.Unit) -> Path:
        return exercise_file(self.root, unit)

    def rel(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root))
        except ValueError:
            return str(path)

    def source(self, unit: catalog.Unit, fresh: bool = False) -> str | None:
        path = self.path(unit)
        if fresh or path not in self._sources:
            try:
                self._sources[path] = path.read_text()
            except OSError:
                self._sources[path] = None
        return self._sources[path]

    def stub_code(self, unit: catalog.Unit) -> str | None:
        """The unit's pristine code (``ast``-normalised) or None when no stub is known."""
        if unit.id not in self._stub_codes:
            found = pristine.unit_stub(self.root, unit)
            if found is None:
                self._stub_codes[unit.id] = None
            else:
                _, texts = found
                dumps = []
                for name in owned_names(unit):
                    node = parse(texts.get(name, ""))
                    dumps.append(ast.dump(node.body[0]) if node is not None and node.body else f"<absent {name}>")
                self._stub_codes[unit.id] = "\n".join(dumps)
        return self._stub_codes[unit.id]

    def not_started(self, unit: catalog.Unit, source: str | None = None) -> bool:
        source = self.source(unit) if source is None else source
        if source is None:
            return False
        stub = self.stub_code(unit)
        if stub is None:
            from harness.core.exercise_source import is_stub

            return is_stub(source, unit)
        return unit_code(source, unit) == stub

    def fingerprint(self, unit: catalog.Unit, source: str | None = None) -> str:
        source = self.source(unit) if source is None else source
        return "no file" if source is None else fingerprint(source, unit)

    def status(self, unit: catalog.Unit) -> str:
        result = self.state.results.get(unit.id)
        current = result is not None and result.get("fingerprint") == self.fingerprint(unit)
        if result is not None and result["status"] == "skipped" and (current or unit.gpu):
            return "skipped"  # a GPU unit skipped here stays skipped whatever the code: the machine decides
        if current and result["status"] == "passed":
            return "done"
        if self.not_started(unit):
            return "not started"
        return "failing" if current else "unchecked"

    def location(self, unit: catalog.Unit) -> str:
        source = self.source(unit)
        path = self.rel(self.path(unit))
        return f"{path}:{edit_line(source, unit)}" if source is not None else f"{path} (missing)"

    def next_unit(self) -> catalog.Unit | None:
        for unit in self.units():
            if self.status(unit) not in DONE:
                return unit
        return None

    def resolve(self, text: str | None) -> catalog.Unit:
        """A unit from its id (``pytorch.blocks.MLP``), ``blocks.MLP`` or ``MLP`` (in the chosen framework)."""
        if not text:
            unit = self.next_unit()
            if unit is None:
                raise DrillError(f"every {self.framework} unit is done; name a unit")
            return unit
        if text in catalog.BY_ID:
            return catalog.BY_ID[text]
        for fold in (False, True):
            def same(a: str, b: str) -> bool:
                return a.lower() == b.lower() if fold else a == b

            found = [u for u in self.units()
                     if same(u.name, text) or same(f"{u.module}.{u.name}", text) or same(u.id, text)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise DrillError(f"`{text}` is ambiguous: " + ", ".join(u.id for u in found))
        import difflib

        spellings = {}
        for u in self.units():
            for spelling in (u.name, f"{u.module}.{u.name}"):
                spellings[spelling.lower()] = u
        close = difflib.get_close_matches(text.lower(), list(spellings), n=3, cutoff=0.6)
        other = [u for u in catalog.UNITS if u.framework != self.framework and u.name == text]
        hint = ""
        if close:
            names = dict.fromkeys(self.short(spellings[c]) for c in close)
            hint = "; did you mean " + " or ".join(f"`{n}`" for n in names) + "?"
        elif other:
            hint = f"; it is a {other[0].framework} unit: `drill --framework {other[0].framework} ...`"
        raise DrillError(f"no unit `{text}` in the {self.framework} track{hint} (`drill list` shows them all)")

    def short(self, unit: catalog.Unit) -> str:
        return unit.name if unit.framework == self.framework else unit.id

    def score(self) -> tuple[float, float, int, int]:
        done = total = 0.0
        units_done = units_total = 0
        for unit in self.units():
            status = self.status(unit)
            if status == "skipped" or (unit.gpu and unit.id not in self.state.results):
                continue  # a GPU unit counts once it was graded on a machine with a GPU: one maximum, before and after
            total += unit.points
            units_total += 1
            if status == "done":
                done += unit.points
                units_done += 1
        return done, total, units_done, units_total

    # -- commands -------------------------------------------------------------------------------------------
    def cmd_list(self, check: bool = False, seed: int | None = None) -> int:
        if check:
            self.grade(self.units(), seed=seed, verbose=False)
        rows = []
        for i, unit in enumerate(self.units(), 1):
            status = self.status(unit)
            points = f"{unit.points:g}" if status != "done" else f"{unit.points:g}/{unit.points:g}"
            rows.append([str(i), f"{unit.module}.{unit.name}", escape(unit.title), points,
                         self.out.status(status, bracket=False),
                         unit.section.split(" ", 1)[0]])
        self.out.table([("#", "right"), ("unit", "left"), ("title", "left"), ("points", "right"),
                        ("status", "left"), ("d2l", "left")], rows,
                       title=f"{self.framework} track, {catalog.BOOK}")
        self.out.line("")
        self.out.progress(*self.score())
        nxt = self.next_unit()
        if nxt is not None:
            self.out.line(f"Next: {self.short(nxt)} ({nxt.title}); `drill next` says where and what.")
        else:
            self.out.line(f"Every {self.framework} unit is done.")
        return 0

    def describe(self, unit: catalog.Unit, label: str = "Next") -> None:
        status = self.status(unit)
        self.out.markup(f"[bold]{label}: {self.short(unit)}[/] - {escape(unit.title)} ({unit.points:g} points) "
                        f"{self.out.status(status)}")
        rows = [
            ("Unit", unit.id),
            ("Book", f"{catalog.BOOK}, section {unit.section}"),
            ("Edit", self.location(unit)),
            ("Rule", unit.rule or "see the stub's docstring"),
        ]
        result = self.state.results.get(unit.id)
        if status == "failing" and result:
            rows.append(("Last check", (result.get("message") or "").splitlines()[0] if result.get("message") else
                         result["status"]))
        name = self.short(unit)
        if not self.watching:
            rows.append(("Then", f"drill check {name}   |   drill hint {name}   |   drill watch"))
        width = max(len(k) for k, _ in rows)
        for key, value in rows:
            self.out.line(f"  {key:<{width}}  {value}")

    def cmd_next(self) -> int:
        unit = self.next_unit()
        if unit is None:
            done, total, *_ = self.score()
            self.out.line(f"Every {self.framework} unit is done ({done:g}/{total:g} points).", "bold green")
            return 0
        self.describe(unit)
        return 0

    def grade(self, units: list[catalog.Unit], seed: int | None = None, verbose: bool = True) -> list:
        """Grade ``units`` in this process (quick ``dev`` profile), record and (if verbose) print each result."""
        import logging

        from harness.core import profiles

        # TensorFlow's start-up chatter (oneDNN, CPU features) and its Python warnings are not for students.
        from harness.core import tf_settings

        tf_settings.apply()
        logging.getLogger("tensorflow").setLevel(logging.ERROR)
        from harness.core import recorded

        run = recorded.release_settings(self.root, None, seed)
        if run.refusal:
            raise DrillError(run.refusal)
        profiles.activate("dev", database=not run.release)
        from harness.core.grading import grade_unit

        if run.release:  # its public seed, every run
            seed, again = run.seed, "the public examples of this release"
        else:
            seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
            again = f"rerun with --seed {seed}"
        if verbose or not self.watching:  # the watch screen says what it checks itself
            self.out.line(f"Grading {len(units)} unit{'s' * (len(units) != 1)} of "
                          f"{self.rel(self.root / 'exercises')} in the checkout {self.root} (seed {seed}; {again})",
                          "dim")
        results = []
        for unit in units:
            source = self.source(unit, fresh=True)
            attempted = source is not None and not self.not_started(unit, source)
            result = grade_unit(unit, self.root / "exercises", session_seed=seed,
                                reference_tree=self.root / "solutions")
            self.state = State.load(self.root)  # another drill (a watch, say) may have saved since
            self.state.record(result, self.fingerprint(unit, source), attempted)
            self.state.save()
            results.append(result)
            if verbose:
                self.show_result(unit, result)
        return results

    def show_result(self, unit: catalog.Unit, result, footer: bool = True) -> None:
        points = f"{result.score:g}/{result.max_score:g} points" if result.status != "skipped" else "not counted"
        self.out.markup(f"{self.out.status(result.status)} {unit.id} - {escape(unit.title)} ({points}, "
                        f"{result.seconds:.1f} s)")
        if result.status in ("passed",):
            return
        for line in (result.message or "").splitlines():
            self.out.line(f"    {line}")
        from harness.core.grading import framework_broken

        if result.status == "error" and result.message == framework_broken(unit.framework):
            self.out.line("    (your exercise file is not the cause: repair the install, then check again)", "dim")
        elif result.status != "skipped" and footer:
            self.out.line(f"    edit {self.location(unit)}   |   drill hint {self.short(unit)}", "dim")

    def cmd_check(self, unit_name: str | None = None, seed: int | None = None, everything: bool = False) -> int:
        """One unit: the one named, else the current one (what `drill next` shows); ``everything``: the track."""
        units = self.units() if everything else [self.resolve(unit_name)]
        results = self.grade(units, seed=seed)
        self.out.line("")
        if len(units) > 1:
            self.out.progress(*self.score())
        nxt = self.next_unit()
        if all(r.status in ("passed", "skipped") for r in results):
            if nxt is None:
                self.out.line(f"Every {self.framework} unit is done.", "bold green")
            else:
                self.describe(nxt)
            return 0
        return 1

    def cmd_watch(self, seed: int | None = None, debounce_ms: int = 400) -> int:
        """On a terminal, the full-screen watch with keys (harness/drill/watch.py); elsewhere plain lines."""
        from harness.drill.watch import Watch, interactive_terminal

        self.watching = True
        if interactive_terminal():
            return Watch(self, seed, debounce_ms).run()
        import watchfiles

        from harness.drill.watch import python_files

        folder = self.root / "exercises" / self.framework
        unit = self.next_unit()
        if unit is None:
            self.out.line(f"Every {self.framework} unit is done.", "bold green")
            return 0
        self.describe(unit, "Working on")
        unit = self.watch_step(unit, seed)
        if unit is None:
            return 0
        ready = False
        # yield_on_timeout: the first (empty) yield tells that the watcher is in place, so "Watching" is never
        # printed before a save would be seen.
        for changes in watchfiles.watch(folder, watch_filter=python_files, debounce=debounce_ms,
                                        rust_timeout=500, yield_on_timeout=True, raise_interrupt=False):
            if not ready:
                ready = True
                self.out.line(f"Watching {self.rel(folder)} for saved changes (Ctrl-C stops).", "dim")
            if not changes:
                continue
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            self.out.line("")
            self.out.line(f"Saved: {names}; re-grading {self.short(unit)}", "dim")
            unit = self.watch_step(unit, seed)
            if unit is None:
                return 0
        self.out.line("Stopped watching.")
        return 0

    def watch_step(self, unit: catalog.Unit, seed: int | None) -> catalog.Unit | None:
        """Grade the current unit; one that passes moves on to the next, graded at once.  Returns the unit to
        watch next (None: the track is done)."""
        while True:
            self._sources.clear()  # any exercise file may have changed since the last step
            [result] = self.grade([unit], seed=seed)
            if result.status not in ("passed", "skipped"):
                return unit
            unit = self.next_unit()
            self.out.line("")
            if unit is None:
                self.out.line(f"Every {self.framework} unit is done.", "bold green")
                return None
            self.describe(unit)

    def cmd_hint(self, unit_name: str | None) -> int:
        unit = self.resolve(unit_name)
        hints = unit.hints
        if not hints:
            self.out.line(f"No hints for {unit.id}; its rule: {unit.rule}")
            return 0
        stage = min(self.state.hints.get(unit.id, 0) + 1, len(hints))
        self.state.hints[unit.id] = stage
        self.state.save()
        self.out.markup(f"[bold]Hints for {self.short(unit)}[/] ({escape(unit.title)})")
        labels = ["nudge", "API to read", "steps"] + ["more"] * len(hints)
        for i in range(stage):
            self.out.line(f"  {i + 1}/{len(hints)} ({labels[i]}): {hints[i]}")
        if stage < len(hints):
            again = "Press h" if self.watching else f"Run `drill hint {self.short(unit)}`"
            self.out.line(f"{again} again for the next hint.", "dim")
        else:
            self.out.line(f"That was the last hint. `drill solution {self.short(unit)}` shows the reference once your "
                          "code passes.", "dim")
        return 0

    def cmd_solution(self, unit_name: str, force: bool = False) -> int:
        """The reference once the unit has passed (rustlings' rule), or with ``--force`` once it was attempted."""
        unit = self.resolve(unit_name)
        short = self.short(unit)
        from harness.core import recorded

        if recorded.student_release(self.root) is not None:
            self.out.line(f"This copy of the exercises holds no reference solutions (your instructor has them). "
                          f"`drill hint {short}` has hints in stages.")
            return 1
        if unit.id not in self.state.solved and not (force and unit.id in self.state.attempted):
            if unit.id in self.state.attempted:
                why = (f"The reference for {short} is shown once your code passes: `drill hint {short}` has hints in "
                       f"stages. (`drill solution {short} --force` shows it now, and gives the exercise away.)")
            else:
                why = (f"The reference for {short} is shown once your code passes. Try first: edit "
                       f"{self.location(unit)}, then run `drill check {short}`; after an attempt, "
                       f"`drill solution {short} --force` shows it.")
            self.out.line(why)
            return 1
        path = exercise_file(self.root, unit, tree="solutions")
        try:
            source = path.read_text()
        except OSError as exc:
            raise DrillError(f"cannot read the reference {self.rel(path)}: {exc}") from None
        texts = definition_texts(source, unit)
        module = parse(source)
        if module is None or not texts:
            raise DrillError(f"the reference {self.rel(path)} defines no {', '.join(owned_names(unit))}")
        from harness.core.exercise_source import definitions, helper_names

        defs = definitions(module)
        lines = source.splitlines(keepends=True)
        self.out.markup(f"[bold]Reference for {short}[/] ({self.rel(path)})")
        for name, text in texts.items():
            self.out.code(text, defs[name].first)
        helpers = helper_names(source, unit)
        if helpers:
            self.out.line(f"It uses these helpers of {self.rel(path)}:", "dim")
            for name in helpers:
                self.out.code(defs[name].text(lines), defs[name].first)
        return 0

    # -- reset ----------------------------------------------------------------------------------------------
    def backup(self, paths: list[Path]) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        folder = self.root / pristine.DRILL_DIR / "backups" / stamp
        n = 1
        while folder.exists():
            n += 1
            folder = self.root / pristine.DRILL_DIR / "backups" / f"{stamp}-{n}"
        for path in paths:
            target = folder / self.rel(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        return folder

    def cmd_reset(self, unit_name: str | None, everything: bool = False, yes: bool = False) -> int:
        if everything:
            return self.reset_all(yes)
        if not unit_name:
            raise DrillError("name a unit (`drill reset MLP`) or reset every file with `drill reset --all`")
        unit = self.resolve(unit_name)
        found = pristine.unit_stub(self.root, unit)
        if found is None:
            raise DrillError(f"no pristine stub of {unit.id} found (neither in git history nor in "
                             f"{pristine.DRILL_DIR}/pristine/)")
        origin, texts = found
        path = self.path(unit)
        source = self.source(unit, fresh=True)
        if source is not None and self.not_started(unit, source):
            self.out.line(f"{self.short(unit)} is already the pristine stub; nothing to do.")
            return 0
        if source is not None and parse(source) is None:
            raise DrillError(f"{self.rel(path)} does not parse, so one unit cannot be cut out of it: fix the syntax "
                             f"error, or restore every file with `drill reset --all`")
        names = ", ".join(f"`{n}`" for n in owned_names(unit))
        if not yes and not self.out.ask(f"Discard your code for {names} in {self.rel(path)}? (a backup is kept)"):
            self.out.line("Nothing changed.")
            return 1
        if source is None:
            new = "".join(texts.values())
            path.parent.mkdir(parents=True, exist_ok=True)
            backup = None
        else:
            new = replace_definitions(source, unit, texts)
            backup = self.backup([path])
        path.write_text(new)
        self.state.forget(unit.id)
        self.state.save()
        where = f"; your version is in {self.rel(backup)}" if backup else ""
        self.out.line(f"Restored the stub of {self.short(unit)} (from {origin}){where}.")
        return 0

    def reset_all(self, yes: bool) -> int:
        changes = []
        for module in catalog.MODULES:
            path = self.root / "exercises" / self.framework / f"{module}.py"
            found = pristine.module_stub(self.root, self.framework, module)
            if found is None:
                raise DrillError(f"no pristine stub of {self.rel(path)} found (neither in git history nor in "
                                 f"{pristine.DRILL_DIR}/pristine/)")
            current = path.read_text() if path.is_file() else None
            if current != found[1]:
                changes.append((path, found[1], current is not None))
        if not changes:
            self.out.line(f"Every {self.framework} exercise file is already pristine.")
            return 0
        listed = ", ".join(self.rel(p) for p, _, _ in changes)
        if not yes and not self.out.ask(f"Restore the stubs of {listed}, discarding your work there? "
                                        f"(a backup is kept)"):
            self.out.line("Nothing changed.")
            return 1
        backup = self.backup([p for p, _, existed in changes if existed])
        for path, text, _ in changes:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        for unit in self.units():
            self.state.forget(unit.id)
        self.state.save()
        self.out.line(f"Restored {len(changes)} file{'s' * (len(changes) != 1)}; your versions are in "
                      f"{self.rel(backup)}.")
        return 0

