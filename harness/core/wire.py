"""Plain data across a process boundary, without pickle.

Observations and probe arguments are trees of ``None``, ``bool``, ``int``,
``float``, ``complex``, ``str``, ``list``, ``tuple``, ``dict``, numpy arrays,
numpy scalars and :class:`~harness.core.feedback.TensorObs`.  :func:`encode` turns
such a tree into one JSON header plus raw ``.npy`` blobs; :func:`decode`
rebuilds it from fresh objects of exactly those types, reading arrays with
``allow_pickle=False``.  Whatever a worker sends, the grading process gets back
plain data only: never a subclass, never an object whose ``__eq__`` could lie.
Anything else a probe returns crosses as :class:`Opaque` (its type name and a
short repr), which equals nothing.
"""

from __future__ import annotations

import io
import json
import math
import struct

import numpy as np

from harness.core.feedback import TensorObs

MAX_FRAME = 512 * 2**20  # one message; larger is a broken or hostile worker
MAX_DEPTH = 64


class WireError(Exception):
    """A frame that does not decode to plain data."""


class Opaque:
    """Something a probe returned that is not plain data: known only by its type name and repr."""

    __slots__ = ("type_name", "text")

    def __init__(self, type_name: str, text: str):
        self.type_name = type_name
        self.text = text

    def __eq__(self, other):
        return False

    def __hash__(self):
        return id(self)

    def __repr__(self):
        return f"<{self.type_name}: {self.text}>"


def encode(value) -> bytes:
    """One frame: 4-byte header length, JSON header, then the blobs it refers to."""
    blobs: list[bytes] = []
    header = json.dumps(_to_json(value, blobs, 0), allow_nan=True).encode()
    sizes = [len(b) for b in blobs]
    meta = json.dumps({"sizes": sizes}).encode()
    return b"".join([struct.pack("!II", len(meta), len(header)), meta, header, *blobs])


def decode(frame: bytes):
    try:
        meta_len, header_len = struct.unpack("!II", frame[:8])
        meta = json.loads(frame[8:8 + meta_len])
        header = json.loads(frame[8 + meta_len:8 + meta_len + header_len])
        offset = 8 + meta_len + header_len
        blobs = []
        for size in meta["sizes"]:
            if not isinstance(size, int) or size < 0 or offset + size > len(frame):
                raise WireError("blob sizes do not match the frame")
            blobs.append(frame[offset:offset + size])
            offset += size
        return _from_json(header, blobs, 0)
    except WireError:
        raise
    except Exception as exc:  # struct, json, numpy: all the same to the caller
        raise WireError(f"undecodable frame: {type(exc).__name__}: {exc}") from None


def _array_blob(a: np.ndarray, blobs: list[bytes]) -> int:
    buffer = io.BytesIO()
    np.save(buffer, a, allow_pickle=False)
    blobs.append(buffer.getvalue())
    return len(blobs) - 1


def _to_json(v, blobs, depth):
    if depth > MAX_DEPTH:
        raise WireError("observation nested too deeply")
    t = type(v)
    if v is None or t is bool or t is str:
        return v
    if t is int:
        return {"int": str(v)} if abs(v) >= 2**53 else v
    if t is float:
        return v if math.isfinite(v) else {"float": repr(v)}
    if t is complex:
        return {"complex": [repr(v.real), repr(v.imag)]}
    if t is list:
        return [_to_json(x, blobs, depth + 1) for x in v]
    if t is tuple:
        return {"tuple": [_to_json(x, blobs, depth + 1) for x in v]}
    if t is dict:
        return {"dict": [[_to_json(k, blobs, depth + 1), _to_json(x, blobs, depth + 1)] for k, x in v.items()]}
    if t is TensorObs:
        return {"tensor": [str(v.dtype), [int(s) for s in v.shape], _array_blob(np.asarray(v.values), blobs)]}
    if t is np.ndarray:
        if v.dtype.hasobject:
            return _opaque(v)
        return {"array": _array_blob(v, blobs)}
    if isinstance(v, np.generic) and not isinstance(v, np.object_):
        return {"scalar": _array_blob(np.asarray(v), blobs)}
    return _opaque(v)


def _opaque(v):
    try:
        text = repr(v)[:200]
    except Exception:
        text = "?"
    return {"opaque": [type(v).__name__[:100], text]}


def _load_array(blobs, index) -> np.ndarray:
    if type(index) is not int or not 0 <= index < len(blobs):
        raise WireError("bad blob index")
    a = np.load(io.BytesIO(blobs[index]), allow_pickle=False)
    if type(a) is not np.ndarray:
        raise WireError("blob is not a plain array")
    return a


def _from_json(v, blobs, depth):
    if depth > MAX_DEPTH:
        raise WireError("frame nested too deeply")
    t = type(v)
    if v is None or t in (bool, int, float, str):
        return v
    if t is list:
        return [_from_json(x, blobs, depth + 1) for x in v]
    if t is not dict or len(v) != 1:
        raise WireError("unexpected JSON object")
    (tag, body), = v.items()
    if tag == "int":
        return int(body)
    if tag == "float":
        return float(body)
    if tag == "complex":
        return complex(float(body[0]), float(body[1]))
    if tag == "tuple":
        return tuple(_from_json(x, blobs, depth + 1) for x in body)
    if tag == "dict":
        out = {}
        for k, x in body:
            key = _from_json(k, blobs, depth + 1)
            hash(key)
            out[key] = _from_json(x, blobs, depth + 1)
        return out
    if tag == "tensor":
        dtype, shape, index = body
        if type(dtype) is not str or type(shape) is not list or not all(type(s) is int for s in shape):
            raise WireError("bad tensor header")
        values = _load_array(blobs, index)
        if values.shape != tuple(shape):
            raise WireError(f"tensor of shape {tuple(shape)} carries values of shape {values.shape}")
        return TensorObs(dtype, tuple(shape), values)
    if tag == "array":
        return _load_array(blobs, body)
    if tag == "scalar":
        a = _load_array(blobs, body)
        if a.shape != ():
            raise WireError("scalar blob is not 0-d")
        return a[()]
    if tag == "opaque":
        return Opaque(str(body[0]), str(body[1]))
    raise WireError(f"unknown tag {tag!r}")


# ---------------------------------------------------------------------------------------------- framing


def send(sock, value) -> None:
    send_frame(sock, encode(value))


def send_frame(sock, frame: bytes) -> None:
    sock.sendall(struct.pack("!Q", len(frame)) + frame)


def recv(sock, deadline: float | None = None):
    """One frame from ``sock``; :class:`EOFError` when the peer is gone, :class:`TimeoutError` past ``deadline``."""
    (size,) = struct.unpack("!Q", _read(sock, 8, deadline))
    if size > MAX_FRAME:
        raise WireError(f"frame of {size} bytes is over the limit")
    return decode(_read(sock, size, deadline))


def _read(sock, n: int, deadline: float | None) -> bytes:
    import time

    chunks = []
    while n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
        else:
            sock.settimeout(None)
        try:
            chunk = sock.recv(min(n, 1 << 20))
        except TimeoutError:
            raise
        except OSError as exc:
            raise EOFError(str(exc)) from None
        if not chunk:
            raise EOFError("peer closed the connection")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)
