"""Graders for pytorch/gpu.py (d2l 6.7 GPUs).

GPU counts are faked by patching ``torch.cuda.device_count`` and
``torch.cuda.is_available`` (CONTRACT.md), so these run on any machine; only
``placement`` needs a real GPU.
"""

from __future__ import annotations

import contextlib
from unittest import mock

import torch
from hypothesis import strategies as st

from harness.feedback import assert_equal, assert_same, check
from harness.grading import grader
from harness.strategies import floats, gpu_counts, gpu_indices, seeds
from harness.torch_glue import observe, tensor


@contextlib.contextmanager
def fake_gpus(count: int):
    with mock.patch.object(torch.cuda, "device_count", lambda: count), \
            mock.patch.object(torch.cuda, "is_available", lambda: count > 0):
        yield


def _device(value):
    if isinstance(value, torch.device):
        return f"torch.device({str(value)!r})"
    return f"{type(value).__name__} {value!r}"


def probe_gpu(m, fn, count, args):
    with fake_gpus(count):
        result = getattr(m, fn)(*args)
    if fn == "num_gpus":
        return repr(result) if not isinstance(result, int) or isinstance(result, bool) else result
    if fn == "try_all_gpus":
        return [_device(d) for d in result] if isinstance(result, (list, tuple)) else _device(result)
    return _device(result)


@grader("num_gpus")
def num_gpus(g):
    @g.for_all(count=gpu_counts)
    def counts(count):
        called = f"num_gpus() with {count} GPUs"
        got, ref = g.both(probe_gpu, "num_gpus", count, (), called=called)
        assert_equal(got, ref, headline="does not count the GPUs torch sees.", called=called, what="")


@grader("try_gpu")
def try_gpu(g):
    @g.for_all(count=gpu_counts, i=gpu_indices)
    def picks_gpu_or_cpu(count, i):
        called = f"try_gpu({i}) with {count} GPUs"
        got, ref = g.both(probe_gpu, "try_gpu", count, (i,), called=called)
        assert_equal(got, ref, headline="returns the wrong device.", called=called, what="")

    got, ref = g.both(probe_gpu, "try_gpu", 2, (), called="try_gpu() with 2 GPUs")
    assert_equal(got, ref, headline="has the wrong default index.", called="try_gpu() with 2 GPUs", what="")


@grader("try_all_gpus")
def try_all_gpus(g):
    @g.for_all(count=gpu_counts)
    def every_gpu_or_cpu(count):
        called = f"try_all_gpus() with {count} GPUs"
        got, ref = g.both(probe_gpu, "try_all_gpus", count, (), called=called)
        assert_equal(got, ref, headline="returns the wrong devices.", called=called, what="")


def probe_placement(m, x):
    device = m.try_gpu()
    X = tensor(x)
    moved = m.to_device(X, device)
    net = torch.nn.Linear(x.shape[-1], 3)
    with torch.no_grad():
        cpu_out = observe(net(X))
        net_moved = m.to_device(net, device)
        gpu_out = observe(net_moved(moved))
    try:
        moved + X  # a CPU tensor and a GPU tensor: torch refuses
        mixed = ""
    except RuntimeError as exc:
        mixed = type(exc).__name__
    return {"device": str(device), "tensor_on": str(moved.device), "net_on": str(next(net_moved.parameters()).device),
            "cpu_out": cpu_out, "gpu_out": gpu_out, "mixed_raised": mixed}


@grader("placement")
def placement(g):
    if not torch.cuda.is_available():
        g.skip("no CUDA device: torch.cuda.is_available() is False on this machine")

    @g.for_all(n=st.integers(1, 4), d=st.integers(1, 8), seed=seeds)
    def lives_on_the_gpu(n, d, seed):
        x = floats((n, d), seed)
        called = f"to_device(X, try_gpu()) with X of shape {x.shape}"
        got = g.student(probe_placement, x, seed=seed, called=called)
        check(got["device"].startswith("cuda"), "try_gpu() does not return a GPU on a machine that has one.",
              f"Called `try_gpu()`. Got {got['device']}.")
        check(got["tensor_on"] == got["device"], "to_device does not move tensors to the device.",
              f"Called `{called}`. Got a tensor on {got['tensor_on']}, but the reference gives {got['device']}.")
        check(got["net_on"] == got["device"], "to_device does not move modules to the device.",
              f"Called `to_device(net, try_gpu())`. Got parameters on {got['net_on']}.")
        assert_same(got["gpu_out"], got["cpu_out"], headline="gives a different result on the GPU.",
                    called=f"to_device(net, try_gpu())(to_device(X, try_gpu()))", atol=1e-4, rtol=1e-3)
        check(bool(got["mixed_raised"]), "an op mixing a CPU tensor and its moved copy does not raise.",
              f"Called `to_device(X, try_gpu()) + X`. Got no error: the copy is not on the GPU.")
