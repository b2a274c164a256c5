"""Reports of a grading run: the contract's JSON and the end-of-run summary table."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from .grading import UnitResult


def first_line(message: str) -> str:
    return message.splitlines()[0] if message else ""


def submission_json(submission: str, results: list[UnitResult]) -> dict:
    """CONTRACT.md "Grading output": skipped units count in neither score nor max_score."""
    return {
        "submission": submission,
        "score": round(sum(r.score for r in results), 6),
        "max_score": round(sum(r.max_score for r in results), 6),
        "units": [r.as_json() for r in results],
    }


def write_json(path, document) -> None:
    """Write atomically: a reader never sees half a report."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(document, indent=2) + "\n")
    os.replace(tmp, path)


STATUS_STYLE = {"passed": "green", "failed": "red", "error": "magenta", "missing": "yellow", "skipped": "cyan"}


def summary_table(submission: str, results: list[UnitResult], *, color: bool, width: int = 100) -> str:
    """The end-of-run table: unit, points, status, first line of the message, then the total."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Grades for {submission}", title_justify="left", expand=False)
    table.add_column("unit", no_wrap=True)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("message", overflow="ellipsis", no_wrap=True, max_width=max(20, width - 60))
    for r in results:
        points = f"{r.score:g}/{r.max_score:g}" if r.status != "skipped" else "-"
        table.add_row(r.id, points, f"[{STATUS_STYLE[r.status]}]{r.status}[/]", first_line(r.message),
                      )
    doc = submission_json(submission, results)
    counts = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    tally = ", ".join(f"{n} {s}" for s, n in counts.items())
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False)
    console.print(table)
    console.print(f"Total: {doc['score']:g} / {doc['max_score']:g} points ({tally})")
    return buffer.getvalue()
