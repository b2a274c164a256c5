"""The forward-pass comparison every framework shares: same weights in, same output out.

The probe is framework-neutral; ``glue`` names the framework's glue module
(:mod:`harness.frameworks.torch_glue` or :mod:`harness.frameworks.tf_glue`), imported only when the
probe runs, so neither framework is imported for the other's track.
"""

from __future__ import annotations

import importlib
import random
import weakref

from harness.core.feedback import assert_same, check_weight_shapes
from harness.core.seeding import seed_all

GLUE = {"pytorch": "harness.frameworks.torch_glue", "tensorflow": "harness.frameworks.tf_glue"}


def glue_for(framework: str):
    return importlib.import_module(GLUE[framework])


def signature(name: str, args=(), kwargs=None) -> str:
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in (kwargs or {}).items()]
    return f"{name}({', '.join(parts)})"


# Models kept between examples, per loaded module: Keras builds cost 15-50 ms each, so the TensorFlow
# track builds each architecture once per unit and varies only the inputs (see ``release``).
_KEPT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
REUSE = {"pytorch": False, "tensorflow": True}


def release(module) -> None:
    """Forget the models kept for ``module`` (called when a unit's grading ends)."""
    _KEPT.pop(module, None)


def keep(m, framework, key, make):
    """``make()``, once per ``key`` for module ``m`` while a unit is graded, where ``REUSE[framework]``
    (every call where not); built under a seed fixed by ``key``, so results do not depend on the order examples
    run in.  A model kept here is called again on later examples' inputs: one that changes itself when called
    shows it."""
    if not REUSE[framework]:
        return make()
    kept = _KEPT.setdefault(m, {})
    if key not in kept:
        seed_all(framework, random.Random(repr(key)).getrandbits(31))
        kept[key] = make()
    return kept[key]


def _build(m, glue, ctor, args, kwargs, xs, weights):
    net = getattr(m, ctor)(*args, **kwargs)
    if weights is None:
        weights = glue.used_weights(net, *xs)
    else:
        glue.load_used_weights(net, weights, *xs)
    return net, weights


def probe_forward(m, framework, ctor, args, kwargs, inputs, weights):
    """Build ``m.<ctor>(*args, **kwargs)`` (kept between examples with the same constructor arguments and input
    rank and width, see :func:`keep`); take (reference, ``weights is None``) or load weights by use; run it."""
    glue = glue_for(framework)
    xs = [glue.tensor(x) for x in inputs]
    key = ("forward", ctor, repr(args), repr(sorted(kwargs.items())), tuple((x.ndim, x.shape[-1]) for x in xs),
           weights is None)
    net, weights = keep(m, framework, key, lambda: _build(m, glue, ctor, args, kwargs, xs, weights))
    with glue.inference():
        out = glue.observe(net(*xs), "the output")
    return {"weights": weights, "out": out, "param_shapes": glue.param_shapes(net)}


def compare_forward(g, ctor, args=(), kwargs=None, inputs=(), *, seed=0, atol=1e-5, rtol=1e-4):
    """The implementation's forward pass equals the reference's once both hold the same weights."""
    kwargs = kwargs or {}
    framework = g.unit.framework
    shapes = ", ".join(str(tuple(x.shape)) for x in inputs)
    called = f"{signature(ctor, args, kwargs)}(X)"
    ref = g.reference(probe_forward, framework, ctor, args, kwargs, inputs, None, seed=seed, called=called)
    got = g.student(probe_forward, framework, ctor, args, kwargs, inputs, ref["weights"], seed=seed, called=called)
    check_weight_shapes(got["param_shapes"], ref["param_shapes"], framework=framework,
                        built=signature(ctor, args, kwargs),
                        unseen="A layer not assigned to an attribute (or kept where the framework cannot see it) is "
                               "not registered.")
    assert_same(got["out"], ref["out"], headline="computes a different forward pass than the reference.",
                called=f"{called} with X of shape {shapes}", atol=atol, rtol=rtol)
    return got, ref
