"""Grading untrusted code: submissions read with limits, sandboxed workers forked from a pre-imported server, jobs."""
