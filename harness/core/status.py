"""A graded unit's (or property's) status: the words, what each means, and how every report colours it.

Light on purpose (no framework, no Hypothesis): the drill front-end and the reports both read it.
"""

from __future__ import annotations

# passed: every property held; failed: a property did not; error: the code raised where it should not (or the
# grader could not run it); missing: a name the unit needs is not defined; skipped: not gradable here (no GPU,
# framework not installed), left out of the maximum.
STATUSES = ("passed", "failed", "error", "missing", "skipped")

# Rich styles, one per status: the summary table, drill's lines and the watch screen use these.
STATUS_STYLE = {"passed": "green", "failed": "red", "error": "magenta", "missing": "yellow", "skipped": "cyan"}
