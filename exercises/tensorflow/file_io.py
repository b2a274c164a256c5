"""File I/O (d2l 6.6, "File I/O"), TensorFlow / Keras 3 exercise.

Save tensors, lists and dicts of tensors, and a network's weights, then load
them back exactly: values, dtype and shape, for bool, int8/16/32/64, uint8,
float16/32/64 and bfloat16, 0-d and empty tensors included; loaded objects
are ``tf.Tensor`` (not numpy arrays, not ``tf.Variable``); a dict's key order
is not graded. The file format is yours to choose, but each function writes
exactly at the path given (no suffix appended, nothing else written) and
loading never executes code from the file. The book saves with ``np.save`` and
loads with ``np.load(..., allow_pickle=True)``: ``np.save`` appends ``.npy``
unless given an open file object, stores ml_dtypes' bfloat16 as raw void, and
``allow_pickle=True`` runs any code a pickle in the file carries. Hint: write
a JSON header (dtype names, shapes) plus each tensor's bits viewed as
same-width unsigned ints into an ``.npz`` written to an open file object, and
load it with ``np.load(f, allow_pickle=False)``.

Run `pytest exercises/tensorflow/file_io.py` to grade this file.
"""

import json
import math
import os

import numpy as np
import tensorflow as tf


def save_tensor(x, path):
    """Save one tensor to ``path`` (written exactly there, no suffix added)."""
    raise NotImplementedError('TODO: write x (values, dtype, shape; bfloat16 too) exactly at path: no pickle, no suffix added')


def load_tensor(path):
    """Load the tensor saved by ``save_tensor``: a ``tf.Tensor`` with the same values, dtype and shape.

    The book loads with ``np.load(..., allow_pickle=True)``, which runs any code
    a pickle in the file carries; loading here refuses pickles with an error.
    """
    raise NotImplementedError('TODO: return the tf.Tensor saved by save_tensor, never unpickling (np.load allow_pickle=False)')


def save_tensors(xs, path):
    """Save a list (any sequence) of tensors to ``path``."""
    raise NotImplementedError('TODO: write the list of tensors exactly at path: no pickle, no suffix added')


def load_tensors(path):
    """Load the tensors saved by ``save_tensors``: a list of ``tf.Tensor`` in the saved order."""
    raise NotImplementedError('TODO: return the saved tensors as a list of tf.Tensor, in order, never unpickling')


def save_tensor_dict(d, path):
    """Save a dict mapping ``str`` keys to tensors to ``path``."""
    raise NotImplementedError('TODO: write the str -> tensor dict exactly at path: no pickle, no suffix added')


def load_tensor_dict(path):
    """Load the dict saved by ``save_tensor_dict``: same keys (and order), ``tf.Tensor`` values."""
    raise NotImplementedError('TODO: return the saved dict (same str keys, tf.Tensor values), never unpickling')


def save_params(net, path):
    """Save every weight of a built ``net`` (``net.weights`` order, non-trainable ones included) to ``path``.

    Keras 3's ``net.save_weights`` insists on a ``.weights.h5`` suffix, so the
    values from ``net.get_weights()`` go into this module's own format, written
    exactly at ``path``.
    """
    raise NotImplementedError('TODO: write every weight of net (net.weights order) exactly at path; save_weights demands .weights.h5')


def load_params(make_net, path, input_shape):
    """Return a fresh ``make_net()``, built by one dry call, holding the weights saved by ``save_params``.

    ``input_shape`` includes the batch axis as ``None`` (e.g. ``(None, 20)``);
    the dry call uses zeros with ``None`` replaced by 1. ``make_net`` may build a
    ``keras.Sequential`` or a subclassed ``keras.Model``: ``net.build(input_shape)``
    creates no weights in the latter, a dry call always does. Weights are assigned
    in ``net.weights`` order; a count or shape mismatch raises ``ValueError``.
    """
    raise NotImplementedError('TODO: net = make_net(); one dry call on zeros of input_shape (None -> 1); set the saved weights; return net')
