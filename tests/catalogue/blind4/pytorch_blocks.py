"""Blind batch 4: mutants and variants of pytorch/blocks.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ MLP
    Mutant("MLP", "[plain] Uses F.softplus(h, beta=100) as 'a differentiable ReLU': it matches relu to within exp(-100|h|)/100 away from 0, but every hidden unit near 0 is off by up to log(2)/100, so forward is not out(relu(hidden(X))).", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return self.out(F.softplus(self.hidden(X), beta=100))
    """),
    Mutant("MLP", "[grad] Converts the input with torch.tensor(X, dtype=...) 'so lists and numpy arrays work too': that copies and detaches a tensor input, so the output has no gradient with respect to X (parameters still get theirs).", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                X = torch.tensor(X, dtype=self.hidden.weight.dtype, device=self.hidden.weight.device)
                return self.out(F.relu(self.hidden(X)))
    """),

    # ------------------------------------------------------------------ MySequential
    Mutant("MySequential", "[mode] Runs the blocks under torch.no_grad() when the container is in eval mode ('eval means inference'): outputs are right, but after net.eval() nothing gets a gradient, unlike nn.Sequential.", """
        import torch
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for i, block in enumerate(blocks):
                    self.add_module(str(i), block)
                self._blocks = tuple(blocks)

            def forward(self, X):
                with torch.set_grad_enabled(self.training and torch.is_grad_enabled()):
                    for block in self._blocks:
                        X = block(X)
                return X
    """),

    # ------------------------------------------------------------------ FixedHiddenMLP
    Mutant("FixedHiddenMLP", "[boundary] Replaces the halving loop by one division by 2 ** ceil(log2(sum|X|)): the same for sums above 1/2, but a sum already at or below 1/2 gets multiplied up (a negative exponent) instead of left alone.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand((20, 20)))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                k = int(torch.ceil(torch.log2(X.abs().sum())).item())
                X = X / 2 ** k
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "[shape] Sums with keepdim=True over every axis 'so the result is still a batch': the value is right but the result has shape (1, 1) (or (1, 1, 1) for rank 3), not the 0-d scalar X.sum().", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand((20, 20)))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum(dim=tuple(range(X.dim())), keepdim=True)
    """),

    # ------------------------------------------------------------------ NestMLP
    Mutant("NestMLP", "[boundary] Returns an empty input unchanged ('nothing to compute'), so a zero-size batch (0, 20) comes back as (0, 20) instead of (0, 16).", """
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
                self.linear = nn.Linear(32, 16)

            def forward(self, X):
                if X.numel() == 0:
                    return X
                return self.linear(self.net(X))
    """),

    # ------------------------------------------------------------------ chimera
    Mutant("chimera", "[type] Writes the NestMLP part inline as nn.Sequential(Linear(20, 64), ReLU, Linear(64, 32), ReLU, Linear(32, 16)): the same function, but chimera()[0] is a plain Sequential, not a NestMLP.", """
        from torch import nn

        def chimera():
            nest = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16))
            return nn.Sequential(nest, nn.Linear(16, 20), FixedHiddenMLP())
    """),

    # ------------------------------------------------------------------ ParallelBlock
    Mutant("ParallelBlock", "[dtype] Casts both branch outputs with .float() before torch.cat ('cat needs one dtype'): fine for float32 nets, but float64 (net.double()) branches come back rounded to float32.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net1(X).float(), self.net2(X).float()], dim=-1)
    """),

    # ------------------------------------------------------------------ repeat_block
    Mutant("repeat_block", "[random] Builds every block under torch.random.fork_rng() with manual_seed(0) 'so the caller's RNG is untouched': make_block() is called n times, but all n blocks start with identical parameters.", """
        import torch
        from torch import nn

        def repeat_block(make_block, n):
            blocks = []
            for _ in range(n):
                with torch.random.fork_rng():
                    torch.manual_seed(0)
                    blocks.append(make_block())
            return nn.Sequential(*blocks)
    """),
]

VARIANTS = [
    Variant("MLP", "[style] Flattens the leading axes, applies torch.addmm for both layers and restores the leading axes: the same as nn.Linear for 1-D, 2-D, rank-3 and empty inputs.", """
        import torch
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                lead = X.shape[:-1]
                X2 = X.reshape(-1, X.shape[-1])
                h = torch.addmm(self.hidden.bias, X2, self.hidden.weight.t()).clamp_min(0)
                y = torch.addmm(self.out.bias, h, self.out.weight.t())
                return y.reshape(*lead, y.shape[-1])
    """),
    Variant("MySequential", "[style] Registers with add_module(str(i)) and loops over range(len(self._modules)) looking each block up by its string key: numeric order, and a block given twice sits under both keys.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for i, block in enumerate(blocks):
                    self.add_module(str(i), block)

            def forward(self, X):
                for i in range(len(self._modules)):
                    X = self._modules[str(i)](X)
                return X
    """),
]
