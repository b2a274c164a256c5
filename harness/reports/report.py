"""Reports of a grading run: the contract's JSON and the end-of-run summary table."""

from __future__ import annotations

import io
import json

from harness.core.files import write_atomic
from harness.core.grading import UnitResult
from harness.core.status import STATUS_STYLE


def first_line(message: str) -> str:
    return message.splitlines()[0] if message else ""


def submission_json(submission: str, results: list[UnitResult]) -> dict:
    """docs/units.md "The grading report": skipped units count in neither score nor max_score."""
    return {
        "submission": submission,
        "score": round(sum(r.score for r in results), 6),
        "max_score": round(sum(r.max_score for r in results), 6),
        "units": [r.as_json() for r in results],
    }


def property_lines(unit: dict) -> list[str]:
    """A unit's per-property breakdown, a line each ("registration: 1/1 passed"); none for a unit of one property."""
    return [f"{p['name']}: {p['score']:g}/{p['max_score']:g} {p['status']}" for p in unit.get("properties") or []]


def write_json(path, document) -> None:
    """Write atomically: a reader never sees half a report."""
    write_atomic(path, json.dumps(document, indent=2) + "\n")




def summary_table(submission: str, results: list[UnitResult], *, color: bool, width: int = 100) -> str:
    """The end-of-run table: unit, points, status, first line of the message, then the total."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Grades for {submission}", title_justify="left", expand=False)
    # Ids, points and statuses are never cut (a log reader needs them whole); the message is the column that gives:
    # cut to one line where there is room for 30 characters of it, wrapped where there is not.
    id_width = max([len(r.id) for r in results] + [4])
    fixed = id_width + 7 + 7 + 13  # the unit, points and status columns, and the table's borders and padding
    width = max(width, fixed + 12)  # a message column of 12 at the least
    room = width - fixed
    table.add_column("unit", no_wrap=True, min_width=id_width)
    table.add_column("points", justify="right", no_wrap=True, min_width=7)
    table.add_column("status", no_wrap=True, min_width=7)
    if room >= 30:
        table.add_column("message", overflow="ellipsis", no_wrap=True, max_width=room)
    else:
        table.add_column("message", overflow="fold", min_width=room)
    for r in results:
        points = f"{r.score:g}/{r.max_score:g}" if r.status != "skipped" else "-"
        table.add_row(r.id, points, f"[{STATUS_STYLE[r.status]}]{r.status}[/]", first_line(r.message))
        if r.status != "passed":
            for p in r.properties:  # where the points went
                table.add_row(f"  {p['name']}", f"{p['score']:g}/{p['max_score']:g}",
                              f"[{STATUS_STYLE.get(p['status'], 'red')}]{p['status']}[/]",
                              first_line(p["message"]) if p["status"] != "passed" else "")
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


GRADESCOPE_VISIBILITY = ("visible", "after_due_date", "after_published", "hidden")


def _markdown(text: str) -> str:
    """A message as Markdown: its lines kept as lines (Markdown joins single newlines), backticks left to render."""
    return "\n\n".join(line for line in text.splitlines() if line.strip())


def gradescope_results(document: dict, *, execution_time: float | None = None, visibility: str = "visible") -> dict:
    """Gradescope's autograder ``results.json``: one test per graded unit, with ``visibility`` (one of
    :data:`GRADESCOPE_VISIBILITY`); messages as Markdown (``output_format: "md"``, so the backticks in them render as
    code); the run's stdout hidden from students (it is the instructor's log). A skipped unit (no GPU here) is no
    test (Gradescope would show it as a passed 0/0) and is named in the top-level output instead."""
    if visibility not in GRADESCOPE_VISIBILITY:
        raise ValueError(f"visibility {visibility!r}: one of {', '.join(GRADESCOPE_VISIBILITY)}")
    tests, skipped = [], []
    for number, u in enumerate(document["units"], 1):
        if u["status"] == "skipped":
            skipped.append(f"`{u['id']}` ({first_line(u['message'])})")
            continue
        output = u["message"] or "passed"
        if u["status"] != "passed" and u.get("properties"):
            output += "\n" + "\n".join(property_lines(u))
        tests.append({"name": u["id"], "number": str(number), "score": u["score"], "max_score": u["max_score"],
                      "status": "passed" if u["status"] == "passed" else "failed",
                      "output": _markdown(output if u["status"] == "passed" else f"{u['status']}: {output}"),
                      "visibility": visibility})
    output = f"Graded with seed {document.get('seed')}."
    if document.get("read_as"):
        output += f" Submission read as {document['read_as']}."
    if skipped:
        output += " Not graded here, and not in the maximum: " + "; ".join(skipped) + "."
    results = {"score": document["score"], "output": output, "output_format": "md", "test_output_format": "md",
               "stdout_visibility": "hidden", "tests": tests}
    if execution_time is not None:
        results["execution_time"] = round(execution_time)
    return results


def write_junit(path, documents: list[dict]) -> None:
    """JUnit XML: a test suite per submission, a test case per unit."""
    from xml.etree import ElementTree as ET

    suites = ET.Element("testsuites", name="d2l-drill")
    for doc in documents:
        units = doc["units"]
        count = lambda *s: str(sum(u["status"] in s for u in units))  # noqa: E731
        suite = ET.SubElement(suites, "testsuite", name=doc["submission"], tests=str(len(units)),
                              failures=count("failed", "missing"), errors=count("error"), skipped=count("skipped"))
        for u in units:
            case = ET.SubElement(suite, "testcase", classname=u["id"].rsplit(".", 1)[0], name=u["id"].rsplit(".", 1)[1])
            props = ET.SubElement(case, "properties")
            ET.SubElement(props, "property", name="score", value=f"{u['score']:g}/{u['max_score']:g}")
            for p in u.get("properties") or []:
                ET.SubElement(props, "property", name=f"property {p['name']}",
                              value=f"{p['score']:g}/{p['max_score']:g} {p['status']}")
            if u["status"] in ("failed", "missing"):
                ET.SubElement(case, "failure", message=first_line(u["message"]), type=u["status"]).text = u["message"]
            elif u["status"] == "error":
                ET.SubElement(case, "error", message=first_line(u["message"]), type="error").text = u["message"]
            elif u["status"] == "skipped":
                ET.SubElement(case, "skipped", message=first_line(u["message"]))
    ET.indent(suites)
    write_atomic(path, '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n")


def _cell(text: str) -> str:
    """One line of a message as a Markdown table cell (pipes escaped, no line breaks)."""
    return first_line(text).replace("|", "\\|")


def markdown_summary(documents: list[dict]) -> str:
    """The grade table as Markdown (GitHub's job summary, a README): per submission, its total and a row a unit."""
    parts = []
    for doc in documents:
        parts.append(f"### Grades for {doc['submission']}: {doc['score']:g} / {doc['max_score']:g} points\n")
        if doc.get("seed") is not None:
            parts.append(f"Seed {doc['seed']}, profile {doc.get('profile', '')}.\n")
        parts.append("| unit | points | status | message |\n|---|---:|---|---|")
        for u in doc["units"]:
            points = "-" if u["status"] == "skipped" else f"{u['score']:g}/{u['max_score']:g}"
            parts.append(f"| `{u['id']}` | {points} | {u['status']} | {_cell(u['message'])} |")
            if u["status"] != "passed":
                for p in u.get("properties") or []:
                    message = _cell(p["message"]) if p["status"] != "passed" else ""
                    parts.append(f"| &nbsp;&nbsp;{p['name']} | {p['score']:g}/{p['max_score']:g} | {p['status']} | "
                                 f"{message} |")
        parts.append("")
    return "\n".join(parts) + "\n"


def append_markdown(path, documents: list[dict]) -> None:
    """Append the table to ``path`` (GitHub Actions gives each step's summary file to append to)."""
    with open(path, "a", encoding="utf-8") as f:
        f.write(markdown_summary(documents))
