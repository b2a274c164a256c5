"""``drill watch`` on a terminal: one screen, redrawn on every save, with keys (the rustlings loop).

The screen: a fixed header (track, progress bar, points), the unit being worked on and the file:line to edit,
then the last check's result and message (or the hint, list or solution a key asked for), then the keys.  While a
check runs, a spinner shows the seconds it has taken.  A check that passes moves on to the next unfinished unit
and checks it at once.

Keys: ``h`` the next hint stage, ``n`` the next unit (skipping this one for now), ``l`` the list of units, ``r``
check again, ``s`` the solution (once the unit has passed), ``q`` quit (Ctrl-C too).

Saves are seen by ``watchfiles`` (a thread) and keys by a thread reading the terminal in cbreak mode; both feed
one queue that the main thread serves, so grading stays in the main thread (the call timeout is a signal).
Frameworks and graders stay imported between checks: a re-check re-imports only the exercise module.  Where stdin
or stdout is not a terminal, ``Drill.cmd_watch`` prints plain lines instead.
"""

from __future__ import annotations

import contextlib
import os
import queue
import select
import sys
import threading
import time
from pathlib import Path

from rich.markup import escape
from rich.text import Text

from harness import catalog

KEYS = (("h", "hint"), ("n", "next unit"), ("l", "list"), ("r", "re-run"), ("s", "solution"), ("q", "quit"))


def interactive_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty() and os.environ.get("TERM", "") != "dumb"


@contextlib.contextmanager
def cbreak(fd: int):
    """Keys arrive one by one, unechoed; the terminal is put back whatever happens."""
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


class _Checking:
    """The seconds a check has taken, beside rich's status spinner (re-rendered by its refresh thread)."""

    def __init__(self, what: str):
        self.what = what
        self.start = time.monotonic()

    def __rich__(self):
        return Text(f"Checking {self.what} ... {time.monotonic() - self.start:.1f} s", style="bold")


class Watch:
    def __init__(self, drill, seed: int | None, debounce_ms: int):
        self.drill = drill
        self.out = drill.out
        self.seed = seed
        self.debounce_ms = debounce_ms
        self.events: queue.Queue = queue.Queue()
        self.stop = threading.Event()
        self.folder = drill.root / "exercises" / drill.framework
        self.unit = None
        self.result = None
        self.note = ""  # one line above the result: what just happened ("MLP passed: on to MySequential")
        self.panel = None  # what a key asked for: ("hint" | "list" | "solution", unit)

    # -- event sources ----------------------------------------------------------------------------------------
    def _watch_files(self) -> None:
        import watchfiles

        for changes in watchfiles.watch(self.folder, watch_filter=python_files, debounce=self.debounce_ms,
                                        rust_timeout=500, yield_on_timeout=True, stop_event=self.stop,
                                        raise_interrupt=False):
            if changes:
                self.events.put(("save", sorted({Path(p).name for _, p in changes})))

    def _read_keys(self, fd: int) -> None:
        while not self.stop.is_set():
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                data = os.read(fd, 32)
                if not data:
                    self.events.put(("key", "q"))
                    return
                for ch in data.decode(errors="ignore"):
                    self.events.put(("key", ch))

    # -- the screen -------------------------------------------------------------------------------------------
    def draw(self) -> None:
        d, out = self.drill, self.out
        out.console.clear()
        done, total, units_done, units_total = d.score()
        out.markup(f"[bold]d2l-drill watch[/] - the {d.framework} track of {escape(catalog.BOOK)}")
        out.progress(done, total, units_done, units_total)
        out.line("")
        if self.unit is None:
            out.line(f"Every {d.framework} unit is done.", "bold green")
        else:
            unit = self.unit
            out.markup(f"[bold]Working on {escape(d.short(unit))}[/] - {escape(unit.title)} ({unit.points:g} points)"
                       f"   edit {escape(d.location(unit))}")
            if self.note:
                out.line(self.note, "green")
            if self.result is not None:
                d.show_result(unit, self.result, footer=False)
            if self.panel:
                out.line("")
                kind, name = self.panel
                if kind == "hint":
                    d.cmd_hint(name)
                elif kind == "solution":
                    d.cmd_solution(name)
                else:
                    d.cmd_list()
        out.line("")
        out.markup("   ".join(f"[bold]{k}[/] {label}" for k, label in KEYS)
                   + f"   [dim](watching {escape(d.rel(self.folder))})[/]")

    def check(self) -> None:
        """Grade the current unit (a spinner meanwhile); a pass moves on to the next unit and checks it too."""
        d = self.drill
        while self.unit is not None:
            d._sources.clear()  # any exercise file may have changed since the last check
            with self.out.console.status(_Checking(d.short(self.unit))) if self.out.fancy else contextlib.nullcontext():
                [self.result] = d.grade([self.unit], seed=self.seed, verbose=False)
            if self.result.status not in ("passed", "skipped"):
                break
            passed = self.unit
            self.unit, self.result = d.next_unit(), None
            self.note = " ".join(filter(None, [self.note, f"{d.short(passed)} passed."
                                               + (f" On to {d.short(self.unit)}." if self.unit else "")]))
        self.draw()

    def serve(self, event) -> bool:
        """Handle one event; False when the watch is to end."""
        kind, value = event
        d = self.drill
        if kind == "save":
            self.panel, self.note = None, f"Saved {', '.join(value)}."
            self.check()
            return True
        key = value.lower()
        if key in ("q", "\x03", "\x04"):
            return False
        if self.unit is None and key not in ("l",):
            return True
        if key == "r":
            self.panel, self.note = None, ""
            self.check()
        elif key == "h":
            self.panel = ("hint", d.short(self.unit))
            self.draw()
        elif key == "s":
            self.panel = ("solution", d.short(self.unit))
            self.draw()
        elif key == "l":
            self.panel = ("list", None)
            self.draw()
        elif key == "n":
            units = d.units()
            later = units[units.index(self.unit) + 1:] + units[:units.index(self.unit)]
            nxt = next((u for u in later if d.status(u) not in ("done", "skipped")), None)
            if nxt is not None:
                self.unit, self.result, self.panel, self.note = nxt, None, None, f"Skipped to {d.short(nxt)}."
                self.check()
        return True

    def run(self) -> int:
        fd = sys.stdin.fileno()
        self.unit = self.drill.next_unit()
        with cbreak(fd):
            threading.Thread(target=self._watch_files, daemon=True).start()
            threading.Thread(target=self._read_keys, args=(fd,), daemon=True).start()
            try:
                self.check()
                while True:
                    try:
                        event = self.events.get(timeout=0.5)
                    except queue.Empty:
                        continue
                    if not self.serve(event):
                        break
            except KeyboardInterrupt:
                pass
            finally:
                self.stop.set()
        self.out.line("Stopped watching.")
        return 0


def python_files(change, path: str) -> bool:
    """watchfiles' filter: a saved Python file is worth a re-check."""
    return path.endswith(".py")
