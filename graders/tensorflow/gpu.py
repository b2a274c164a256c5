"""Graders for tensorflow/gpu.py (d2l 6.7 GPUs, Keras 3).

GPU counts are faked by patching every public query (``tf.config.list_physical_devices``,
``list_logical_devices``, ``get_visible_devices``, their ``experimental`` twins,
``tf.test.gpu_device_name``) and the student module's own import-time bindings of
them (graders/_rebind.py) (docs/units.md); devices are compared through
``tf.DeviceSpec``, so "/GPU:0", "GPU:0" and "/device:GPU:0" are equal.
Only ``placement`` needs a real GPU.
"""

from __future__ import annotations

import tensorflow as tf
from hypothesis import strategies as st

from harness.api import assert_equal, assert_same, check, floats, gpu_missing, grader, seeds
from harness.frameworks.tf_glue import observe, tensor

from .._rebind import rebinding


def _lister(real, make, count):
    """A fake of ``real(device_type=None)`` that lists ``count`` GPUs made by ``make(i)``."""

    def listing(device_type=None):
        if device_type == "GPU":  # TensorFlow matches the type exactly: "gpu" lists nothing
            return [make(i) for i in range(count)]
        devices = [d for d in real(device_type) if d.device_type != "GPU"]
        if device_type is None:  # every device: the real ones but GPUs, then the fake GPUs
            devices += listing("GPU")
        return devices

    return listing


def fake_gpus(m, count: int):
    """``count`` GPUs for every public query, however ``m`` reached it."""
    physical = _lister(tf.config.list_physical_devices,
                       lambda i: tf.config.PhysicalDevice(name=f"/physical_device:GPU:{i}", device_type="GPU"), count)
    logical = _lister(tf.config.list_logical_devices,
                      lambda i: tf.config.LogicalDevice(name=f"/device:GPU:{i}", device_type="GPU"), count)
    visible = _lister(tf.config.get_visible_devices,
                      lambda i: tf.config.PhysicalDevice(name=f"/physical_device:GPU:{i}", device_type="GPU"), count)
    patches = []
    for owner in (tf.config, tf.config.experimental):
        patches += [(owner, "list_physical_devices", physical), (owner, "list_logical_devices", logical),
                    (owner, "get_visible_devices", visible)]
    patches.append((tf.test, "gpu_device_name", lambda: "/device:GPU:0" if count else ""))
    patches.append((tf.test, "is_gpu_available", lambda *a, **k: count > 0))
    return rebinding(m, patches)


_CONTEXT = "the context manager tf.device(...) returns"


def _device(value):
    if not isinstance(value, str):
        if hasattr(value, "__enter__") and hasattr(value, "__exit__"):
            return f"{_CONTEXT} (a {type(value).__name__}), not a device name string"
        return f"a {type(value).__name__}, not a device name string"
    try:
        spec = tf.DeviceSpec.from_string(value)
    except Exception:  # noqa: BLE001
        return f"{value!r} (not a device name)"
    index = spec.device_index if spec.device_index is not None else 0
    return f"{(spec.device_type or '?').upper()}:{index}"


def probe_gpu(m, fn, count, args):
    with fake_gpus(m, count):
        result = getattr(m, fn)(*args)
    if fn == "num_gpus":
        if isinstance(result, int) and not isinstance(result, bool):
            return result
        return f"{result!r} (a {type(result).__name__}, not an int)"
    if fn == "try_all_gpus":
        if isinstance(result, list):
            return [_device(d) for d in result]
        if isinstance(result, tuple):
            return f"({', '.join(_device(d) for d in result)}), a tuple, not a list"
        return f"{_device(result)} (a {type(result).__name__}, not a list)"
    return _device(result)


def _check_not_a_context(got, called):
    """The book's ``try_gpu`` returns ``tf.device(...)``, a context manager for ``with``, not the device's name."""
    shown = got if isinstance(got, str) else " ".join(map(str, got)) if isinstance(got, list) else ""
    check(_CONTEXT not in shown, "returns the context manager of tf.device(...), not a device name.",
          f"Called `{called}`. Got {got}. That object is what a `with` statement needs; the function returns the "
          "device's name ('/GPU:0', '/CPU:0'), which callers then pass to tf.device themselves.")


# Every count and index that matters, exhaustively (each call costs microseconds): an off-by-one at the
# boundary i == count, or a negative i, cannot hide behind the few examples a random draw would try.
COUNTS = (*range(9), 12)  # 12: a list capped at 8 shows


@grader("num_gpus")
def num_gpus(g):
    for count in COUNTS:
        called = f"num_gpus() with {count} GPUs"
        got, ref = g.both(probe_gpu, "num_gpus", count, (), called=called)
        assert_equal(got, ref, headline="does not count the GPUs TensorFlow sees.", called=called,
                     what="the count")


@grader("try_gpu")
def try_gpu(g):
    for count in COUNTS:
        for i in range(-3, count + 3):
            called = f"try_gpu({i}) with {count} GPUs"
            got, ref = g.both(probe_gpu, "try_gpu", count, (i,), called=called)
            _check_not_a_context(got, called)
            assert_equal(got, ref, headline="returns the wrong device.", called=called, what="the device")
    for count in (0, 2):
        called = f"try_gpu() with {count} GPUs"
        got, ref = g.both(probe_gpu, "try_gpu", count, (), called=called)
        assert_equal(got, ref, headline="has the wrong default index.", called=called, what="the device")


@grader("try_all_gpus")
def try_all_gpus(g):
    for count in COUNTS:
        called = f"try_all_gpus() with {count} GPUs"
        got, ref = g.both(probe_gpu, "try_all_gpus", count, (), called=called)
        _check_not_a_context(got, called)
        assert_equal(got, ref, headline="returns the wrong devices.", called=called, what="the devices")


def probe_placement(m, x):
    device = m.try_gpu()
    X = tensor(x)
    moved = m.to_device(X, device)
    if not isinstance(moved, tf.Tensor):
        return {"device": _device(device), "kind": type(moved).__name__}
    with tf.device("/CPU:0"):
        cpu = tf.reduce_sum(X * X, axis=-1)
    with tf.device(device):
        on_gpu = tf.reduce_sum(moved * moved, axis=-1)
    return {"device": _device(device), "tensor_on": _device(moved.device) if moved.device else "?",
            "cpu": observe(cpu), "gpu": observe(on_gpu)}


@grader("placement")
def placement(g):
    if gpu_missing("tensorflow"):  # grade_unit skips first; kept for a caller that runs the grader directly
        g.skip(gpu_missing("tensorflow"))

    @g.for_all(n=st.integers(1, 4), d=st.integers(1, 8), seed=seeds)
    def lives_on_the_gpu(n, d, seed):
        x = floats((n, d), seed)
        called = f"to_device(X, try_gpu()) with X of shape {x.shape}"
        got = g.student(probe_placement, x, seed=seed, called=called)
        check(got["device"].startswith("GPU"), "try_gpu() does not return a GPU on a machine that has one.",
              f"Called `try_gpu()`. Got {got['device']}.")
        check("kind" not in got, "to_device does not return a tf tensor.",
              f"Called `{called}`. Got a {got.get('kind')}, but the reference gives a tf.Tensor on {got['device']}.")
        check(got["tensor_on"] == got["device"], "to_device does not place the copy on the device.",
              f"Called `{called}`. Got a tensor on {got['tensor_on']}, but the reference gives {got['device']}.")
        assert_same(got["gpu"], got["cpu"], headline="gives a different result on the GPU.", called=called,
                    atol=1e-4, rtol=1e-3)
