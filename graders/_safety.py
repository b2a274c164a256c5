"""A file that runs code when unpickled, for the 'loading never executes code' checks (both frameworks)."""

from __future__ import annotations

import os
import pickle


class _Payload:
    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def write_malicious_pickle(path: str, marker: str) -> None:
    """``path`` holds a pickle whose loading creates the directory ``marker``."""
    with open(path, "wb") as f:
        pickle.dump(_Payload(marker), f, protocol=2)


def try_loading(load, path: str, marker: str) -> dict:
    """Observation of ``load(path)`` on a malicious file: did it raise, did the payload run."""
    try:
        load(path)
        raised = ""
    except Exception as exc:  # any clear error is a refusal
        raised = type(exc).__name__
    return {"raised": raised, "executed": os.path.exists(marker)}
