"""Parameter management (d2l 6.2, "Parameter Management"), TensorFlow / Keras 3 exercise.

The initializers (``normal_init`` to ``apply_init``) follow d2l 6.3,
"Parameter Initialization".

Keras layers expose their weights as variables (``layer.weights``,
``layer.kernel``, ``layer.bias``). Re-initializing or editing weights means
assigning new values to those variables in place (``Variable.assign``), so
that anything holding them (an optimizer, a tied layer) sees the new values;
making new variables instead cuts them off.

The exact rule of each unit: docs/units.md.

Run `pytest exercises/tensorflow/parameters.py` to grade this file.
"""

import keras
import tensorflow as tf


def layer_weights(net, i):
    """Return the weights of the layer at index ``i`` of ``net.layers``.

    The result is a list of the layer's variables themselves (for a Dense:
    kernel, then bias), not copies or numpy arrays: assigning to them changes
    the net, and they follow later changes of it.
    """
    raise NotImplementedError("TODO: return the variables of layer i of net (rule: docs/units.md, tensorflow.parameters.layer_weights)")


def weight_shapes(net):
    """Return the shape of every weight of ``net``: a list with one tuple of ints per weight.

    The order is that of ``net.weights`` (a layer used twice counts once;
    non-trainable weights are included), read from the net when called. For a
    net of one Dense(3) built on 4 input features the result is
    ``[(4, 3), (3,)]``; for a net not built yet, ``[]``.
    """
    raise NotImplementedError("TODO: list the shape of every weight of net, as tuples, in order (rule: docs/units.md, tensorflow.parameters.weight_shapes)")


def nested_weight(net, path, name):
    """Return a ``kernel`` or ``bias`` variable from inside nested blocks.

    ``path`` is a sequence of indices into ``.layers``: the first picks a
    layer of ``net``, the next picks a layer of that one, and so on (an empty
    path means ``net`` itself). ``name`` is ``"kernel"`` or ``"bias"``: the
    variable of that name of the layer reached is returned, the variable itself
    (not a copy); for a Dense without a bias that is None. Any other ``name``
    raises ``ValueError``.

    Example: on ``rgnet()``, the path ``(0, 1, 1)`` leads to its first part
    (the block2), then that block's second block1, then that block1's second
    layer (its Dense); with ``"bias"``, the result is that Dense's bias.
    """
    raise NotImplementedError("TODO: walk down path and return the named variable (rule: docs/units.md, tensorflow.parameters.nested_weight)")


def block1(name):
    """Return the book's small block, a ``keras.Sequential`` named ``name``.

    ======  =========  =====  ==========
    #       layer      units  activation
    ======  =========  =====  ==========
    0       Flatten
    1       Dense      4      ReLU
    ======  =========  =====  ==========
    """
    raise NotImplementedError("TODO: build the named Flatten then Dense block (rule: docs/units.md, tensorflow.parameters.rgnet)")


def block2():
    """Return a ``keras.Sequential`` of four ``block1`` blocks, named ``"block-0"``, ``"block-1"``, ``"block-2"`` and ``"block-3"``, in that order.

    The book names its blocks with TF1's ``tf.variable_scope``, which no
    longer exists in TensorFlow 2 / Keras 3; a Keras layer or model takes its
    name when it is made.
    """
    raise NotImplementedError("TODO: build the Sequential of the four named block1 blocks (rule: docs/units.md, tensorflow.parameters.rgnet)")


def rgnet():
    """Return the book's nested net: a ``keras.Sequential`` of a ``block2()``, then a Dense of 1 unit (no activation).

    It is built on its first call (the book's inputs have shape (n, 4)).
    Every Dense in it draws fresh weights (no fixed seed): the four blocks
    start from different kernels.
    """
    raise NotImplementedError("TODO: build block2 followed by the one-unit Dense (rule: docs/units.md, tensorflow.parameters.rgnet)")


def normal_init():
    """Return a kernel initializer drawing every entry from the normal distribution with mean 0 and standard deviation 0.01.

    What counts as an initializer, for the three factories here: anything
    Keras accepts as ``kernel_initializer``. That is an initializer object
    from ``keras.initializers`` (an instance, not the class), or any callable
    ``init(shape, dtype=None)`` that returns a new tensor of that shape and
    dtype on every call (Keras' float type, ``keras.backend.floatx()``, when
    no dtype is given). Graded by calling it on a non-square (300, 256) shape
    in float32 and float64, on a small shape in float16, and by checking that
    two initializers made by the factory draw different values (no fixed
    seed).
    """
    raise NotImplementedError("TODO: return an initializer drawing from N(0, 0.01) (rule: docs/units.md, tensorflow.parameters.normal_init)")


def xavier_init():
    """Return the Glorot (Xavier) uniform initializer: entries uniform on [-a, a], a = sqrt(6 / (fan_in + fan_out)).

    It serves any kernel shape: for a Dense kernel (fan_in, fan_out) the fans
    are its two sizes; for a conv kernel (height, width, in channels, out
    channels) they are height * width * in channels and height * width * out
    channels. Graded as ``normal_init`` is, and on a (3, 3, 64, 96) conv
    kernel.
    """
    raise NotImplementedError("TODO: return the Glorot (Xavier) uniform initializer (rule: docs/units.md, tensorflow.parameters.xavier_init)")


def constant_init(value):
    """Return an initializer filling every entry with ``value``, in the dtype it is called with.

    ``value`` may be an int or a float: the initializer made with the int 2
    and called with dtype float32 gives a float32 tensor of 2.0. Every call
    gives a tensor of the shape and dtype asked for in that call.
    """
    raise NotImplementedError("TODO: return an initializer filling every entry with value (rule: docs/units.md, tensorflow.parameters.constant_init)")


class MyInit(keras.initializers.Initializer):
    """d2l's custom initializer: draw every entry from U(-10, 10), then set the entries whose absolute value is below 5 to 0.

    ``MyInit()(shape, dtype)`` returns a tensor of that shape (any shape: a
    bias, a Dense kernel, a conv kernel) and that dtype (float16, float32 or
    float64); when ``dtype`` is None or not given, the tensor has Keras'
    float type, ``keras.backend.floatx()``, as Keras' own initializers do.
    Its non-zero entries therefore lie in [5, 10] in absolute value, and every
    call draws new values.
    """

    def __call__(self, shape, dtype=None):
        raise NotImplementedError("TODO: draw U(-10, 10) in this shape and dtype, then zero the entries below 5 in absolute value (rule: docs/units.md, tensorflow.parameters.MyInit)")


def apply_init(net, kernel_init, bias_init=None):
    """Re-initialize, in place, every built ``keras.layers.Dense`` inside ``net``; return ``net``.

    This is Keras' counterpart of PyTorch's ``net.apply(f)``. Every Dense is
    reached, however deep it sits: inside nested models (their ``.layers``)
    and inside custom layers that hold a Dense as an attribute. For each built
    Dense, the kernel gets new values from ``kernel_init``, called with the
    kernel's shape and dtype; the bias gets new values from ``bias_init`` in
    the same way, unless ``bias_init`` is None, in which case every bias keeps
    its values. Other layers (a Conv2D, a BatchNormalization) keep theirs,
    even where they have a kernel. A Dense that is not built yet (it has no
    weights) is skipped; a Dense used twice is re-initialized once.

    In place means the variables stay the same objects and only their values
    change, so an optimizer or a tied layer holding them sees the new values,
    and ``net.weights`` holds the same variables as before. The book passes
    initializers when the layers are made (``kernel_initializer=``); a net
    that is already built can only be re-initialized by assigning to its
    variables.
    """
    raise NotImplementedError("TODO: give every built Dense in net new values by assignment, nested ones too (rule: docs/units.md, tensorflow.parameters.apply_init)")


def set_manually(net):
    """Edit weights by hand: on the first ``Dense`` among ``net.layers``, add 1 to every kernel entry, then set the kernel's entry at row 0, column 0 to 42; return ``net``.

    Both edits change the existing kernel variable in place (it stays the
    same object, so anything holding it sees the new values); nothing else
    changes, neither that layer's bias nor any other layer's weights. Called
    twice, the kernel gets 1 added twice and its entry at row 0, column 0 is
    42. The net must be built: a ``ValueError`` is raised when that Dense has
    no weights yet, and when ``net.layers`` holds no Dense. The book edits
    ``net.layers[1]`` because its nets start with a ``Flatten``; here the
    first Dense is found by its type, wherever it sits in ``net.layers``.
    """
    raise NotImplementedError("TODO: edit the first Dense's kernel in place: add 1, then 42 at row 0, column 0 (rule: docs/units.md, tensorflow.parameters.set_manually)")


def tied_net(width=8):
    """Tied weights: return a ``keras.Sequential`` for inputs of shape (n, 4) whose two middle layers are one layer object.

    =====  =======================================  =======  ==========
    #      layer                                    units    activation
    =====  =======================================  =======  ==========
    0      Dense                                    width    ReLU
    1      the shared Dense                         width    ReLU
    2      the very same shared Dense object again
    3      Dense                                    1        none
    =====  =======================================  =======  ==========

    ``net.layers[1] is net.layers[2]``: the shared layer has one set of
    weights, listed once in ``trainable_weights``, and its gradient is the
    sum of the gradients of both uses. The net is built for 4 input features
    when it is made. The book ties layers through TF1's
    ``tf.variable_scope``, which no longer exists; copying values from one
    layer into another gives two layers that drift apart in training.
    """
    raise NotImplementedError("TODO: build the Sequential with one shared Dense used at indices 1 and 2 (rule: docs/units.md, tensorflow.parameters.tied_net)")
