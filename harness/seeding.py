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
        import keras

        keras.utils.set_random_seed(seed)
