"""Blind batch 4: mutants and variants of pytorch/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("lazy_mlp", "[repeat] Builds one template per (hidden, out_features) and returns copy.deepcopy(template) 'to save construction time': every net is fresh and lazy, but all of them start with the very same output-layer weights.", """
        import copy
        from torch import nn

        _TEMPLATES = {}

        def lazy_mlp(hidden=256, out_features=10):
            key = (hidden, out_features)
            if key not in _TEMPLATES:
                _TEMPLATES[key] = nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
            return copy.deepcopy(_TEMPLATES[key])
    """),
    Mutant("all_lazy_mlp", "[plain] The output layer is nn.LazyLinear(out_features, bias=False) ('logits need no offset'), so the second layer has a weight but no bias.", """
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features, bias=False))
    """),
    Mutant("materialize", "[netkind] Does the dry run with net.forward(zeros) instead of net(zeros): fine for a Sequential (its children are still called normally), but a bare lazy layer, e.g. materialize(nn.LazyLinear(4), 3), skips the pre-forward hook that materializes it and raises.", """
        import torch

        def materialize(net, in_features):
            with torch.no_grad():
                net.forward(torch.zeros(1, in_features))
            return net
    """),
    Mutant("materialize", "[netkind] Does the dry run only if the net contains an nn.LazyLinear ('that is the lazy layer'): other lazy modules, e.g. an nn.LazyBatchNorm1d after an ordinary Linear, are left uninitialized.", """
        import torch
        from torch import nn

        def materialize(net, in_features):
            if any(isinstance(m, nn.LazyLinear) for m in net.modules()):
                with torch.no_grad():
                    net(torch.zeros(1, in_features))
            return net
    """),
]

VARIANTS = []
