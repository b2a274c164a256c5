"""``drill``'s output, through one terminal library (rich).

On a terminal: colours, box-drawn tables, a progress bar, highlighted code.
Anywhere else (a pipe, a file, ``TERM=dumb``): plain ASCII text, no escape
codes, so output can be read by scripts and tests.  ``NO_COLOR`` and
``FORCE_COLOR`` are honoured as rich honours them.
"""

from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from harness.core.status import STATUS_STYLE as REPORT_STYLE

STATUS_STYLE = {
    "done": "bold green",
    "failing": "bold red",
    "not started": "dim",
    "unchecked": "yellow",
    "skipped": "cyan",
}
PLAIN_WIDTH = 160  # not a terminal: wide lines rather than wrapped table cells
# A unit's result, as the reports colour it (one map), in bold where it is a verdict on the code.
RESULT_STYLE = {status: f"bold {colour}" if status in ("passed", "failed", "error") else colour
                for status, colour in REPORT_STYLE.items()}


class Output:
    def __init__(self, console: Console | None = None):
        if console is None:
            console = Console(file=sys.stdout, highlight=False, soft_wrap=False)
            if not console.is_terminal and "COLUMNS" not in os.environ:
                console = Console(file=sys.stdout, highlight=False, soft_wrap=False, width=PLAIN_WIDTH)
        self.console = console
        self.fancy = self.console.is_terminal and not self.console.is_dumb_terminal

    # -- plain building blocks ------------------------------------------------------------------------
    def line(self, text: str = "", style: str | None = None) -> None:
        self.console.print(Text(text, style=style or "") if self.fancy else text, soft_wrap=True,
                           markup=False, highlight=False)
        self.flush()

    def markup(self, text: str) -> None:
        """Rich markup on a terminal; the same text without the tags elsewhere."""
        if self.fancy:
            self.console.print(text, soft_wrap=True, highlight=False)
        else:
            self.console.print(Text.from_markup(text).plain, soft_wrap=True, markup=False, highlight=False)
        self.flush()

    def flush(self) -> None:
        try:
            self.console.file.flush()
        except (AttributeError, ValueError, OSError):
            pass

    def status(self, word: str, bracket: bool = True) -> str:
        """A status word as markup: coloured on a terminal, in brackets in plain text (unless ``bracket`` is off)."""
        style = STATUS_STYLE.get(word) or RESULT_STYLE.get(word, "")
        if self.fancy:
            return f"[{style}]{escape(word)}[/]"
        return escape(f"[{word}]") if bracket else escape(word)

    def table(self, columns: list[tuple[str, str]], rows: list[list[str]], title: str | None = None) -> None:
        """``columns``: (header, justify); cells are markup."""
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD if self.fancy else None,
                      show_edge=False, pad_edge=False, header_style="bold" if self.fancy else "")
        for header, justify in columns:
            table.add_column(header, justify=justify, overflow="fold")
        for row in rows:
            table.add_row(*(cell if self.fancy else Text.from_markup(cell).plain for cell in row))
        self.console.print(table, markup=self.fancy)
        self.flush()

    def progress(self, done: float, total: float, units_done: int, units_total: int) -> None:
        share = done / total if total else 1.0
        summary = f"{done:g}/{total:g} points, {units_done} of {units_total} units done ({share:.0%})"
        if self.fancy:
            grid = Table.grid(padding=(0, 1))
            grid.add_row(ProgressBar(total=max(total, 1e-9), completed=done, width=40), Text(summary, style="bold"))
            self.console.print(grid)
        else:
            width = 40
            filled = int(round(share * width))
            self.console.print(f"[{'#' * filled}{'-' * (width - filled)}] {summary}", markup=False,
                               highlight=False)
        self.flush()

    def code(self, source: str, first_line: int = 1) -> None:
        if self.fancy:
            from rich.syntax import Syntax

            self.console.print(Syntax(source.rstrip("\n"), "python", line_numbers=True, start_line=first_line,
                                      word_wrap=True))
        else:
            self.console.print(source.rstrip("\n"), markup=False, highlight=False, soft_wrap=True)
        self.flush()

    def ask(self, question: str) -> bool:
        """A yes/no question on stdin; anything but y/yes (end of input included) is no."""
        self.console.print(question + " [y/N] ", end="", markup=False, highlight=False)
        self.flush()
        try:
            answer = input()
        except EOFError:
            answer = ""
        if not sys.stdin.isatty():  # a typed answer echoes its newline; a piped one does not
            self.console.print("", markup=False)
        return answer.strip().lower() in ("y", "yes")
