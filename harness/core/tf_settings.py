"""TensorFlow settings the harness applies before TensorFlow is first imported (one place for all of them).

- ``TF_CPP_MIN_LOG_LEVEL=2``: no start-up chatter (oneDNN, CPU features) in a student's output.
- ``TF_ENABLE_ONEDNN_OPTS=0``: plain kernels; oneDNN's reordered float sums buy nothing on the tiny tensors
  graded here and cost ~7% of the TensorFlow track's time.
Both are defaults: a value already in the environment wins.
"""

from __future__ import annotations

import os

ENV = {"TF_CPP_MIN_LOG_LEVEL": "2", "TF_ENABLE_ONEDNN_OPTS": "0"}


def apply() -> None:
    for key, value in ENV.items():
        os.environ.setdefault(key, value)


def environment() -> dict:
    """The same settings for a child process's scrubbed environment."""
    return {key: os.environ.get(key, value) for key, value in ENV.items()}


def after_import() -> None:
    """Settings that need keras: tracebacks unfiltered (the harness finds the student's frame itself; filtering
    costs ~8% of every Keras call)."""
    import keras

    keras.config.disable_traceback_filtering()
