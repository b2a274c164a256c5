"""The self-study state file, ``.drill-state.json`` in the repository root (ignored by git).

It remembers the chosen framework, the result of each unit's last check (with
a fingerprint of the code it graded, so an edit since then shows as
"unchecked"), which units were attempted (checked while they differed from the
stub: this unlocks ``drill solution``) and how many hint stages were shown.
A missing or unreadable file is a fresh start, never an error.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from harness.core.files import write_atomic

STATE_FILE = ".drill-state.json"
VERSION = 1


@dataclass
class State:
    path: Path
    framework: str | None = None
    results: dict[str, dict] = field(default_factory=dict)
    attempted: set[str] = field(default_factory=set)
    hints: dict[str, int] = field(default_factory=dict)
    solved: set[str] = field(default_factory=set)  # units that passed at least once (their solution is open)
    set_aside: Path | None = None  # where an unreadable state file was moved, if it was

    @classmethod
    def load(cls, root: Path) -> "State":
        path = Path(root) / STATE_FILE
        try:
            data = json.loads(path.read_text())
            if not isinstance(data, dict) or data.get("version") != VERSION:
                raise ValueError
            return cls(
                path=path,
                framework=data.get("framework"),
                results={k: v for k, v in data.get("results", {}).items() if isinstance(v, dict)},
                attempted=set(data.get("attempted", [])),
                hints={k: int(v) for k, v in data.get("hints", {}).items()},
                solved=set(data.get("solved", [])),
            )
        except FileNotFoundError:
            return cls(path=path)
        except (OSError, ValueError, TypeError, AttributeError):
            # Unreadable (a crash mid-write by another tool, a hand edit, a newer version): kept aside, never
            # silently dropped; progress is rebuilt by the next checks.
            aside = path.with_name(path.name + ".corrupt")
            try:
                os.replace(path, aside)
            except OSError:
                aside = None
            return cls(path=path, set_aside=aside)

    def save(self) -> None:
        document = {
            "version": VERSION,
            "framework": self.framework,
            "results": self.results,
            "attempted": sorted(self.attempted),
            "hints": self.hints,
            "solved": sorted(self.solved),
        }
        write_atomic(self.path, json.dumps(document, indent=1, sort_keys=True) + "\n")

    def record(self, result, fingerprint: str, attempted: bool) -> None:
        """Keep a grading result (harness.core.grading.UnitResult) with the fingerprint of the code it graded."""
        self.results[result.id] = {
            "status": result.status,
            "score": result.score,
            "max_score": result.max_score,
            "message": result.message,
            "fingerprint": fingerprint,
            "checked_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        if attempted:
            self.attempted.add(result.id)
            if result.status == "passed":
                self.solved.add(result.id)

    def forget(self, unit_id: str) -> None:
        self.results.pop(unit_id, None)
