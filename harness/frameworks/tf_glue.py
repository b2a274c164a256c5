"""TensorFlow / Keras 3 side of probes: tensors to observations and back, weight transfer by use, kept models.

Imported only by TensorFlow probes, so a PyTorch-only run never imports TensorFlow.

Weights move from the reference to an implementation by shape and, among weights
of one shape, in the order the forward pass first reads them (a weight of the
same trainability first: a constant cast before the first layer is read before
that layer's kernel), never by name: Keras layer names carry global counters
(:func:`match_by_use`).  The order comes from every read of a Keras variable's
``value`` during the call (``GradientTape.watched_variables()`` lists
variables in creation order, which differs for a layer that creates its bias
before its kernel); plain ``tf.Variable`` objects the tape saw, then
non-trainable weights never read, follow.
"""

from __future__ import annotations

import contextlib

from harness.core import tf_settings

tf_settings.apply()

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

from harness.core.feedback import GradingFailure, TensorObs  # noqa: E402

tf_settings.after_import()


def dtype_name(dtype) -> str:
    return keras.backend.standardize_dtype(dtype)


def observe(value, what: str = "the result", *, strict: bool = False) -> TensorObs:
    """A TensorFlow tensor (or Keras variable, unless ``strict``) as plain data."""
    allowed = (tf.Tensor,) if strict else (tf.Tensor, tf.Variable, keras.Variable)
    if not isinstance(value, allowed):
        raise GradingFailure(f"returns the wrong kind of object: {what} is a {type(value).__module__}."
                             f"{type(value).__name__}, but the reference gives a tf.Tensor.")
    if isinstance(value, keras.Variable):
        value = value.value
    name = dtype_name(value.dtype)
    if name == "bfloat16":
        values = tf.cast(value, tf.float32).numpy().copy()  # exact: every bfloat16 is a float32
    else:
        values = np.array(value.numpy(), copy=True)
    return TensorObs(name, tuple(int(d) for d in value.shape), values)


def tensor(obs) -> tf.Tensor:
    if isinstance(obs, TensorObs):
        values = np.asarray(obs.values)
        if obs.dtype == "bfloat16":
            return tf.cast(tf.constant(values, tf.float32), tf.bfloat16)
        return tf.constant(values, dtype=obs.dtype)
    return tf.constant(np.asarray(obs))


def _tf_variable(v):
    return v.value if isinstance(v, keras.Variable) else v


@contextlib.contextmanager
def _reads_recorded():
    """Record every Keras variable whose value is read, in order, while the block runs."""
    from keras.src.backend.common.variables import Variable as KerasVariable

    prop = KerasVariable.__dict__["value"]
    reads, seen = [], set()

    def spy(self):
        if id(self) not in seen:
            seen.add(id(self))
            reads.append(self)
        return prop.fget(self)

    KerasVariable.value = property(spy)
    try:
        yield reads
    finally:
        KerasVariable.value = prop


def run_recording(net, *inputs):
    """Call ``net`` once; return (output, variables in order of first use, then non-trainable ones)."""
    if not callable(net):
        raise GradingFailure(f"does not build a Keras layer or model: got a {type(net).__name__}.")
    with _reads_recorded() as reads, tf.GradientTape() as tape:
        out = net(*inputs)
    order, seen = [], set()
    for v in [_tf_variable(r) for r in reads] + list(tape.watched_variables()):
        if id(v) not in seen:
            seen.add(id(v))
            order.append(v)
    for w in getattr(net, "non_trainable_weights", []):
        v = _tf_variable(w)
        if id(v) not in seen:
            seen.add(id(v))
            order.append(v)
    return out, order


def weight_records(order) -> list[dict]:
    """The weights of ``order`` (variables in order of first use) as the reference hands them to an implementation:
    each its value and whether it is trainable (a constant used first must not take a kernel's values)."""
    return [{"value": observe(v), "trainable": bool(getattr(v, "trainable", True))} for v in order]


def used_weights(net, *inputs) -> list[dict]:
    _, order = run_recording(net, *inputs)
    return weight_records(order)


def weight_value(weight) -> TensorObs:
    """The value of one of the reference's weights (a :func:`weight_records` entry, or a bare observation)."""
    return weight["value"] if isinstance(weight, dict) else weight


def weight_trainable(weight):
    """Whether one of the reference's weights is trainable (None: not known)."""
    return weight.get("trainable") if isinstance(weight, dict) else None


def _shape_class(shape: tuple) -> tuple:
    """Shapes a weight may take in either layout: a kernel stored (in, out) or (out, in) and used transposed."""
    return min(tuple(shape), tuple(shape)[::-1])


def match_by_use(order, weights) -> tuple[list | None, str]:
    """Pair the reference's ``weights`` (in its order of first use) with ``order`` (the implementation's variables
    in its order of first use): ``(pairs, "")``, ``pairs[j]`` the variable that takes ``weights[j]``, or
    ``(None, detail)`` where the shapes truly differ.

    Variables and weights pair up by shape (a transposed shape too), whatever order the two calls use them in;
    among the weights a variable could take, one of the same trainability comes first (a constant the call casts
    before its first Dense must not take that Dense's kernel), then the one the reference uses first.  Where both
    use the same shapes in the same order, that is the pairing by position.
    """
    mine = [tuple(int(d) for d in v.shape) for v in order]
    theirs = [tuple(weight_value(w).shape) for w in weights]
    if sorted(map(_shape_class, mine)) != sorted(map(_shape_class, theirs)):
        return None, (f"Got variables of shapes {mine} (in the order the call first uses them, then non-trainable "
                      f"ones), but the reference uses {theirs}.")
    pairs: list = [None] * len(theirs)
    for v, shape in zip(order, mine):
        trainable = bool(getattr(v, "trainable", True))
        free = [j for j in range(len(theirs)) if pairs[j] is None and _shape_class(theirs[j]) == _shape_class(shape)]
        pairs[min(free, key=lambda j: (weight_trainable(weights[j]) not in (None, trainable), j))] = v
    return pairs, ""


def transfer_by_use(order, weights) -> tuple[list | None, str]:
    """Assign the reference's ``weights`` to the variables ``order`` as :func:`match_by_use` pairs them (a transposed
    shape is transposed back).  Returns :func:`match_by_use`'s ``(pairs, detail)``."""
    pairs, detail = match_by_use(order, weights)
    if pairs is None:
        return None, detail
    for target, source in zip(pairs, weights):
        source = weight_value(source)
        value = tf.cast(tensor(source), target.dtype)
        if tuple(target.shape) != tuple(source.shape):
            value = tf.transpose(value)
        target.assign(value)
    return pairs, ""


def assign_by_use(order, weights) -> str:
    """:func:`transfer_by_use`, for callers that need only the failure's detail ("" where it worked)."""
    return transfer_by_use(order, weights)[1]


def load_used_weights(net, weights, *inputs) -> list:
    """Call ``net`` once, then load the reference's ``weights`` into the variables it used; the variables that took
    them, in the reference's order."""
    _, order = run_recording(net, *inputs)
    pairs, detail = transfer_by_use(order, weights)
    if pairs is None:
        raise GradingFailure("uses different weights than the reference.", detail)
    return pairs


def weight_shapes(net, attr: str = "trainable_weights") -> list[tuple] | None:
    weights = getattr(net, attr, None)
    if weights is None:
        return None
    return sorted(tuple(int(d) for d in w.shape) for w in weights)


def param_shapes(net) -> list[tuple] | None:
    """Sorted shapes of the trainable weights (order is the implementation's choice)."""
    return weight_shapes(net, "trainable_weights")


def inference():
    import contextlib

    return contextlib.nullcontext()
