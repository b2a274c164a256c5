"""The class's gradebook: a row per student, from the grading reports and (optionally) a roster.

Styles (``--gradebook-style``):

- ``plain``: ``student_id, name, submission, status``, a column per unit (its points, ``skipped`` for a unit this
  machine could not grade), ``total``, ``max_score``.  ``status`` is ``graded`` or ``missing`` (on the roster, no
  submission; 0 points).  The maximum is the same on every row.
- ``canvas``: Canvas' gradebook import (the student columns of its own export: ``Student, ID``, the SIS columns
  where present, ``Section`` last; a ``Points Possible`` row; one assignment column holding the total, which
  updates the assignment ``Name (id)`` or creates one of a new name).  Take the roster from Canvas' gradebook export, so
  those columns are Canvas' own; rows Canvas does not know are left out (and named on stderr).
- ``moodle``: Moodle's "Import grades from CSV": the roster's identity columns and one grade column; Moodle asks
  which column identifies the user (e.g. email address or ID number) and which grade item the total goes to.

A roster is a CSV with a header row.  The column matched against submission names (a submission's name is its
folder or file name without suffix) is ``--roster-key`` or else the first of :data:`KEY_COLUMNS` present.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

KEY_COLUMNS = ("submission", "SIS Login ID", "login", "username", "Username", "email", "Email address", "student_id",
               "id", "ID")
NAME_COLUMNS = ("name", "Student", "full_name", "First name")
# Canvas' student columns, in the order its import reads them: Student and ID first, Section last (required), the
# SIS and integration columns between them when the export has them.
CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Integration ID", "Root Account", "Section")
CANVAS_REQUIRED = ("Student", "ID", "Section")
STYLES = ("plain", "canvas", "moodle")


class RosterError(Exception):
    """The roster cannot be used: the message names the file and what is wrong."""


@dataclass
class Roster:
    columns: list[str]
    key: str
    rows: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, path, key: str | None = None) -> Roster:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")  # a spreadsheet's byte-order mark is not a column name
        except (OSError, UnicodeDecodeError) as exc:
            raise RosterError(f"roster {path}: cannot be read ({exc})") from None
        reader = csv.DictReader(io.StringIO(text))
        columns = [c.strip() for c in (reader.fieldnames or [])]
        if not columns:
            raise RosterError(f"roster {path}: empty; it needs a header row naming its columns")
        reader.fieldnames = columns
        if key is None:
            key = next((c for c in KEY_COLUMNS if c in columns), None)
            if key is None:
                raise RosterError(f"roster {path}: no column to match submissions with; name one with --roster-key "
                                  f"(columns: {', '.join(columns)})")
        elif key not in columns:
            raise RosterError(f"roster {path}: no column {key!r} (columns: {', '.join(columns)})")
        rows, seen = [], set()
        for number, row in enumerate(reader, 2):
            value = (row.get(key) or "").strip()
            if not value:
                if any((v or "").strip() for v in row.values()) and not _is_points_row(row):
                    raise RosterError(f"roster {path}:{number}: no {key!r}")
                continue
            if value in seen:
                raise RosterError(f"roster {path}:{number}: {key} {value!r} appears twice")
            seen.add(value)
            rows.append({c: (row.get(c) or "").strip() for c in columns})
        return cls(columns, key, rows)


def _is_points_row(row: dict) -> bool:
    """Canvas' export has a "Points Possible" row under the header: not a student."""
    return any("Points Possible" in (v or "") for v in row.values())


def _name(row: dict[str, str]) -> str:
    return next((row[c] for c in NAME_COLUMNS if row.get(c)), "")


def _unit_ids(documents: list[dict]) -> list[str]:
    ids = []
    for doc in documents:
        for u in doc["units"]:
            if u["id"] not in ids:
                ids.append(u["id"])
    return ids


def rows(documents: list[dict], roster: Roster | None = None) -> list[dict]:
    """One entry per roster row (in roster order, then submissions not on it), each with its document or None."""
    by_name = {doc["submission"]: doc for doc in documents}
    entries = []
    if roster is not None:
        for row in roster.rows:
            entries.append({"id": row[roster.key], "name": _name(row), "roster": row,
                            "doc": by_name.pop(row[roster.key], None)})
        for name in by_name:
            print(f"drill grade: submission {name!r} is not on the roster (no {roster.key} {name!r})", file=sys.stderr)
    for name, doc in by_name.items():
        entries.append({"id": name, "name": "", "roster": None, "doc": doc})
    return entries


def _maximum(documents: list[dict]) -> float:
    return max((doc["max_score"] for doc in documents), default=0.0)


def _points(value: float) -> str:
    return f"{value:g}"


def check_style(style: str, roster: Roster | None) -> None:
    """:class:`RosterError` when ``style`` cannot be written with ``roster``."""
    if style not in STYLES:
        raise RosterError(f"gradebook style {style!r}: one of {', '.join(STYLES)}")
    if style == "canvas":
        missing = [c for c in CANVAS_REQUIRED if roster is None or c not in roster.columns]
        if missing:
            raise RosterError("a Canvas gradebook needs Canvas' own roster (its gradebook export) for the columns "
                              f"{', '.join(missing)}: pass it with --roster")


def gradebook_text(documents: list[dict], roster: Roster | None = None, style: str = "plain",
                   assignment: str = "d2l chapter 6") -> str:
    check_style(style, roster)
    entries = rows(documents, roster)
    maximum = _maximum(documents)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if style == "plain":
        unit_ids = _unit_ids(documents)
        writer.writerow(["student_id", "name", "submission", "status", *unit_ids, "total", "max_score"])
        for e in entries:
            doc = e["doc"]
            if doc is None:
                writer.writerow([e["id"], e["name"], "", "missing", *("0" for _ in unit_ids), "0", _points(maximum)])
                continue
            scores = {u["id"]: ("skipped" if u["status"] == "skipped" else _points(u["score"])) for u in doc["units"]}
            writer.writerow([e["id"], e["name"], doc["submission"], "graded", *(scores.get(i, "") for i in unit_ids),
                             _points(doc["score"]), _points(doc["max_score"])])
    elif style == "canvas":
        columns = [c for c in CANVAS_COLUMNS if c in roster.columns]
        writer.writerow([*columns, assignment])
        writer.writerow(["Points Possible", *("" for _ in columns[1:]), _points(maximum)])
        for e in entries:
            if e["roster"] is None:
                continue  # Canvas cannot place a row it does not know
            doc = e["doc"]
            writer.writerow([*(e["roster"][c] for c in columns), _points(doc["score"]) if doc else "0"])
    else:  # moodle
        identity = roster.columns if roster is not None else ["submission"]
        writer.writerow([*identity, assignment])
        for e in entries:
            if roster is not None and e["roster"] is None:
                continue  # Moodle matches rows to its users: one it does not know is an import error
            values = [e["roster"][c] for c in identity] if roster is not None else [e["id"]]
            writer.writerow([*values, _points(e["doc"]["score"]) if e["doc"] else "0"])
    return buffer.getvalue()


def write(path, documents: list[dict], roster: Roster | None = None, style: str = "plain",
          assignment: str = "d2l chapter 6") -> None:
    from harness.core.files import write_atomic

    write_atomic(path, gradebook_text(documents, roster, style, assignment))
