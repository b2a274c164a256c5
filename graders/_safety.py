"""Files that run code when loaded carelessly, for the 'loading never executes code' checks (both frameworks).

A loader that checks its container first (a zip, an npz) and only then turns safety off
(``torch.load(weights_only=False)``, ``np.load(allow_pickle=True)``) is not caught by a raw
pickle, so the payload also comes inside each framework's own containers: a ``torch.save``
zip (PyTorch only: TensorFlow's track never imports torch), an ``.npy`` with an object array,
and an ``.npz`` whose members are object arrays under the names a format is likely to read.
Whether the payload ran is proved by the directory it creates.
"""

from __future__ import annotations

import os
import pickle

import numpy as np


class _Payload:
    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def _object_array(marker: str) -> np.ndarray:
    arr = np.empty(1, dtype=object)
    arr[0] = _Payload(marker)
    return arr


def _raw_pickle(path, marker):
    with open(path, "wb") as f:
        pickle.dump(_Payload(marker), f, protocol=2)


def _npy(path, marker):
    with open(path, "wb") as f:
        np.save(f, _object_array(marker), allow_pickle=True)


# Member names of the npz payload: numpy's defaults, the reference's own, and names formats use for headers.
NPZ_MEMBERS = ("arr_0", "arr_1", "t0", "t1", "header", "__meta__", "meta", "keys", "names", "dtypes", "shapes",
               "data", "x", "0", "1", "w", "values", "params")


def _npz(path, marker):
    with open(path, "wb") as f:
        np.savez(f, **{name: _object_array(marker) for name in NPZ_MEMBERS})


def _torch_zip(path, marker):
    import torch  # PyTorch's track only

    torch.save({"payload": _Payload(marker)}, path)


CONTAINERS = {"pytorch": (("a raw pickle", _raw_pickle), ("a torch.save zip", _torch_zip),
                          ("an .npy object array", _npy), ("an .npz of object arrays", _npz)),
              "tensorflow": (("a raw pickle", _raw_pickle), ("an .npy object array", _npy),
                             ("an .npz of object arrays", _npz))}


def write_malicious_pickle(path: str, marker: str) -> None:
    """``path`` holds a pickle whose loading creates the directory ``marker``."""
    _raw_pickle(path, marker)


def try_loading(load, path: str, marker: str) -> dict:
    """Observation of ``load(path)`` on a malicious file: did it raise, did the payload run."""
    try:
        load(path)
        raised = ""
    except Exception as exc:  # any clear error is a refusal
        raised = type(exc).__name__
    return {"raised": raised, "executed": os.path.exists(marker)}


def try_every_container(load, path: str, folder: str, framework: str) -> dict:
    """``load`` on each malicious file of ``framework`` in turn, written at ``path``:
    {"executed": [containers whose payload ran], "accepted": [containers loaded without an error]}."""
    executed, accepted = [], []
    for k, (what, write) in enumerate(CONTAINERS[framework]):
        marker = os.path.join(folder, f"payload-ran-{k}")
        write(path, marker)
        seen = try_loading(load, path, marker)
        if seen["executed"]:
            executed.append(what)
        if not seen["raised"]:
            accepted.append(what)
    return {"executed": executed, "accepted": accepted}
