"""One place that seeds every random number generator a unit can touch."""

from __future__ import annotations

import random
import sys

import numpy as np


def seed_all(framework: str, seed: int) -> None:
    """Seed ``random``, numpy and the framework identically before each call, for implementation and reference."""
    seed = int(seed) % (2**32)
    random.seed(seed)
    np.random.seed(seed)
    if framework == "pytorch" or "torch" in sys.modules:
        import torch

        # torch.manual_seed also seeds every CUDA device (~0.1 ms each call, even without CUDA): seed the CPU
        # generator directly, and CUDA only once it is in use.
        torch.random.default_generator.manual_seed(seed)
        if torch.cuda.is_initialized():
            torch.cuda.manual_seed_all(seed)
    if framework == "tensorflow":
        _seed_keras_and_tensorflow(seed)


class _TensorFlowSeed:
    """TensorFlow's global seed, set without emptying TF's kernel cache where nothing needs it.

    ``tf.random.set_seed`` (called by ``keras.utils.set_random_seed``) empties the eager kernel cache so that
    stateful random ops (``tf.random.uniform`` ...) restart their streams; every op then pays its kernel set-up
    again, about 7 ms per call of a small Keras model.  Those ops take their seeds from
    ``random_seed.get_seed``, which is wrapped here to note that a stateful kernel may now hold a stream: the
    cache is emptied on the next seeding only then.  Seeding is otherwise the same: the global seed and the
    stream of per-op seeds drawn from it are reset.  (Keras' own random ops are stateless: they follow the
    Keras seed generator, reset below.)
    """

    def __init__(self):
        self.streams_used = True  # empty the cache the first time
        self.installed = False

    def install(self):
        from tensorflow.python.framework import random_seed

        original = random_seed.get_seed

        def get_seed(op_seed):
            self.streams_used = True
            return original(op_seed)

        get_seed.__wrapped__ = original
        random_seed.get_seed = get_seed
        self.installed = True

    def set(self, seed: int) -> None:
        import tensorflow as tf
        from tensorflow.python.eager import context

        if not self.installed:
            self.install()
        ctx = context.context()
        if self.streams_used or not hasattr(ctx, "_rng") or not hasattr(ctx, "_seed"):
            tf.random.set_seed(seed)
            self.streams_used = False
        else:
            ctx._seed = seed
            ctx._rng = random.Random(seed)


_TF_SEED = _TensorFlowSeed()


def _seed_keras_and_tensorflow(seed: int) -> None:
    """What ``keras.utils.set_random_seed`` does (Python and numpy are seeded by the caller), with TF's seed
    set by :class:`_TensorFlowSeed`."""
    from keras.src.backend.common import global_state
    from keras.src.random import seed_generator
    from keras.src.utils import rng_utils

    global_state.set_global_attribute(rng_utils.GLOBAL_RANDOM_SEED, seed)
    global_state.set_global_attribute(seed_generator.GLOBAL_SEED_GENERATOR, None)
    _TF_SEED.set(seed)
