"""Blind batch 3: mutants and variants of pytorch/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("lazy_mlp", "[plain] A hand-written lazy first layer that materializes its weight as (d, hidden) and computes X @ weight + bias: it is lazy and its output has the right shape, but the first weight is (d, hidden) instead of nn.Linear's (hidden, d).", """
        import torch
        from torch import nn

        class _LazyDense(nn.Module):
            def __init__(self, units):
                super().__init__()
                self.units = units
                self.weight = nn.parameter.UninitializedParameter()
                self.bias = nn.Parameter(torch.zeros(units))

            def forward(self, X):
                if isinstance(self.weight, nn.parameter.UninitializedParameter):
                    with torch.no_grad():
                        self.weight.materialize((X.shape[-1], self.units))
                        bound = 1 / X.shape[-1] ** 0.5
                        self.weight.uniform_(-bound, bound)
                return X @ self.weight + self.bias

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(_LazyDense(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("all_lazy_mlp", "[plain] Copy-paste slip: both layers are nn.LazyLinear(hidden), so the output is hidden wide instead of out_features.", """
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(hidden))
    """),
    Mutant("materialize", "[type] Returns the dry run's output (return net(zeros)) instead of net itself.", """
        import torch

        def materialize(net, in_features):
            with torch.no_grad():
                return net(torch.zeros(1, in_features))
    """),
    Mutant("materialize", "[netkind] Does the dry run only when net[0] is an nn.LazyLinear ('only the first layer can be lazy'), so a net whose later layers are lazy stays partly uninitialized and a custom module without indexing raises.", """
        import torch
        from torch import nn

        def materialize(net, in_features):
            if isinstance(net[0], nn.LazyLinear):
                with torch.no_grad():
                    net(torch.zeros(1, in_features))
            return net
    """),
]

VARIANTS = [
    Variant("materialize", "[style] Builds the dry input with the dtype and device of the net's first parameter (uninitialized parameters carry both) under torch.no_grad(); for a float32 net that is exactly the reference's zeros(1, in_features).", """
        import torch

        def materialize(net, in_features):
            first = next(net.parameters(), None)
            kwargs = {} if first is None else {"dtype": first.dtype, "device": first.device}
            with torch.no_grad():
                net(torch.zeros(1, in_features, **kwargs))
            return net
    """),
]
