"""The gradebook: a row per roster entry (missing submissions as 0), one maximum, Canvas' and Moodle's imports."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness.reports.gradebook import Roster, RosterError, gradebook_text

ROOT = Path(__file__).resolve().parents[1]


def _doc(name: str, scores: dict[str, float], skipped=("pytorch.gpu.placement",)) -> dict:
    units = [{"id": i, "status": "passed" if s else "failed", "score": s, "max_score": 1.0, "message": ""}
             for i, s in scores.items()]
    units += [{"id": i, "status": "skipped", "score": 0.0, "max_score": 0.0, "message": "no GPU"} for i in skipped]
    return {"submission": name, "score": sum(scores.values()), "max_score": float(len(scores)), "units": units}


DOCS = [_doc("alice", {"pytorch.gpu.num_gpus": 1.0, "pytorch.gpu.try_gpu": 1.0}),
        _doc("zed", {"pytorch.gpu.num_gpus": 0.0, "pytorch.gpu.try_gpu": 1.0})]


def _roster(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_plain_gradebook_has_a_row_per_roster_entry_and_one_maximum(tmp_path, capsys):
    roster = Roster.load(_roster(tmp_path, "\ufeffsubmission,name,email\nbob,Bob B,b@x\nalice,Alice A,a@x\n"))
    rows = _table(gradebook_text(DOCS, roster))
    assert rows[0] == ["student_id", "name", "submission", "status", "pytorch.gpu.num_gpus", "pytorch.gpu.try_gpu",
                       "pytorch.gpu.placement", "total", "max_score"]
    assert rows[1] == ["bob", "Bob B", "", "missing", "0", "0", "0", "0", "2"]
    assert rows[2] == ["alice", "Alice A", "alice", "graded", "1", "1", "skipped", "2", "2"]
    assert rows[3][:4] == ["zed", "", "zed", "graded"]  # graded, though not on the roster
    assert {r[-1] for r in rows[1:]} == {"2"}
    assert "'zed' is not on the roster" in capsys.readouterr().err


def test_canvas_gradebook_uses_canvas_own_columns(tmp_path):
    export = ("Student,ID,SIS User ID,SIS Login ID,Section,Homework 5 (101)\n"
              "    Points Possible,,,,,10\n"
              "\"Alice, A\",17,S1,alice,Sec 1,9\n"
              "Bob B,18,S2,bob,Sec 1,8\n")
    roster = Roster.load(_roster(tmp_path, export))
    assert roster.key == "SIS Login ID" and [r["ID"] for r in roster.rows] == ["17", "18"]
    rows = _table(gradebook_text(DOCS, roster, "canvas", "Chapter 6 (202)"))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Chapter 6 (202)"]
    assert rows[1] == ["Points Possible", "", "", "", "", "2"]
    assert rows[2] == ["Alice, A", "17", "S1", "alice", "Sec 1", "2"]
    assert rows[3] == ["Bob B", "18", "S2", "bob", "Sec 1", "0"]
    assert len(rows) == 4  # zed is not in Canvas: left out
    with pytest.raises(RosterError, match="needs Canvas' own roster"):
        gradebook_text(DOCS, None, "canvas")
    minimal = Roster.load(_roster(tmp_path, "Student,ID,Section\nAlice,17,S\n"), key="Student")
    rows = _table(gradebook_text([dict(DOCS[0], submission="Alice")], minimal, "canvas", "Ch6"))
    assert rows == [["Student", "ID", "Section", "Ch6"], ["Points Possible", "", "", "2"], ["Alice", "17", "S", "2"]]


def test_moodle_gradebook_keeps_the_identity_columns(tmp_path):
    roster = Roster.load(_roster(tmp_path, "Email address,First name\nalice@x,Alice\n"), key="First name")
    rows = _table(gradebook_text([dict(DOCS[0], submission="Alice")], roster, "moodle", "d2l ch6"))
    assert rows == [["Email address", "First name", "d2l ch6"], ["alice@x", "Alice", "2"]]


@pytest.mark.parametrize("text, key, problem", [
    ("", None, "empty; it needs a header row"),
    ("name,score\nA,1\n", None, "no column to match submissions with"),
    ("id,name\na,A\na,B\n", None, ":3: id 'a' appears twice"),
    ("id,name\n,A\n", None, ":2: no 'id'"),
    ("id,name\na,A\n", "login", "no column 'login'"),
])
def test_a_roster_that_cannot_be_used_is_named(tmp_path, text, key, problem):
    with pytest.raises(RosterError, match=problem):
        Roster.load(_roster(tmp_path, text), key)


def test_drill_grade_writes_the_roster_gradebook(tmp_path):
    pytest.importorskip("torch")
    alice = tmp_path / "alice"
    (alice / "pytorch").mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / "pytorch" / "gpu.py", alice / "pytorch" / "gpu.py")
    roster = _roster(tmp_path, "student_id,name\nalice,Alice A\nbob,Bob B\n")
    run = subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(alice), "--only", "pytorch.gpu", "--seed",
                          "1", "--json", str(tmp_path / "alice.json"), "--gradebook", str(tmp_path / "grades.csv"),
                          "--roster", str(roster)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "grades.csv").read_text())))
    assert [(r["student_id"], r["status"]) for r in rows] == [("alice", "graded"), ("bob", "missing")]
    assert rows[0]["max_score"] == rows[1]["max_score"] == f"{json.loads((tmp_path / 'alice.json').read_text())['max_score']:g}"
    bad = subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(alice), "--roster", str(tmp_path / "no.csv")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "roster" in bad.stderr and "cannot be read" in bad.stderr
