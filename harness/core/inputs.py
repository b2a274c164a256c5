"""Input data shared by every grader, whatever the framework: values made from a seed, and fixed specs.

Values of float inputs come from a drawn seed rather than from Hypothesis drawing each float: examples stay small
and fast, and shrinking works on the sizes and shapes a student needs to see.  The Hypothesis strategies that draw
the seeds, sizes and specs are in :mod:`harness.core.strategies`; the makers here are plain functions (fixed
examples and pools of architectures call them too).
"""

from __future__ import annotations

import numpy as np

SIZE_MIN, SIZE_MAX = 1, 8

# Every dtype the file round trips are graded on (docs/units.md, file_io).
FILE_DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "float16", "float32", "float64", "bfloat16")

# Keys a file format may trip over, run first by the dict round trips: a key that is another key plus the suffix
# numpy appends, names formats use for their own headers, path-like keys, numbers that sort as strings, and a long
# key (a fixed-width key column cuts it).
CLASHING_KEYS = ("w", "w.npy", "w.npz", "__meta__", "__version__", "header", "t0", "arr_0", "file", "allow_pickle",
                 "a/b", "/", "..", ".", "0", "10", "2", "encoder.layers.0.self_attention.out_proj.weight")


def clashing_dict_spec():
    """(key, dtype, shape) for every key of :data:`CLASHING_KEYS`, dtypes in turn, 0-d and empty shapes included."""
    shapes_ = [(), (0,), (2, 3), (1,), (3, 0, 2)]
    return [(key, FILE_DTYPES[k % len(FILE_DTYPES)], shapes_[k % len(shapes_)]) for k, key in enumerate(CLASHING_KEYS)]


def long_list_spec(length: int = 12):
    """(dtype, shape) for a list of ``length`` tensors (more than 10: "10" sorts before "2"), every dtype, 0-d and
    empty ones, and float32/float64 tensors of 1600 values (a format that shrinks large tensors shows)."""
    shapes_ = [(2,), (), (0,), (1, 3)]
    spec = [(FILE_DTYPES[k % len(FILE_DTYPES)], shapes_[k % len(shapes_)]) for k in range(length)]
    return [(d, (40, 40) if d in ("float32", "float64") else shape) for d, shape in spec]


def size(rng) -> int:
    """A layer width drawn by ``rng`` (a ``random.Random``) from the range ``sizes`` draws from, for pools of
    architectures (:meth:`harness.core.grading.Context.pool`)."""
    return rng.randint(SIZE_MIN, SIZE_MAX)


def floats(shape, seed: int, scale: float = 1.0) -> np.ndarray:
    """Finite float32 input values of ``shape``, fixed by ``seed``."""
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


def values_of(dtype: str, shape, seed: int) -> np.ndarray:
    """Values for a tensor of a graded dtype, as a numpy array that holds them exactly.

    bfloat16 and float16 values are rounded so they are exactly representable
    (bfloat16 arrives as float32 holding bfloat16-representable numbers).
    """
    return np.asarray(_values(dtype, shape, np.random.default_rng(seed)))


def _values(dtype, shape, rng):
    if dtype == "bool":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype.startswith(("int", "uint")):
        info = np.iinfo(np.dtype(dtype))
        return rng.integers(info.min, info.max, shape, dtype=np.dtype(dtype), endpoint=True)
    values = rng.standard_normal(shape) * 1000
    if dtype == "bfloat16":  # keep the top 16 bits of float32
        bits = values.astype(np.float32).view(np.uint32) & np.uint32(0xFFFF0000)
        return bits.view(np.float32)
    return values.astype(np.dtype(dtype))


def chain_spec(pick_size, pick_length, pick_one):
    """A spec of blocks for a container: [("linear", i, o) | ("relu",) | ("tanh",) | ("again", k)].

    ``("again", k)`` means "the block object at position k, given a second time"; it is only
    drawn where the shapes allow it.  Returns (spec, input_width).  The picks come from Hypothesis
    (:func:`chains`) or from a ``random.Random`` (:func:`random_chain`).
    """
    width = pick_size()
    first = width
    spec: list[tuple] = []
    reusable: dict[int, list[int]] = {}  # width -> positions of blocks that map width to width
    for position in range(pick_length()):
        choices = ["linear", "relu", "tanh"] + (["again"] if reusable.get(width) else [])
        kind = pick_one(choices)
        if kind == "linear":
            out = pick_size()
            spec.append(("linear", width, out))
            if out == width:
                reusable.setdefault(width, []).append(position)
            width = out
        elif kind == "again":
            spec.append(("again", pick_one(reusable[width])))
        else:
            spec.append((kind,))
            reusable.setdefault(width, []).append(position)
    return spec, first


def random_chain(rng, max_len: int = 5):
    """A chain of blocks drawn by ``rng``, a ``random.Random`` (pools of architectures; see :func:`chain_spec`)."""
    return chain_spec(lambda: size(rng), lambda: rng.randint(1, max_len), rng.choice)
