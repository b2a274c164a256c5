"""Grading failures and the one helper that words them.

Every message a student reads has the same shape::

    `pytorch.blocks.MLP`: the forward pass differs from the reference.
    Called `MLP(3, 4, 5)(X)` with X of shape (2, 3). Got output off by up to 0.53 (max abs error; 3 of 10 entries differ, first at [0, 1]: got 0.1), but the reference gives ...
    Smallest failing input: in_features=3, hidden=4, out_features=5, batch=2

shape first, then dtype, then values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


class GradingFailure(AssertionError):
    """A property of the unit does not hold.  ``headline`` is what the student reads first."""

    def __init__(self, headline: str, detail: str = ""):
        self.headline = headline
        self.detail = detail
        super().__init__(headline + ("\n" + detail if detail else ""))


def fail(headline: str, detail: str = "") -> None:
    __tracebackhide__ = True
    raise GradingFailure(headline, detail)


def check(condition: bool, headline: str, detail: str = "") -> None:
    """Fail with ``headline`` unless ``condition`` holds."""
    __tracebackhide__ = True
    if not condition:
        raise GradingFailure(headline, detail)


@dataclass(frozen=True)
class TensorObs:
    """A tensor seen from outside its framework: plain numpy values plus the framework's dtype name.

    ``values`` holds the data in a numpy dtype that represents it exactly (bfloat16 as float32).
    """

    dtype: str
    shape: tuple
    values: np.ndarray

    def __repr__(self) -> str:  # short: used in messages
        return f"tensor(shape={self.shape}, dtype={self.dtype})"


def describe(value) -> str:
    """A short description of an observation for messages."""
    if isinstance(value, TensorObs):
        return f"a {value.dtype} tensor of shape {value.shape}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return repr(value)


def _fmt(x) -> str:
    if isinstance(x, (complex, np.complexfloating)):
        return f"{complex(x):.4g}"
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.4g}"
    return repr(x.item() if hasattr(x, "item") else x)


def assert_same(got, expected, *, headline: str, called: str, what: str = "output",
                atol: float = 1e-5, rtol: float = 1e-4, exact: bool = False) -> None:
    """Compare two tensor observations: shape, then dtype, then values.

    Raises :class:`GradingFailure` whose detail reads
    "Called `X`. Got <what> with ..., but the reference gives ...".
    """
    __tracebackhide__ = True
    if not isinstance(got, TensorObs):
        fail(headline, f"Called `{called}`. Got {what} {describe(got)}, but the reference gives {describe(expected)}.")
    if tuple(got.shape) != tuple(expected.shape):
        fail(headline, f"Called `{called}`. Got {what} of shape {tuple(got.shape)}, "
                       f"but the reference gives shape {tuple(expected.shape)}.")
    if got.dtype != expected.dtype:
        fail(headline, f"Called `{called}`. Got {what} of dtype {got.dtype}, "
                       f"but the reference gives dtype {expected.dtype}.")
    a, b = got.values, expected.values
    if a.size == 0:
        return
    if a.dtype.kind in "fc" and b.dtype.kind in "fc":
        odd = ~np.isfinite(a) & np.isfinite(b)
        if odd.any():
            idx = tuple(int(i) for i in np.argwhere(odd)[0])
            fail(headline, f"Called `{called}`. Got {what} with {int(odd.sum())} non-finite entries (first at "
                           f"{list(idx)}: {_fmt(a[idx])}), but the reference gives finite values there "
                           f"({_fmt(b[idx])}).")
    if exact or a.dtype.kind in "biu":
        bad = ~((a == b) | (_isnan(a) & _isnan(b)))
    else:
        bad = ~np.isclose(a, b, atol=atol, rtol=rtol, equal_nan=True)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        if a.dtype.kind in "fc":
            err = np.abs(a.astype(np.complex128) - b.astype(np.complex128))
            err = np.where(np.isnan(err), np.inf, err)
            fail(headline, f"Called `{called}`. Got {what} off by up to {float(err.max()):.4g} "
                           f"(max abs error; {int(bad.sum())} of {bad.size} entries differ, first at {list(idx)}: "
                           f"got {_fmt(a[idx])}), but the reference gives {_fmt(b[idx])} there.")
        fail(headline, f"Called `{called}`. Got {what} with {int(bad.sum())} of {bad.size} entries different "
                       f"(first at {list(idx)}: got {_fmt(a[idx])}), but the reference gives {_fmt(b[idx])} there.")


def _isnan(a: np.ndarray) -> np.ndarray:
    return np.isnan(a) if a.dtype.kind in "fc" else np.zeros(a.shape, bool)


def assert_equal(got, expected, *, headline: str, called: str, what: str) -> None:
    """Compare two plain values (numbers, strings, lists): "Called `X`. Got …, but the reference gives …"."""
    __tracebackhide__ = True
    if got != expected:
        fail(headline, f"Called `{called}`. Got {what} {got!r}, but the reference gives {expected!r}.")


def ordinal(k: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th": for "the 3rd parameter the forward pass uses"."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def check_weight_shapes(got: list, expected: list, *, framework: str, built: str, unseen: str) -> None:
    """The weights a model registers (PyTorch ``parameters()``) or tracks (Keras ``trainable_weights``), as sorted
    shape lists, equal the reference's; if not, the likely cause from how they differ: the same sizes in another
    order (a layout), fewer (``unseen``: how weights end up invisible to the framework), more (a layer made twice or
    never used), or other sizes."""
    got, expected = [tuple(s) for s in got], [tuple(s) for s in expected]
    if got == expected:
        return
    pytorch = framework == "pytorch"
    headline = ("registers different parameters than the reference." if pytorch
                else "tracks different trainable weights than the reference.")
    what = "parameters()" if pytorch else "trainable_weights"
    detail = f"Called `{built}`. Got {what} of shapes {got}, but the reference gives {expected} (sorted)."
    if len(got) == len(expected) and sorted(sorted(s) for s in got) == sorted(sorted(s) for s in expected):
        pairs = [(g, e) for g, e in zip(sorted(got, key=sorted), sorted(expected, key=sorted)) if g != e]
        laid = ", ".join(f"{g} where the reference has {e}" for g, e in pairs)
        detail += (f" The sizes are right but laid out in another order: {laid}. The layout is part of the rule "
                   "(docs/units.md): each axis in its place.")
    elif len(got) < len(expected):
        detail += f" {unseen}"
    elif len(got) > len(expected):
        detail += (" More than the reference: a layer created twice where one is used twice, or created and "
                   "never used, shows here.")
    else:
        detail += " The sizes differ: check each layer's input and output sizes against the rule (docs/units.md)."
    fail(headline, detail)
