"""Blind batch 2: mutants and variants of pytorch/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- lazy_mlp
    Mutant("lazy_mlp", "[boundary] The signature is lazy_mlp(out_features=10, hidden=256): the defaults work, but lazy_mlp(64, 5) builds a 5-wide hidden layer and 64 outputs.", """
        import torch
        from torch import nn

        def lazy_mlp(out_features=10, hidden=256):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "[plain] Ends with nn.Softmax(dim=1) ('it is a classifier'), so the net returns probabilities instead of the output layer's values.", """
        import torch
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features), nn.Softmax(dim=1))
    """),
    Mutant("lazy_mlp", "[netkind] A hand-made 'lazy' first layer that creates nn.Linear(d, hidden) in forward on the first call, on the CPU in float32: before the call .to()/.double() cannot reach it, so a moved or float64 net fails its first call.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class _LazyMLP(nn.Module):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.hidden_size = hidden
                self.hidden = None
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                if self.hidden is None:
                    self.hidden = nn.Linear(X.shape[-1], self.hidden_size)
                return self.out(F.relu(self.hidden(X)))

        def lazy_mlp(hidden=256, out_features=10):
            return _LazyMLP(hidden, out_features)
    """),

    # ------------------------------------------------------------ all_lazy_mlp
    Mutant("all_lazy_mlp", "[plain] Adds a second hidden LazyLinear(hidden) + ReLU ('every layer lazy, so one more is free'): three linear layers instead of two.", """
        import torch
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(hidden), nn.ReLU(),
                                 nn.LazyLinear(out_features))
    """),
    Mutant("all_lazy_mlp", "[boundary] The signature is all_lazy_mlp(out_features=10, hidden=256), so positional calls swap the two widths.", """
        import torch
        from torch import nn

        def all_lazy_mlp(out_features=10, hidden=256):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features))
    """),
    Mutant("all_lazy_mlp", "[mode] Inserts nn.LazyBatchNorm1d() after the first layer 'for stability': in train mode every hidden unit is normalised over the batch, so outputs depend on the other rows.", """
        import torch
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.LazyBatchNorm1d(), nn.ReLU(), nn.LazyLinear(out_features))
    """),

    # ------------------------------------------------------------ materialize
    Mutant("materialize", "[netkind] The dry input is torch.zeros(in_features) with no batch axis: enough for Linear layers, but a net with BatchNorm1d, Flatten or a batch-first custom layer fails or is built wrong.", """
        import torch
        from torch import nn

        def materialize(net, in_features):
            with torch.no_grad():
                net(torch.zeros(in_features))
            return net
    """),
    Mutant("materialize", "[mode] Calls net.train() after the dry run 'to restore the mode', so a net handed over in eval mode comes back in training mode.", """
        import torch
        from torch import nn

        def materialize(net, in_features):
            with torch.no_grad():
                net(torch.zeros(1, in_features))
            net.train()
            return net
    """),
    Mutant("materialize", "[type] Returns nn.Sequential(*net.children()) after the dry run: the same layers in a new container, so the result is not net (and a custom module's forward is lost).", """
        import torch
        from torch import nn

        def materialize(net, in_features):
            with torch.no_grad():
                net(torch.zeros(1, in_features))
            return nn.Sequential(*net.children())
    """),
]

VARIANTS = [
    Variant("lazy_mlp", "[style] Uses nn.Threshold(0.0, 0.0) as the activation: y = x for x > 0 else 0 is exactly ReLU, gradient at 0 included.", """
        import torch
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.Threshold(0.0, 0.0), nn.Linear(hidden, out_features))
    """),
    Variant("all_lazy_mlp", "[style] A custom module holding both LazyLinear layers in an nn.ModuleDict and using torch.clamp(h, min=0) as the ReLU.", """
        import torch
        from torch import nn

        class _AllLazy(nn.Module):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.layers = nn.ModuleDict({"hidden": nn.LazyLinear(hidden), "out": nn.LazyLinear(out_features)})

            def forward(self, X):
                return self.layers["out"](torch.clamp(self.layers["hidden"](X), min=0))

        def all_lazy_mlp(hidden=256, out_features=10):
            return _AllLazy(hidden, out_features)
    """),
    Variant("materialize", "[style] The dry run is a nested function decorated with @torch.no_grad() on a batch of two rows of ones; only the width matters.", """
        import torch
        from torch import nn

        def materialize(net, in_features):
            @torch.no_grad()
            def _dry():
                net(torch.ones(2, in_features))
            _dry()
            return net
    """),
]
