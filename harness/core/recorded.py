"""The reference as recorded observations: how a student release grades without the reference's code.

A student release (``drill release``) holds no ``solutions/``.  Instead, for one profile and one public session
seed, it holds every observation the graders asked of the reference while grading the reference itself: a map
from the call (probe, arguments, seed) to the observation, plain data in the wire format (``harness.core.wire``:
JSON plus ``.npy`` blobs read with ``allow_pickle=False``; no pickle, no code).  A grader that runs with that
profile and seed asks the reference exactly those calls, in the same order, for as long as the student's code
agrees with it (Hypothesis draws its examples from the seed, not from the student's answers), so every public
example is graded as in the full repository.

Where the student's code fails, Hypothesis shrinks: it tries smaller inputs the recording does not hold.  Those
are treated as passing (:func:`harness.core.grading._shrink_budget`), so the failure reported is the smallest
*recorded* example that fails, unshrunk beyond what the recording holds: the same headline, got and expected as
in the full repository, perhaps on a larger input.  A call that is not recorded before any failure is a harness
bug (the recording is stale): the unit reports an internal error naming the call, never a pass.

The instructor's repository grades with the real reference and a secret seed: that is the hidden test.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path
from typing import NamedTuple

from harness.core import wire

FORMAT = 1
MAGIC = b"D2LREC1\n"
MANIFEST = "manifest.json"


class Unrecorded(Exception):
    """The grader asked the recorded reference for a call it does not hold."""

    def __init__(self, called: str):
        super().__init__(called)
        self.called = called

    def __str__(self) -> str:
        return (f"the release's recording of the reference holds no observation for `{self.called}` (the recording "
                "is stale: record the release again with `drill release`)")


def call_key(probe, args: tuple, seed: int) -> bytes:
    """The call's identity: the probe's name, its arguments and the seed, as wire bytes (arrays by content)."""
    return hashlib.sha256(wire.encode([probe.__module__, probe.__qualname__, list(args), seed])).digest()


def directory(root: Path) -> Path:
    return Path(root) / "graders" / "recorded"


def manifest(root: Path) -> dict | None:
    """The release's manifest ({"format", "profile", "seed", "units": {id: {"file", "calls", "sha256"}}}), or None
    where ``root`` is not a student release."""
    path = directory(root) / MANIFEST
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


class Recording:
    """The recorded observations of one unit: {call key: wire frame}."""

    def __init__(self, frames: dict[bytes, bytes] | None = None):
        self.frames = dict(frames or {})

    def to_bytes(self) -> bytes:
        body = b"".join(key + struct.pack("!I", len(frame)) + frame for key, frame in self.frames.items())
        return MAGIC + zlib.compress(body, 9)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Recording":
        if not data.startswith(MAGIC):
            raise ValueError("not a d2l-drill recording")
        body = zlib.decompress(data[len(MAGIC):])
        frames, offset = {}, 0
        while offset < len(body):
            key = body[offset:offset + 32]
            (size,) = struct.unpack("!I", body[offset + 32:offset + 36])
            frames[key] = body[offset + 36:offset + 36 + size]
            offset += 36 + size
        return cls(frames)


class Recorder:
    """Wraps the reference's implementation: every observation is kept (and handed back as the replay would hand
    it back, decoded from its wire frame, so recording and replay grade alike)."""

    def __init__(self, inner, recording: Recording):
        self.inner = inner
        self.recording = recording

    def call(self, probe, *args, seed: int = 0, called: str = "", timeout: float | None = None):
        observation = self.inner.call(probe, *args, seed=seed, called=called, timeout=timeout)
        frame = wire.encode(observation)
        decoded = wire.decode(frame)
        opaque = _opaque_in(decoded)
        if opaque:
            raise TypeError(f"the reference's observation of `{called}` ({probe.__qualname__}) holds {opaque}, which "
                            "is not plain data and cannot be recorded")
        self.recording.frames[call_key(probe, args, seed)] = frame
        return decoded

    def release(self) -> None:
        self.inner.release()


def _opaque_in(value) -> str:
    if isinstance(value, wire.Opaque):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return next((found for found in map(_opaque_in, value) if found), "")
    if isinstance(value, dict):
        return next((found for found in map(_opaque_in, [*value.keys(), *value.values()]) if found), "")
    return ""


class Replayed:
    """The reference of one unit, as recorded: answers the recorded calls, raises :class:`Unrecorded` for others."""

    def __init__(self, recording: Recording):
        self.recording = recording

    def call(self, probe, *args, seed: int = 0, called: str = "", timeout: float | None = None):
        frame = self.recording.frames.get(call_key(probe, args, seed))
        if frame is None:
            raise Unrecorded(called or probe.__qualname__)
        return wire.decode(frame)

    def release(self) -> None:
        pass


class NotRecorded(str):
    """Why a unit has no recording by design (a GPU unit, released from a machine without a GPU): skipped."""


_loaded: dict[tuple, Recording] = {}


def replayed(root: Path, unit_id: str, session_seed, profile: str) -> Replayed | str:
    """The recorded reference of ``unit_id`` in the release at ``root``, or why there is none for this run."""
    data = manifest(root)
    if data is None:
        return "no reference: this checkout has neither solutions/ nor a release's recording (graders/recorded/)"
    if (data.get("profile"), data.get("seed")) != (profile, session_seed):
        return (f"this student release holds the reference's observations for profile {data.get('profile')!r} at "
                f"seed {data.get('seed')} only, not for profile {profile!r} at seed {session_seed}: run without "
                "--hypothesis-profile / --hypothesis-seed (your instructor grades with other seeds)")
    entry = data.get("units", {}).get(unit_id)
    if entry is None:
        if unit_id in data.get("not_recorded", {}):
            return NotRecorded(f"this student release could not record {unit_id} (where it was made: "
                               f"{data['not_recorded'][unit_id]}); your instructor grades it")
        return f"this student release holds no recording of {unit_id}"
    path = directory(root) / entry["file"]
    key = (str(path), session_seed, profile)
    if key not in _loaded:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return f"cannot read the recording {path.name}: {exc.strerror or exc}"
        if hashlib.sha256(raw).hexdigest() != entry.get("sha256"):
            return f"the recording {path.name} does not match its manifest (changed or damaged)"
        _loaded[key] = Recording.from_bytes(raw)
    return Replayed(_loaded[key])


def student_release(root: Path) -> dict | None:
    """The manifest where ``root`` is a student release (a recording and no ``solutions/``), else None."""
    if (Path(root) / "solutions").is_dir():
        return None
    return manifest(root)


class RunSettings(NamedTuple):
    profile: str | None
    seed: object  # the session seed: as asked outside a release, the recorded one in a release
    release: bool  # ``root`` is a student release
    refusal: str  # "" or why the run asked for cannot be graded here


def release_settings(root: Path, profile: str | None, seed) -> RunSettings:
    """The profile and seed a run in ``root`` grades with: outside a release what was asked; in a release its
    recorded profile and seed, with a refusal where another was asked for."""
    data = student_release(root)
    if data is None:
        return RunSettings(profile, seed, False, "")
    asked = [f"profile {profile!r}"] if profile not in (None, data["profile"]) else []
    asked += [f"seed {seed}"] if seed is not None and seed != data["seed"] else []
    refusal = (f"this is a student release: it grades with the reference's recorded answers for profile "
               f"{data['profile']!r} at seed {data['seed']} only, so it cannot grade {', '.join(asked)}; run without "
               "--hypothesis-profile / --hypothesis-seed / --seed (your instructor grades with other seeds)"
               if asked else "")
    return RunSettings(data["profile"], data["seed"], True, refusal)
