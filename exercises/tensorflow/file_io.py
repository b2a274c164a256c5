"""File I/O (d2l 6.6, "File I/O"), TensorFlow / Keras 3 exercise.

Save tensors, lists of tensors, dicts of tensors and a network's weights to a
file, and load them back. Every save / load pair here guarantees:

- an exact round trip: what is loaded has the values (bit for bit), the dtype
  and the shape of what was saved, for bool, int8/16/32/64, uint8,
  float16/32/64 and bfloat16, 0-d and empty tensors included; one list or
  dict may mix dtypes and shapes;
- loaded tensors are ``tf.Tensor`` (not numpy arrays, not ``tf.Variable``);
- a save writes the file exactly at the path it is given: no suffix
  appended, no other file written anywhere (none left in the folder or in
  the temp directory); saving again at the same path replaces what was there;
- loading never runs code from the file, whatever the file holds; a file
  these functions did not write (one holding a pickle, for instance) is
  refused with an error that says so, not loaded.

The file format is yours to choose. The book's code falls short on today's
libraries: it saves with ``np.save``, which appends ``.npy`` to a path that
does not end in it (so the file is not where the caller asked), and which
stores a bfloat16 tensor (numpy has no bfloat16: it is ml_dtypes' type) as
raw void bytes that do not load back as bfloat16; and it loads with
``np.load(..., allow_pickle=True)``, which unpickles, so any code a pickle in
the file carries is run.

The exact rule of each unit: docs/units.md.

Run `pytest exercises/tensorflow/file_io.py` to grade this file.
"""

import json
import math
import os

import numpy as np
import tensorflow as tf


def save_tensor(x, path):
    """Save one tensor ``x`` to a file written exactly at ``path``."""
    raise NotImplementedError("TODO: write x, every dtype exact, to exactly path (rule: docs/units.md, tensorflow.file_io.tensor)")


def load_tensor(path):
    """Load the tensor ``save_tensor`` wrote at ``path``: a ``tf.Tensor`` with the same values, dtype and shape.

    Loading runs no code from the file: a file holding a pickle is refused
    with an error (the book's ``np.load(..., allow_pickle=True)`` would run
    any code such a pickle carries).
    """
    raise NotImplementedError("TODO: read back the tensor save_tensor wrote, running no code from the file (rule: docs/units.md, tensorflow.file_io.tensor)")


def save_tensors(xs, path):
    """Save a list (any sequence) of tensors, of any dtypes and shapes, to a file written exactly at ``path``."""
    raise NotImplementedError("TODO: write the tensors, in order, to exactly path (rule: docs/units.md, tensorflow.file_io.tensor_list)")


def load_tensors(path):
    """Load the tensors ``save_tensors`` wrote at ``path``: a list of ``tf.Tensor``, in the order saved, each exact.

    Loading runs no code from the file, and refuses a file holding a pickle.
    """
    raise NotImplementedError("TODO: read back the list save_tensors wrote, running no code from the file (rule: docs/units.md, tensorflow.file_io.tensor_list)")


def save_tensor_dict(d, path):
    """Save a dict mapping ``str`` keys to tensors to a file written exactly at ``path``."""
    raise NotImplementedError("TODO: write the str-keyed dict of tensors to exactly path (rule: docs/units.md, tensorflow.file_io.tensor_dict)")


def load_tensor_dict(path):
    """Load the dict ``save_tensor_dict`` wrote at ``path``: the same ``str`` keys, each mapped to its exact ``tf.Tensor``.

    Loading runs no code from the file, and refuses a file holding a pickle.
    """
    raise NotImplementedError("TODO: read back the dict save_tensor_dict wrote, running no code from the file (rule: docs/units.md, tensorflow.file_io.tensor_dict)")


def save_params(net, path):
    """Save every weight of a built ``net`` to a file written exactly at ``path``.

    Every weight means all of ``net.weights``, in that order, the
    non-trainable ones (a BatchNormalization's moving statistics) included.
    Keras 3's own ``net.save_weights`` refuses a filename that does not end
    in ``.weights.h5``, so it cannot write at an arbitrary path.
    """
    raise NotImplementedError("TODO: write every weight of net, in order, to exactly path (rule: docs/units.md, tensorflow.file_io.params)")


def load_params(make_net, path, input_shape):
    """Return a new net from ``make_net()`` holding the weights ``save_params`` wrote at ``path``.

    ``input_shape`` is the shape of the net's input with the batch axis as
    None, e.g. ``(None, 20)``. The net ``make_net()`` returns has no weights
    yet; ``make_net`` may build a ``keras.Sequential`` or a subclassed
    ``keras.Model`` (both graded), and on a subclassed Keras 3 model
    ``Model.build(shape)`` creates none of its layers' weights. Once the
    weights exist, they get the saved values in ``net.weights`` order, so
    every weight, moving statistics included, equals the saved one; a file
    whose weights do not match the net in count or shape raises
    ``ValueError``. Every call returns a new ``make_net()`` (nothing cached),
    as trainable as it was made. Loading runs no code from the file, and
    refuses a file holding a pickle.
    """
    raise NotImplementedError("TODO: make a net, create its weights, then give them the saved values (rule: docs/units.md, tensorflow.file_io.params)")
