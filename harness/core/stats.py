"""Distribution checks for initialisers: exact bounds first, then moments at 6 sigma, then a KS test.

Numpy only.  Thresholds follow GRADING-NOTES.md: 0/1000 false fails for correct
code at alpha = 1e-6, every plausible wrong initialiser rejected.
"""

from __future__ import annotations

import math

import numpy as np

ALPHA = 1e-6
_erf = np.frompyfunc(math.erf, 1, 1)


def ks_statistic(sample: np.ndarray, cdf) -> float:
    x = np.sort(np.asarray(sample, dtype=np.float64).ravel())
    n = x.size
    f = np.asarray(cdf(x), dtype=np.float64)
    upper = np.arange(1, n + 1) / n - f
    lower = f - np.arange(0, n) / n
    return float(max(upper.max(), lower.max()))


def ks_critical(n: int, alpha: float = ALPHA) -> float:
    """Asymptotic one-sample KS critical value."""
    return math.sqrt(-0.5 * math.log(alpha / 2)) / math.sqrt(n)


def normal_cdf(mean: float, std: float):
    return lambda x: 0.5 * (1 + _erf((x - mean) / (std * math.sqrt(2))).astype(np.float64))


def uniform_cdf(low: float, high: float):
    return lambda x: np.clip((x - low) / (high - low), 0, 1)


def describe(sample: np.ndarray) -> str:
    s = np.asarray(sample, dtype=np.float64)
    return f"mean {s.mean():.4g}, std {s.std():.4g}, min {s.min():.4g}, max {s.max():.4g}"


def normal_problem(sample, mean: float, std: float) -> str:
    """'' if ``sample`` looks like N(mean, std); else what is off, in words."""
    s = np.asarray(sample, dtype=np.float64).ravel()
    n = s.size
    # The mean is judged on the sample's own spread first: a sample with the right centre but ten times the
    # spread (std 0.1 for 0.01) has a mean far off at N(0, 0.01)'s precision, yet its mistake is the spread.
    if abs(s.mean() - mean) > 6 * max(s.std(), std) / math.sqrt(n):
        return f"its mean is {s.mean():.4g}, but N({mean:g}, {std:g}) has mean {mean:g}"
    if abs(s.std() - std) > 6 * std / math.sqrt(2 * n):
        return f"its standard deviation is {s.std():.4g}, but N({mean:g}, {std:g}) has {std:g}"
    if abs(s.mean() - mean) > 6 * std / math.sqrt(n):
        return f"its mean is {s.mean():.4g}, but N({mean:g}, {std:g}) has mean {mean:g}"
    tails = tail_problem(s, mean, std)
    if tails:
        return tails
    d = ks_statistic(s, normal_cdf(mean, std))
    if d > ks_critical(n):
        return f"its values are not normally distributed (KS statistic {d:.3g} > {ks_critical(n):.3g})"
    return ""


# Two-sided normal tail masses beyond 2 and 3 standard deviations.
_TAILS = {2.0: math.erfc(2.0 / math.sqrt(2)), 3.0: math.erfc(3.0 / math.sqrt(2))}


def tail_problem(s: np.ndarray, mean: float, std: float) -> str:
    """'' if the share of values beyond 2 and 3 sigma matches a normal's (6-sigma binomial bounds); a normal
    truncated at 2 or 3 sigma (``TruncatedNormal``, ``trunc_normal_``) has none there, which KS barely sees."""
    n = s.size
    for k, p in _TAILS.items():
        expected = n * p
        if expected < 25:  # too few values for the bound to mean anything
            continue
        count = int(np.sum(np.abs(s - mean) > k * std))
        if abs(count - expected) > 6 * math.sqrt(n * p * (1 - p)):
            return (f"{count} of its {n} values lie beyond {k:g} standard deviations, but N({mean:g}, {std:g}) "
                    f"puts about {expected:.0f} there (is it truncated?)")
    return ""


def uniform_problem(sample, low: float, high: float) -> str:
    """'' if ``sample`` looks like U(low, high); else what is off."""
    s = np.asarray(sample, dtype=np.float64).ravel()
    n = s.size
    eps = 1e-6 * max(abs(low), abs(high))
    if s.min() < low - eps or s.max() > high + eps:
        return f"its values span [{s.min():.4g}, {s.max():.4g}], outside U({low:.4g}, {high:.4g})"
    width = high - low
    if s.min() > low + 20 * width / n or s.max() < high - 20 * width / n:
        return f"its values span only [{s.min():.4g}, {s.max():.4g}], but U({low:.4g}, {high:.4g}) fills the range"
    d = ks_statistic(s, uniform_cdf(low, high))
    if d > ks_critical(n):
        return f"its values are not uniform on [{low:.4g}, {high:.4g}] (KS statistic {d:.3g} > {ks_critical(n):.3g})"
    return ""


def my_init_problem(values) -> str:
    """'' if ``values`` follow d2l's custom rule: U(-10, 10), then entries with |w| < 5 set to 0."""
    v = np.asarray(values, dtype=np.float64).ravel()
    nonzero = v[v != 0]
    outside = nonzero[(np.abs(nonzero) < 5) | (np.abs(nonzero) > 10)]
    if outside.size:
        return f"{outside.size} non-zero entries have |w| outside [5, 10] (e.g. {outside[0]:.4g})"
    n = v.size
    if abs(nonzero.size / n - 0.5) > 6 * math.sqrt(0.25 / n):
        return f"{nonzero.size / n:.1%} of entries are non-zero, but U(-10, 10) masked to |w| >= 5 keeps 50%"
    if abs(np.mean(nonzero > 0) - 0.5) > 6 * math.sqrt(0.25 / max(1, nonzero.size)):
        return f"{np.mean(nonzero > 0):.1%} of the non-zero entries are positive, but the rule keeps both signs"
    return uniform_problem(np.abs(nonzero), 5.0, 10.0)
