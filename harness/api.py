"""What a grader may use of the harness: the one import surface of ``graders/``.

A grader module imports the framework-neutral pieces from here and its framework's vocabulary from its glue
(:mod:`harness.frameworks.torch_glue` or :mod:`harness.frameworks.tf_glue`); nothing else of the harness.
``tests/test_layers.py`` checks both rules and that the module's ``__all__`` lists exactly what it offers.

- declaring a unit's properties: :func:`grader` (one per unit), :func:`gpu_missing`;
- judging observations: :func:`check`, :func:`fail`, :func:`assert_same`, :func:`assert_equal`,
  :func:`check_weight_shapes`, :func:`ordinal`, :class:`GradingFailure`, :class:`TensorObs`,
  :class:`ImplementationRaised` (a call into the implementation raised);
- forward passes compared with weights transferred: :func:`compare_forward`, :func:`signature`, and
  :mod:`forward` (kept models between examples);
- drawing inputs: Hypothesis strategies (:mod:`harness.core.strategies`) and the input makers they feed
  (:mod:`harness.core.inputs`: values from a seed, fixed specs); spread and tail tests: :mod:`stats`.
"""

from __future__ import annotations

from harness.core import forward, stats
from harness.core.feedback import (GradingFailure, TensorObs, assert_equal, assert_same, check, check_weight_shapes,
                                   fail, ordinal)
from harness.core.forward import compare_forward, signature
from harness.core.grading import gpu_missing, grader
from harness.core.implementation import ImplementationRaised
from harness.core.inputs import FILE_DTYPES, clashing_dict_spec, floats, long_list_spec, random_chain, size, values_of
from harness.core.strategies import batches, chains, dict_keys, file_dtypes, scales, seeds, shapes, sizes

__all__ = [
    "FILE_DTYPES", "GradingFailure", "ImplementationRaised", "TensorObs", "assert_equal", "assert_same", "batches",
    "chains", "check", "check_weight_shapes", "clashing_dict_spec", "compare_forward", "dict_keys", "fail",
    "file_dtypes", "floats", "forward", "gpu_missing", "grader", "long_list_spec", "ordinal", "random_chain",
    "scales", "seeds", "shapes", "signature", "size", "sizes", "stats", "values_of",
]
