"""Graders for pytorch/lazy_init.py (d2l 6.4 Lazy Initialization)."""

from __future__ import annotations

import torch
from hypothesis import strategies as st
from torch import nn
from torch.nn.parameter import is_lazy

from harness.api import GradingFailure, assert_same, batches, check, fail, floats, grader, seeds, sizes
from harness.frameworks.torch_glue import load_used_weights, observe, run_recording, tensor, used_weights

from ._common import same_samples, samples


def probe_lazy(m, fn, hidden, out_features, x, weights, every_layer):
    net = getattr(m, fn)(hidden, out_features)
    if not isinstance(net, nn.Module):
        return {"module": False, "type": type(net).__name__}
    again = getattr(m, fn)(hidden, out_features)
    params = list(net.parameters())
    lazy_before = [is_lazy(p) for p in params]
    theirs = list(again.parameters()) if isinstance(again, nn.Module) else []
    out = {"module": True, "lazy_before": lazy_before, "fresh": again is not net,
           "training": all(mod.training for mod in net.modules()),
           "values": samples([p for p in params if not is_lazy(p)]),
           "other_values": samples([p for p in theirs if not is_lazy(p)])}
    if not any(lazy_before) or (every_layer and not all(lazy_before)):
        return out  # no forward pass: an eager first layer would only raise a shape error there
    lazy_ids = {id(p) for p in params if is_lazy(p)}
    X = tensor(x)
    _, order = run_recording(net, X)  # materializes, and tells which weight the forward pass uses first
    out.update(first_was_lazy=bool(order) and id(order[0]) in lazy_ids,
               first_shape=tuple(order[0].shape) if order else None)
    if weights is None:
        weights = used_weights(net, X)
    else:
        try:
            load_used_weights(net, weights, X)
        except GradingFailure as exc:  # reported after the shape checks, which say more
            out["transfer"] = [exc.headline, exc.detail]
            return out
    leaf = tensor(x).requires_grad_(True)
    y = net(leaf)
    out.update(weights=weights, out=observe(y, "the output"))
    if isinstance(y, torch.Tensor) and y.requires_grad:
        y.sum().backward()
    out["input_grad"] = observe(leaf.grad) if leaf.grad is not None else None
    out["frozen"] = sum(not p.requires_grad for p in net.parameters())
    return out


def probe_defaults(m, fn, x):
    net = getattr(m, fn)()
    X = tensor(x)
    _, order = run_recording(net, X)
    with torch.no_grad():
        y = net(X)
    return {"first_shape": tuple(order[0].shape) if order else None,
            "out_shape": tuple(y.shape) if isinstance(y, torch.Tensor) else type(y).__name__}


def _grade_lazy(g, fn, every_layer):
    def infers_input_size(hidden, out_features, d, n, seed, lead=()):
        x = floats((n, *lead, d), seed)
        called = f"{fn}({hidden}, {out_features})"
        ref = g.reference(probe_lazy, fn, hidden, out_features, x, None, every_layer, seed=seed, called=called)
        got = g.student(probe_lazy, fn, hidden, out_features, x, ref["weights"], every_layer, seed=seed,
                        called=called)
        check(got["module"], "does not return an nn.Module.", f"Called `{called}`. Got a {got.get('type')}.")
        check(got["fresh"], "returns the same net on every call.",
              f"Called `{called}` twice. Got the same object both times, but each call must build a new net.")
        check(got["training"], "returns the net in eval mode.",
              f"Called `{called}`. Got modules with training=False, but a new net is in training mode.")
        check(not same_samples(got["values"], got["other_values"]), "builds the same values every time.",
              f"Called `{called}` twice. Got identical initial weights both times, but each net draws its own: do "
              "not seed the random generator inside the function.")
        if every_layer:
            check(got["lazy_before"] and all(got["lazy_before"]),
                  "has layers that are not lazy.",
                  f"Called `{called}`. Got lazy flags {got['lazy_before']} for parameters() before the first call, "
                  "but the reference has every parameter lazy (nn.LazyLinear everywhere).")
        check(any(got["lazy_before"]), "does not make the first layer lazy.",
              f"Called `{called}`. Got no lazy parameter before the first call (flags {got['lazy_before']}), "
              "but the reference infers the first layer's input size on the first call (nn.LazyLinear). "
              "A dry run inside the function fixes the input size too early.")
        check(got["first_was_lazy"], "does not make the first layer lazy.",
              f"Called `{called}`. Got a first weight that existed before the first call, but the reference "
              "infers its input size on the first call (nn.LazyLinear).")
        check(got["first_shape"] == (hidden, d), "infers the wrong first weight shape.",
              f"Called `{called}(X)` with X of shape {x.shape}. Got first weight of shape {got['first_shape']}, "
              f"but the reference gives (hidden, d) = {(hidden, d)}.")
        if "transfer" in got:
            fail(*got["transfer"])
        assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                    called=f"{called}(X) with X of shape {x.shape}")
        check(got["frozen"] == ref["frozen"], "freezes parameters.",
              f"Called `{called}`. Got {got['frozen']} parameter tensors with requires_grad=False, but the reference "
              f"has {ref['frozen']}.")
        backward = f"{called}(X).sum().backward() with X of shape {x.shape}"
        check(got["input_grad"] is not None, "cuts its output off from its input: X gets no gradient.",
              f"Called `{backward}`. Got X.grad None; `.data`, `.detach()` or `torch.no_grad()` in forward stops "
              "autograd.")
        assert_same(got["input_grad"], ref["input_grad"], headline="passes the wrong gradient back to its input.",
                    called=backward, what="X.grad")

    infers_input_size(3, 4, 5, 11, g.fixed_seed)  # a batch above 8
    infers_input_size(3, 4, 5, 2, g.fixed_seed, lead=(3,))  # rank 3: the last axis is the input size
    g.for_all(hidden=sizes, out_features=sizes, d=sizes, n=batches, seed=seeds)(infers_input_size)

    x = floats((2, 3), g.fixed_seed)
    called = f"{fn}()(X) with X of shape (2, 3)"
    got = g.student(probe_defaults, fn, x, seed=g.fixed_seed, called=called)
    check(got["first_shape"] == (256, 3) and got["out_shape"] == (2, 10),
          "has the wrong defaults: hidden=256, out_features=10.",
          f"Called `{called}`. Got first weight of shape {got['first_shape']} and output of shape "
          f"{got['out_shape']}, but the reference gives (256, 3) and (2, 10).")


@grader("lazy_mlp")
def lazy_mlp(g):
    _grade_lazy(g, "lazy_mlp", every_layer=False)


@grader("all_lazy_mlp")
def all_lazy_mlp(g):
    _grade_lazy(g, "all_lazy_mlp", every_layer=True)


class TwoBranch(nn.Module):
    """A net that is not an nn.Sequential: lazy layers in a ModuleDict, one of them inside a nested Sequential."""

    def __init__(self, hidden, out_features, first_eager, d):
        super().__init__()
        first = nn.Linear(d, hidden) if first_eager else nn.LazyLinear(hidden)
        self.parts = nn.ModuleDict({"body": nn.Sequential(first, nn.ReLU()), "head": nn.LazyLinear(out_features)})
        self.side = nn.LazyLinear(out_features)

    def forward(self, X):
        H = self.parts["body"](X)
        return self.parts["head"](H) + self.side(X)


def probe_materialize(m, hidden, out_features, d, first_eager, kind="sequential", start_eval=False):
    def make(first_eager):
        first = nn.Linear(d, hidden) if first_eager else nn.LazyLinear(hidden)
        if kind == "sequential":
            return nn.Sequential(first, nn.ReLU(), nn.Dropout(0.5), nn.LazyLinear(out_features))
        if kind == "flatten":  # batch-first: Flatten() keeps the batch axis, so a dry input needs one
            return nn.Sequential(nn.Flatten(), first, nn.ReLU(), nn.LazyLinear(out_features))
        return TwoBranch(hidden, out_features, first_eager, d)

    net = make(first_eager)
    if start_eval:
        net.eval()
    modes = [mod.training for mod in net.modules()]
    eager = samples([p for p in net.parameters() if not is_lazy(p)])
    result = m.materialize(net, d)
    eager_after = samples(list(net.parameters())[: len(eager)]) if eager else []
    twin = make(False)
    m.materialize(twin, d)  # a second net of the same kind: its weights are drawn anew
    new_weights = samples([p for p in net.parameters() if not is_lazy(p)][-2:])
    twin_weights = samples([p for p in twin.parameters() if not is_lazy(p)][-2:])
    shapes = [tuple(p.shape) if not is_lazy(p) else None for p in net.parameters()]
    grads = [p.grad is not None for p in net.parameters()]
    kept_mode = [mod.training for mod in net.modules()] == modes
    # The net must still train: weights created under torch.inference_mode() are refused by autograd.
    train_error = ""
    if all(s is not None for s in shapes):
        try:
            net(torch.randn(2, d)).sum().backward()
        except RuntimeError as exc:
            text = str(exc).strip().splitlines()[0].split(". ")[0].rstrip(".") if str(exc).strip() else ""
            train_error = f"{type(exc).__name__}: {text}"
    return {"same": result is net, "type": type(result).__name__, "shapes": shapes, "kept_mode": kept_mode,
            "training": net.training, "grads": grads, "train_error": train_error, "eager": eager,
            "eager_after": eager_after, "new_weights": new_weights, "twin_weights": twin_weights}


@grader("materialize")
def materialize(g):
    def every_weight_exists(hidden, out_features, d, first_eager, seed, kind="sequential", start_eval=False):
        first = f"Linear({d}, {hidden})" if first_eager else f"LazyLinear({hidden})"
        net = {"sequential": f"Sequential({first}, ReLU(), Dropout(0.5), LazyLinear({out_features}))",
               "flatten": f"Sequential(Flatten(), {first}, ReLU(), LazyLinear({out_features}))",
               "two-branch": f"a TwoBranch module (not a Sequential) holding {first} and two "
                             f"LazyLinear({out_features})"}[kind]
        mode = " in eval mode" if start_eval else ""
        called = f"materialize({net}{mode}, {d})"
        got, ref = g.both(probe_materialize, hidden, out_features, d, first_eager, kind, start_eval, seed=seed,
                          called=called)
        check(got["same"], "does not return the net it was given.",
              f"Called `{called}`. Got a {got['type']}, but the reference returns `net` itself.")
        check(got["shapes"] == ref["shapes"], "leaves lazy weights or infers wrong shapes.",
              f"Called `{called}`. Got parameter shapes {got['shapes']} (None: still lazy), "
              f"but the reference gives {ref['shapes']}.")
        check(got["kept_mode"], "changes the net's train/eval mode.",
              f"Called `{called}`. Got the net back in {'training' if got['training'] else 'eval'} mode, but the "
              "reference leaves every module's mode as it was: a helper that calls net.eval() for its dry run must "
              "restore the mode afterwards (or run the dry call under torch.no_grad() without changing it).")
        check(same_samples(got["new_weights"], got["twin_weights"])
              == same_samples(ref["new_weights"], ref["twin_weights"]), "gives every net the same weights.",
              f"Called `{called}` on two nets of the same kind. Got identical new weights, but each net's lazy "
              "weights are drawn anew: do not seed the random generator inside materialize.")
        check(not got["eager"] or same_samples(got["eager"], got["eager_after"]),
              "changes weights that already existed.",
              f"Called `{called}`. Got the first Linear's weights changed, but materialize only creates the lazy "
              "ones: no reset_parameters(), no re-initialisation.")
        check(not any(got["grads"]), "leaves gradients behind.",
              f"Called `{called}`. Got parameters with .grad set; a dry run needs no backward pass.")
        check(not got["train_error"], "leaves weights that autograd cannot train.",
              f"Called `{called}`, then `net(X).sum().backward()`: it raised {got['train_error']}. Weights "
              "created under torch.inference_mode() can never join autograd: do the dry run under torch.no_grad().")

    for kind, start_eval, eager in (("sequential", False, False), ("sequential", True, True),
                                    ("two-branch", False, False), ("flatten", False, False)):
        every_weight_exists(3, 4, 5, eager, g.fixed_seed, kind, start_eval)
    g.for_all(hidden=sizes, out_features=sizes, d=sizes, first_eager=st.booleans(), seed=seeds,
              kind=st.sampled_from(["sequential", "two-branch", "flatten"]), start_eval=st.booleans())(
        every_weight_exists)
