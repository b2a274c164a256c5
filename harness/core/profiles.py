"""Hypothesis profiles: ``dev`` for students (quick, random) and ``ci`` for instructors.

``ci`` is derandomized (examples derived from each property, no example
database) unless a seed is given, in which case that seed picks the examples:
an instructor's secret seed makes them unpredictable and reproducible.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

PROFILES = {
    "dev": dict(max_examples=10, derandomize=False),
    "ci": dict(max_examples=25, derandomize=True, database=None),
}
DEFAULT = "dev"

# Architectures drawn per property where builds are pooled (Context.pool), besides the grader's own first one.
POOL_DRAWN = {"dev": 1, "ci": 2}

for _name, _kw in PROFILES.items():
    settings.register_profile(
        _name,
        deadline=None,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
        print_blob=False,
        **_kw,
    )


def _examples_from_the_seed_alone() -> None:
    """Hypothesis (6.13x and later) mixes into its draws constants it reads from the source of every *local*
    module loaded in the process: the student's exercise files, the graders, whatever ran before.  Examples would
    then depend on the process's history and on the student's own code (a constant in it steers the examples
    drawn), so the same seed would not give the same report, and a student release's recorded examples
    (harness/core/recorded.py) would not be the ones drawn.  The harness draws from the seed alone: no local
    constants (Hypothesis' global ones, 0, -1, NaN and the like, stay)."""
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # a Hypothesis without the mechanism: nothing to switch off
        return
    if not hasattr(providers, "_get_local_constants"):
        return
    empty = providers.Constants()
    providers._get_local_constants = lambda: empty
    providers.CONSTANTS_CACHE.cache.clear()


_examples_from_the_seed_alone()


def activate(name: str | None, *, database: bool = True) -> str:
    """Load one of our profiles (Hypothesis' own ``ci`` auto-load under ``$CI`` is overridden here).

    ``database=False`` (recording a student release, and in one): no example database, so that no example saved
    by an earlier run is tried first; the examples then come from the seed alone."""
    name = name or DEFAULT
    if name in PROFILES:
        if not database:
            settings.register_profile(name, settings.get_profile(name), database=None)
        settings.load_profile(name)
    return name


def current() -> str:
    return settings.get_current_profile_name()


def pool_drawn() -> int:
    return POOL_DRAWN.get(current(), POOL_DRAWN[DEFAULT])
