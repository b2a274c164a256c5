"""Graders for pytorch/gpu.py (d2l 6.7 GPUs).

GPU counts are faked by patching every public query (``torch.cuda.device_count``,
``torch.cuda.is_available``, ``torch.accelerator.*``) and the student module's own
import-time bindings of them (``from torch.cuda import device_count``; see
graders/_rebind.py), so these run on any machine; only ``placement`` needs a real GPU.
Small domains are covered exhaustively: every count 0..8 and every index -3..count+2.
"""

from __future__ import annotations

import torch
from hypothesis import strategies as st

from harness.api import assert_same, check, floats, gpu_missing, grader, seeds
from harness.frameworks.torch_glue import observe, tensor

from .._rebind import rebinding


def fake_gpus(m, count: int):
    """``count`` GPUs for every public query, however ``m`` reached it."""
    accelerator = getattr(torch, "accelerator", None)
    patches = [(torch.cuda, "device_count", lambda: count), (torch.cuda, "is_available", lambda: count > 0)]
    if accelerator is not None:
        patches += [(accelerator, "device_count", lambda: count), (accelerator, "is_available", lambda: count > 0),
                    (accelerator, "current_accelerator",
                     lambda *a, **k: torch.device("cuda") if count > 0 else None)]
    return rebinding(m, patches)


def _device(value) -> str:
    """A device as a student would write it: ``torch.device('cuda:0')``; anything else with its type.

    Devices are compared as devices: the CPU is the CPU whether written ``cpu`` or ``cpu:0``."""
    if isinstance(value, torch.device):
        if value.type == "cpu" and value.index in (None, 0):
            return "torch.device('cpu')"
        return f"torch.device({str(value)!r})"
    return f"{value!r} (a {type(value).__name__}, not a torch.device)"


def probe_gpu(m, fn, count, args):
    with fake_gpus(m, count):
        result = getattr(m, fn)(*args)
    if fn == "num_gpus":
        return result if isinstance(result, int) and not isinstance(result, bool) else \
            f"{result!r} (a {type(result).__name__}, not an int)"
    if fn == "try_all_gpus":
        if isinstance(result, list):
            return "[" + ", ".join(_device(d) for d in result) + "]"
        if isinstance(result, tuple):
            return "(" + ", ".join(_device(d) for d in result) + "), a tuple, not a list"
        return f"{_device(result)}, not a list"
    return _device(result)


def _gpus(count: int) -> str:
    return f"{count} GPU" + ("" if count == 1 else "s")


def _same(got, ref, headline, called):
    check(got == ref, headline, f"Called `{called}`. Got {got}, but the reference gives {ref}.")


# Every count and index that matters, exhaustively (a call costs microseconds): an off-by-one at i == count,
# or a negative i, cannot hide behind the few examples a random draw would try.
COUNTS = (*range(9), 12)  # 12: a list capped at 8 shows


@grader("num_gpus")
def num_gpus(g):
    for count in COUNTS:
        called = f"num_gpus() with {_gpus(count)}"
        got, ref = g.both(probe_gpu, "num_gpus", count, (), called=called)
        _same(got, ref, "does not count the GPUs torch sees.", called)


@grader("try_gpu")
def try_gpu(g):
    for count in (0, 2):
        called = f"try_gpu() with {_gpus(count)}"
        got, ref = g.both(probe_gpu, "try_gpu", count, (), called=called)
        _same(got, ref, "has the wrong default index (i=0).", called)
    for count in COUNTS:
        for i in range(-3, count + 3):
            called = f"try_gpu({i}) with {_gpus(count)}"
            got, ref = g.both(probe_gpu, "try_gpu", count, (i,), called=called)
            _same(got, ref, "returns the wrong device.", called)


@grader("try_all_gpus")
def try_all_gpus(g):
    for count in COUNTS:
        called = f"try_all_gpus() with {_gpus(count)}"
        got, ref = g.both(probe_gpu, "try_all_gpus", count, (), called=called)
        _same(got, ref, "returns the wrong devices.", called)


def _on(value) -> str:
    """Where a tensor or a module's parameters live, or what came back instead."""
    if isinstance(value, torch.Tensor):
        return str(value.device)
    if isinstance(value, torch.nn.Module):
        return str(next(value.parameters()).device)
    return f"nowhere: got a {type(value).__name__}"


def probe_placement(m, x):
    device = m.try_gpu()
    X = tensor(x)
    moved = m.to_device(X, device)
    net = torch.nn.Linear(x.shape[-1], 3)
    with torch.no_grad():
        cpu_out = observe(net(X))
        net_moved = m.to_device(net, device)
        out = {"device": str(device), "tensor_on": _on(moved), "net_on": _on(net_moved)}
        if not (out["tensor_on"] == out["net_on"] == out["device"]):
            return out  # a forward pass would only raise a device mismatch: the placement checks say more
        out.update(cpu_out=cpu_out, gpu_out=observe(net_moved(moved)))
    try:
        moved + X  # a CPU tensor and a GPU tensor: torch refuses
        mixed = ""
    except RuntimeError as exc:
        mixed = type(exc).__name__
    back = m.to_device(moved, torch.device("cpu"))  # the device argument is obeyed both ways
    out.update(mixed_raised=mixed, back_on=_on(back))
    return out


@grader("placement")
def placement(g):
    if gpu_missing("pytorch"):  # grade_unit skips first; kept for a caller that runs the grader directly
        g.skip(gpu_missing("pytorch"))

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
              f"Called `to_device(net, try_gpu())`. Got parameters on {got['net_on']}, but the reference gives "
              f"{got['device']}: Module.to(device) moves a module.")
        assert_same(got["gpu_out"], got["cpu_out"], headline="gives a different result on the GPU.",
                    called=f"to_device(net, try_gpu())(to_device(X, try_gpu()))", atol=1e-4, rtol=1e-3)
        check(bool(got["mixed_raised"]), "an op mixing a CPU tensor and its moved copy does not raise.",
              f"Called `to_device(X, try_gpu()) + X`. Got no error: the copy is not on the GPU.")
        check(got["back_on"] == "cpu", "to_device ignores its device argument.",
              f"Called `to_device(to_device(X, try_gpu()), torch.device('cpu'))`. Got a tensor on {got['back_on']}, "
              "but the reference gives cpu: move to the device you are given (x.to(device)), not always .cuda().")
