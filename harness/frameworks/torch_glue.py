"""PyTorch side of probes: tensors to observations and back, and weight transfer by use.

Imported only by PyTorch probes, so a TensorFlow-only run never imports torch.

Weights move from the reference to an implementation *by the order the forward
pass first uses them* and by shape (a 2-D weight may be stored transposed),
never by attribute name or registration order: a different but correct
structure receives the right weights, and a wrong match can only make a
correct-looking output differ (a false fail is caught by the variant tests,
a false pass is impossible because outputs are compared afterwards).
"""

from __future__ import annotations

import numpy as np
import torch
from torch.overrides import TorchFunctionMode

from harness.core.feedback import GradingFailure, TensorObs, fail

torch.set_num_threads(1)  # two grading processes on two cores: tiny ops are 50x slower with 2 threads each

DTYPES = {
    "bool": torch.bool, "uint8": torch.uint8, "int8": torch.int8, "int16": torch.int16,
    "int32": torch.int32, "int64": torch.int64, "float16": torch.float16, "bfloat16": torch.bfloat16,
    "float32": torch.float32, "float64": torch.float64, "complex64": torch.complex64,
    "complex128": torch.complex128,
}



def reverse_axes(t: "torch.Tensor") -> "torch.Tensor":
    """``t.T`` for any rank (``.T`` on other than 2-D tensors is deprecated in torch and will raise)."""
    return t.permute(*reversed(range(t.ndim)))

def dtype_name(dtype) -> str:
    return str(dtype).removeprefix("torch.")


def observe(value, what: str = "the result") -> TensorObs:
    """A torch tensor as plain data; anything else is a grading failure that says what came back."""
    if not isinstance(value, torch.Tensor):
        raise GradingFailure(f"returns the wrong kind of object: {what} is a {type(value).__name__}, "
                             "but the reference gives a torch.Tensor.")
    t = value.detach().cpu()
    name = dtype_name(t.dtype)
    if t.dtype == torch.bfloat16:
        values = t.float().numpy().copy()  # exact: every bfloat16 is a float32
    else:
        values = t.resolve_conj().resolve_neg().numpy().copy()
    return TensorObs(name, tuple(t.shape), values)


def tensor(obs) -> torch.Tensor:
    """Back from an observation (or a numpy array) to a torch tensor of the original dtype."""
    if isinstance(obs, TensorObs):
        return torch.from_numpy(np.array(obs.values)).to(DTYPES[obs.dtype])
    return torch.from_numpy(np.array(obs))


class _UseRecorder(TorchFunctionMode):
    def __init__(self, owned: dict[int, torch.Tensor]):
        super().__init__()
        self.owned = owned
        self.order: list[torch.Tensor] = []
        self.seen: set[int] = set()

    def _visit(self, obj):
        if isinstance(obj, torch.Tensor):
            key = id(obj)
            if key in self.owned and key not in self.seen:
                self.seen.add(key)
                self.order.append(obj)
        elif isinstance(obj, (list, tuple)):
            for item in obj:
                self._visit(item)
        elif isinstance(obj, dict):
            for item in obj.values():
                self._visit(item)

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        self._visit(args)
        self._visit(kwargs)
        return func(*args, **kwargs)


def owned_tensors(net: torch.nn.Module) -> dict[int, torch.Tensor]:
    owned = {id(p): p for p in net.parameters()}
    owned.update({id(b): b for b in net.buffers()})
    return owned


def run_recording(net, *inputs):
    """Run ``net(*inputs)`` and return (output, parameters and buffers in order of first use)."""
    if not isinstance(net, torch.nn.Module):
        raise GradingFailure(f"does not build a torch.nn.Module: got a {type(net).__name__}.")
    owned = owned_tensors(net)
    recorder = _UseRecorder(owned)
    with recorder:
        out = net(*inputs)
    # Lazy modules materialize during the call: refresh the set and run again if anything new appeared.
    if len(owned_tensors(net)) != len(owned):
        recorder = _UseRecorder(owned_tensors(net))
        with recorder:
            out = net(*inputs)
    return out, recorder.order


def used_weights(net, *inputs) -> list[TensorObs]:
    """The reference side of a transfer: every parameter and buffer, in order of first use."""
    _, order = run_recording(net, *inputs)
    return [observe(t) for t in order]


def shapes(obs_list) -> list[tuple]:
    return [tuple(o.shape) for o in obs_list]


def match_by_use(order, weights, params=None) -> list[tuple[torch.Tensor, bool]]:
    """Pair each reference weight (``weights``, in its order of first use) with one of the implementation's
    tensors (``order``, in its order of first use): ``[(tensor, transposed), ...]`` in the reference's order.

    By use order and shape first (a 2-D weight may be stored transposed); where the orders differ (a forward
    pass that casts a buffer before it uses the weights, ``torch.addmm(b, X, W)``), by shape among the remaining
    candidates, first use first, and of the same kind where ``params`` says which reference tensors are parameters
    (a (20, 20) buffer is never given a (20, 20) weight's values).  Raises :class:`GradingFailure` only when the
    shapes cannot be matched at all.
    """
    mine = [tuple(t.shape) for t in order]
    theirs = shapes(weights)
    if len(mine) == len(theirs) and all(m == t or m == t[::-1] for m, t in zip(mine, theirs)):
        return [(t, tuple(t.shape) != w) for t, w in zip(order, theirs)]
    remaining = list(order)
    pairs = []
    kinds = params if params is not None else [None] * len(theirs)
    for want, kind in zip(theirs, kinds):
        def fits(t, shape):
            return tuple(t.shape) == shape and (kind is None or isinstance(t, torch.nn.Parameter) == kind)

        k = next((k for k, t in enumerate(remaining) if fits(t, want)), None)
        if k is None:
            k = next((k for k, t in enumerate(remaining) if fits(t, want[::-1])), None)
        if k is None or len(mine) != len(theirs):
            raise GradingFailure(
                "uses different parameters than the reference.",
                f"Its forward pass uses tensors of shapes {mine} (in order of first use), "
                f"but the reference uses {theirs}.")
        t = remaining.pop(k)
        pairs.append((t, tuple(t.shape) != want))
    return pairs


def load_used_weights(net, weights: list[TensorObs], *inputs, params=None) -> list[tuple[torch.Tensor, bool]]:
    """The implementation side: copy the reference's weights into ``net`` (see :func:`match_by_use`); returns
    the pairs, so gradients can be read back in the reference's order and layout."""
    _, order = run_recording(net, *inputs)
    pairs = match_by_use(order, weights, params)
    with torch.no_grad():
        for (target, transposed), source in zip(pairs, weights):
            value = tensor(source).to(target.dtype)
            target.copy_(reverse_axes(value) if transposed else value)
    return pairs


def param_shapes(net) -> list[tuple] | None:
    """Sorted shapes of the registered parameters (order is the implementation's choice).  Asked of a net the
    contract builds with every size known (MLP, NestMLP, MyLinear, ...): a parameter without a shape yet is a lazy
    layer, which those units must not use (the one policy for LazyLinear outside the lazy_init units)."""
    if not isinstance(net, torch.nn.Module):
        return None
    lazy = [name for name, p in net.named_parameters() if isinstance(p, torch.nn.parameter.UninitializedParameter)]
    if lazy:
        fail("uses a lazy layer (nn.LazyLinear) where the contract fixes every size.",
             f"Got `{lazy[0]}` with no shape right after construction (an nn.UninitializedParameter: a lazy layer "
             "infers its input size on the first call), but the reference builds every layer with its sizes known, "
             "so its parameters exist before any call: they can be counted, initialised, saved and given to an "
             "optimizer. Use nn.Linear with the sizes the constructor is given; lazy layers are the topic of the "
             "lazy_init units.")
    return sorted(tuple(p.shape) for p in net.parameters())


def inference():
    return torch.no_grad()
