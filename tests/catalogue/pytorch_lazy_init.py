"""Catalogue for pytorch/lazy_init.py: lazy_mlp, all_lazy_mlp, materialize."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # lazy_mlp
    Mutant("lazy_mlp", "The first layer is nn.Linear(20, hidden): its input size is fixed, not inferred.", """
        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.Linear(20, hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "hidden and out_features are swapped.", """
        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(out_features), nn.ReLU(), nn.Linear(out_features, hidden))
    """),
    Mutant("lazy_mlp", "The ReLU between the two layers is missing.", """
        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "The second layer hard-codes the book's 256 inputs instead of hidden.", """
        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(256, out_features))
    """),
    Mutant("lazy_mlp", "The net is materialized on a 20-wide dummy batch before it is returned.", """
        def lazy_mlp(hidden=256, out_features=10):
            net = nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
            with torch.no_grad():
                net(torch.zeros(1, 20))
            return net
    """),
    Mutant("lazy_mlp", "The arguments have no defaults, so lazy_mlp() raises.", """
        def lazy_mlp(hidden, out_features):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("lazy_mlp", "The defaults are swapped: hidden=10, out_features=256.", """
        def lazy_mlp(hidden=10, out_features=256):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    # all_lazy_mlp
    Mutant("all_lazy_mlp", "Only the first layer is lazy (the lazy_mlp answer copied).", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.Linear(hidden, out_features))
    """),
    Mutant("all_lazy_mlp", "The first layer is nn.Linear(20, hidden); only the last is lazy.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.Linear(20, hidden), nn.ReLU(), nn.LazyLinear(out_features))
    """),
    Mutant("all_lazy_mlp", "The ReLU between the two lazy layers is missing.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.LazyLinear(out_features))
    """),
    Mutant("all_lazy_mlp", "An extra ReLU is applied to the output.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(hidden), nn.ReLU(), nn.LazyLinear(out_features), nn.ReLU())
    """),
    Mutant("all_lazy_mlp", "hidden and out_features are swapped.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(nn.LazyLinear(out_features), nn.ReLU(), nn.LazyLinear(hidden))
    """),
    # materialize
    Mutant("materialize", "The dry run happens but net is not returned.", """
        def materialize(net, in_features):
            with torch.no_grad():
                net(torch.zeros(1, in_features))
    """),
    Mutant("materialize", "The dummy batch is shaped (in_features, 1) instead of (1, in_features).", """
        def materialize(net, in_features):
            with torch.no_grad():
                net(torch.zeros(in_features, 1))
            return net
    """),
    Mutant("materialize", "It returns the dry run's output instead of the net.", """
        def materialize(net, in_features):
            with torch.no_grad():
                return net(torch.zeros(1, in_features))
    """),
    Mutant("materialize", "Only the first layer is initialized (net[0].initialize_parameters).", """
        def materialize(net, in_features):
            net[0].initialize_parameters(torch.zeros(1, in_features))
            return net
    """),
    Mutant("materialize", "The dry run is followed by a backward pass that leaves gradients behind.", """
        def materialize(net, in_features):
            net(torch.zeros(1, in_features)).sum().backward()
            return net
    """),
    Mutant("materialize", "The dry run under torch.inference_mode() makes inference-only weights autograd refuses.", """
        def materialize(net, in_features):
            with torch.inference_mode():
                net(torch.zeros(1, in_features))
            return net
    """),
]

VARIANTS = [
    Variant("lazy_mlp", "A custom nn.Module that creates the output layer first and applies F.relu in forward.", """
        from torch.nn import functional as F

        class _LazyMLP(nn.Module):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.out = nn.Linear(hidden, out_features)
                self.hidden = nn.LazyLinear(hidden)

            def forward(self, X):
                return self.out(F.relu(self.hidden(X)))

        def lazy_mlp(hidden=256, out_features=10):
            return _LazyMLP(hidden, out_features)
    """),
    Variant("lazy_mlp", "Every layer lazy, named through an OrderedDict (the contract allows either for later layers).", """
        from collections import OrderedDict

        def lazy_mlp(hidden=256, out_features=10):
            return nn.Sequential(OrderedDict([("hidden", nn.LazyLinear(hidden)), ("act", nn.ReLU()),
                                              ("out", nn.LazyLinear(out_features))]))
    """),
    Variant("all_lazy_mlp", "A custom nn.Module holding a ModuleList of LazyLinear layers and torch.relu.", """
        class _AllLazy(nn.Module):
            def __init__(self, hidden, out_features):
                super().__init__()
                self.layers = nn.ModuleList([nn.LazyLinear(hidden), nn.LazyLinear(out_features)])

            def forward(self, X):
                return self.layers[1](torch.relu(self.layers[0](X)))

        def all_lazy_mlp(hidden=256, out_features=10):
            return _AllLazy(hidden, out_features)
    """),
    Variant("all_lazy_mlp", "Layers added one by one with add_module, nn.LazyLinear with bias spelled out.", """
        def all_lazy_mlp(hidden=256, out_features=10):
            net = nn.Sequential()
            net.add_module("first", nn.LazyLinear(hidden, bias=True))
            net.add_module("relu", nn.ReLU())
            net.add_module("second", nn.LazyLinear(out_features, bias=True))
            return net
    """),
    Variant("materialize", "Switches to eval mode for the dry run (safe with BatchNorm) and restores the mode.", """
        def materialize(net, in_features):
            was_training = net.training
            net.eval()
            with torch.no_grad():
                net(torch.randn(2, in_features))
            net.train(was_training)
            return net
    """),
    Variant("materialize", "A dry run without no_grad (no backward, so no gradients) on a batch of ones.", """
        def materialize(net, in_features):
            net(torch.ones(3, in_features))
            return net
    """),
]

# ---------------------------------------------------------------- issue 11: classes that escaped a blind batch
MUTANTS += [
    Mutant("materialize", "Does the dry run in eval mode and leaves the net there.", """
        import torch

        def materialize(net, in_features):
            net.eval()
            with torch.no_grad():
                net(torch.zeros(1, in_features))
            return net
    """),
    Mutant("materialize", "Only handles nn.Sequential: runs the dry input through `for layer in net`.", """
        import torch

        def materialize(net, in_features):
            X = torch.zeros(1, in_features)
            with torch.no_grad():
                for layer in net:
                    X = layer(X)
            return net
    """),
]
