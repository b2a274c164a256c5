"""Hypothesis strategies shared by every grader, whatever the framework.

They draw seeds, sizes, shapes, dtypes, keys and chains of blocks; the values themselves are made from a drawn seed
by :mod:`harness.core.inputs` (examples stay small and fast, and shrinking works on what a student needs to see).
"""

from __future__ import annotations

from hypothesis import strategies as st

from harness.core.inputs import FILE_DTYPES, SIZE_MAX, SIZE_MIN, chain_spec

seeds = st.integers(min_value=0, max_value=2**16)
sizes = st.integers(min_value=SIZE_MIN, max_value=SIZE_MAX)
batches = st.integers(min_value=1, max_value=4)
scales = st.sampled_from([1.0, 0.01, 100.0])
file_dtypes = st.sampled_from(FILE_DTYPES)
shapes = st.lists(st.integers(min_value=0, max_value=3), min_size=0, max_size=3).map(tuple)  # 0-d and empty too
key_chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./"
dict_keys = st.text(alphabet=key_chars, min_size=1, max_size=8)


@st.composite
def chains(draw, max_len: int = 5):
    """A chain of blocks drawn by Hypothesis (see :func:`chain_spec`)."""
    return chain_spec(lambda: draw(sizes), lambda: draw(st.integers(min_value=1, max_value=max_len)),
                  lambda options: draw(st.sampled_from(options)))
