"""Blind mutants and variants of pytorch/lazy_init.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- lazy_mlp
    Mutant("lazy_mlp", "[netkind] The first layer is an eager nn.Linear(20, hidden) (the width of d2l's example X), so it has weights before the first call and fails for any d other than 20.", """
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.Linear(20, hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "[netkind] Builds the lazy net and then 'checks it works' with a dry call on zeros(1, 20), so the first weight is already materialized as (hidden, 20) before the user's first call.", """
        import torch
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            net = nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
            with torch.no_grad():
                net(torch.zeros(1, 20))
            return net
    """),
    Mutant("lazy_mlp", "[boundary] The output layer is hard-coded as nn.Linear(256, out_features), so the net only works with the default hidden=256 (any other hidden crashes on the first call).", """
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(256, out_features))
    """),
    Mutant("lazy_mlp", "[boundary] Wrong default width: hidden defaults to 128 instead of 256, so lazy_mlp() has a (128, d) first weight.", """
        from torch import nn

        def lazy_mlp(hidden=128, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "[repeat] Caches the net per (hidden, out_features) in a module-level dict, so the second lazy_mlp() returns the same, already materialized object instead of a fresh lazy net.", """
        from torch import nn

        _NETS = {}

        def lazy_mlp(hidden=256, out_features=10):
            key = (hidden, out_features)
            if key not in _NETS:
                _NETS[key] = nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
            return _NETS[key]
    """),
    Mutant("lazy_mlp", "[plain] The ReLU is put after the output layer instead of between the two linear layers, so the hidden layer is linear and every output is clamped at 0.", """
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.Linear(hidden, out_features), nn.ReLU())
    """),
    Mutant("lazy_mlp", "[plain] The first layer is created with bias=False, so the net lacks the hidden bias (one parameter fewer than Linear(hidden)).", """
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden, bias=False), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "[mode] Inserts nn.Dropout(0.5) after the ReLU (the d2l MLP habit): identical in eval mode, but a freshly built net is in train mode and drops half the hidden units.", """
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Dropout(0.5), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "[gradient] A custom module that detaches its input 'so the caller's graph is not touched': parameters still get gradients, but no gradient reaches the input X.", """
        import torch
        from torch import nn

        class LazyMLPNet(nn.Module):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.hidden = nn.LazyLinear(hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                X = X.detach()
                return self.out(torch.relu(self.hidden(X)))

        def lazy_mlp(hidden=256, out_features=10):
            return LazyMLPNet(hidden, out_features)
    """),
    Mutant("lazy_mlp", "[netkind] Puts nn.Flatten() in front, which is invisible on (n, d) input but on (n, a, d) input gives a (hidden, a*d) weight and an (n, out) result instead of acting on the last axis.", """
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.Flatten(), nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "[random] Calls torch.manual_seed(0) 'for reproducibility': every net it builds has the identical output layer, and the user's global RNG is reset on each construction.", """
        import torch
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            torch.manual_seed(0)
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),

    # ------------------------------------------------------------ all_lazy_mlp
    Mutant("all_lazy_mlp", "[plain] Only the first layer is lazy: the output layer is an eager nn.Linear(hidden, out_features), which has materialized weights before the first call.", """
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("all_lazy_mlp", "[plain] Forgets the ReLU between the two lazy layers, so the net collapses to one linear map.", """
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.LazyLinear(out_features))
    """),
    Mutant("all_lazy_mlp", "[boundary] Swapped defaults (hidden=10, out_features=256): all_lazy_mlp() has a (10, d) first weight and 256 outputs.", """
        from torch import nn

        def all_lazy_mlp(hidden=10, out_features=256):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features))
    """),
    Mutant("all_lazy_mlp", "[netkind] Pre-materializes both lazy layers with a dry call on zeros(1, 20), so nothing is lazy any more and inputs of width d != 20 crash.", """
        import torch
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            net = nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features))
            with torch.no_grad():
                net(torch.zeros(1, 20))
            return net
    """),
    Mutant("all_lazy_mlp", "[repeat] Returns one module-level net built at the first call, so the second all_lazy_mlp() is the same object, already materialized for the first caller's d.", """
        from torch import nn

        _NET = []

        def all_lazy_mlp(hidden=256, out_features=10):
            if not _NET:
                _NET.append(nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features)))
            return _NET[0]
    """),
    Mutant("all_lazy_mlp", "[gradient] A custom module that takes the hidden activation's .data (the outdated d2l idiom), so no gradient reaches the first layer or the input.", """
        import torch
        from torch import nn

        class AllLazy(nn.Module):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.l1 = nn.LazyLinear(hidden)
                self.l2 = nn.LazyLinear(out_features)

            def forward(self, X):
                H = torch.relu(self.l1(X)).data
                return self.l2(H)

        def all_lazy_mlp(hidden=256, out_features=10):
            return AllLazy(hidden, out_features)
    """),
    Mutant("all_lazy_mlp", "[mode] Returns the net already switched to eval mode (net.eval()), whereas a freshly built module is in training mode.", """
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features)).eval()
    """),

    # ------------------------------------------------------------- materialize
    Mutant("materialize", "[mode] Switches the net to eval() for the dry run and never switches it back, so a training-mode net comes back in eval mode.", """
        import torch

        def materialize(net, in_features):
            net.eval()
            with torch.no_grad():
                net(torch.zeros(1, in_features))
            return net
    """),
    Mutant("materialize", "[gradient] Runs the dry pass under torch.inference_mode(): the weights are materialized as inference tensors, so any later training forward/backward raises.", """
        import torch

        def materialize(net, in_features):
            with torch.inference_mode():
                net(torch.zeros(1, in_features))
            return net
    """),
    Mutant("materialize", "[gradient] 'Checks' the net with a backward pass on the dry run, leaving a .grad on every parameter.", """
        import torch

        def materialize(net, in_features):
            net(torch.ones(1, in_features)).sum().backward()
            return net
    """),
    Mutant("materialize", "[netkind] Initializes each LazyLinear directly with an (1, in_features) input, which is right for the first lazy layer only: later lazy layers get in_features inputs instead of hidden ones.", """
        import torch
        from torch import nn

        def materialize(net, in_features):
            x = torch.zeros(1, in_features)
            for m in list(net.modules()):
                if isinstance(m, nn.modules.lazy.LazyModuleMixin) and m.has_uninitialized_params():
                    m.initialize_parameters(x)
            return net
    """),
    Mutant("materialize", "[type] Materializes a deep copy and returns the copy, so the net passed in stays lazy and the returned object is not net.", """
        import copy
        import torch

        def materialize(net, in_features):
            net = copy.deepcopy(net)
            with torch.no_grad():
                net(torch.zeros(1, in_features))
            return net
    """),
    Mutant("materialize", "[plain] The dry input is built as torch.zeros(in_features, 1) (axes swapped), so the first weight becomes (hidden, 1) instead of (hidden, in_features).", """
        import torch

        def materialize(net, in_features):
            with torch.no_grad():
                net(torch.zeros(in_features, 1))
            return net
    """),
    Mutant("materialize", "[repeat] After the dry run it calls reset_parameters() on every module, so materializing an already initialized (or trained) net throws its weights away.", """
        import torch

        def materialize(net, in_features):
            with torch.no_grad():
                net(torch.zeros(1, in_features))
            for m in net.modules():
                if hasattr(m, "reset_parameters"):
                    m.reset_parameters()
            return net
    """),
    Mutant("materialize", "[random] Seeds torch with in_features before the dry run, so every net materialized for the same width gets identical weights and the global RNG is reset.", """
        import torch

        def materialize(net, in_features):
            torch.manual_seed(in_features)
            with torch.no_grad():
                net(torch.zeros(1, in_features))
            return net
    """),
]

VARIANTS = [
    # ---------------------------------------------------------------- lazy_mlp
    Variant("lazy_mlp", "[style] A custom nn.Module that creates the output layer first and applies torch.relu functionally; the container and creation order are free, the forward order is the contract's.", """
        import torch
        from torch import nn

        class LazyMLP(nn.Module):
            def __init__(self, hidden=256, out_features=10):
                super().__init__()
                self.output = nn.Linear(hidden, out_features)
                self.hidden = nn.LazyLinear(hidden)

            def forward(self, X):
                return self.output(torch.relu(self.hidden(X)))

        def lazy_mlp(hidden=256, out_features=10):
            return LazyMLP(hidden, out_features)
    """),
    Variant("lazy_mlp", "[style] nn.Sequential from an OrderedDict with an in-place ReLU and a lazy output layer too (the contract lets later layers be either).", """
        from collections import OrderedDict
        from torch import nn

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(OrderedDict([
                ("hidden", nn.LazyLinear(out_features=hidden)),
                ("act", nn.ReLU(inplace=True)),
                ("out", nn.LazyLinear(out_features=out_features)),
            ]))
    """),
    Variant("lazy_mlp", "[style] Builds an empty nn.Sequential and appends the layers one by one, with an import-time binding of LazyLinear.", """
        from torch import nn
        from torch.nn import LazyLinear

        def lazy_mlp(hidden=256, out_features=10):
            net = nn.Sequential()
            for layer in (LazyLinear(hidden), nn.ReLU(), nn.Linear(in_features=hidden, out_features=out_features)):
                net.append(layer)
            return net
    """),

    # ------------------------------------------------------------ all_lazy_mlp
    Variant("all_lazy_mlp", "[style] A custom nn.Module holding both lazy layers in an nn.ModuleList created in reverse order, using F.relu; every linear layer is still lazy.", """
        import torch.nn.functional as F
        from torch import nn

        class AllLazyMLP(nn.Module):
            def __init__(self, hidden, out_features):
                super().__init__()
                out = nn.LazyLinear(out_features)
                first = nn.LazyLinear(hidden)
                self.layers = nn.ModuleList([first, out])

            def forward(self, X):
                first, out = self.layers
                return out(F.relu(first(X)))

        def all_lazy_mlp(hidden=256, out_features=10):
            return AllLazyMLP(hidden, out_features)
    """),
    Variant("all_lazy_mlp", "[style] Interleaves ReLUs between LazyLinear layers built from a widths list and drops the trailing activation: the same Linear, ReLU, Linear net.", """
        from torch import nn

        def all_lazy_mlp(hidden=256, out_features=10):
            layers = []
            for width in (hidden, out_features):
                layers += [nn.LazyLinear(width), nn.ReLU()]
            return nn.Sequential(*layers[:-1])
    """),

    # ------------------------------------------------------------- materialize
    Variant("materialize", "[style] Dry run with torch.set_grad_enabled(False) on a batch of 3 random rows; the values and batch size of a dry input do not matter, only its width.", """
        import torch

        def materialize(net, in_features):
            with torch.set_grad_enabled(False):
                _ = net(torch.randn(3, in_features))
            return net
    """),
    Variant("materialize", "[style] Puts every module in eval mode for the dry run and restores each module's own training flag afterwards, then returns the same object.", """
        import torch

        def materialize(net, in_features):
            modes = [(m, m.training) for m in net.modules()]
            net.eval()
            try:
                with torch.no_grad():
                    net(torch.ones((1, in_features)))
            finally:
                for m, mode in modes:
                    m.training = mode
            return net
    """),
    Variant("materialize", "[style] Skips the dry run when nothing is lazy any more (checked through LazyModuleMixin.has_uninitialized_params), so an already materialized net is left as it is.", """
        import torch
        from torch.nn.modules.lazy import LazyModuleMixin

        def materialize(net, in_features):
            pending = any(isinstance(m, LazyModuleMixin) and m.has_uninitialized_params()
                          for m in net.modules())
            if pending:
                with torch.no_grad():
                    net(torch.zeros(1, in_features))
            return net
    """),
]
