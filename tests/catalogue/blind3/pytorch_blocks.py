"""Blind batch 3: mutants and variants of pytorch/blocks.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ MLP
    Mutant("MLP", "[boundary] Hard-codes d2l's example width, nn.Linear(20, hidden), ignoring in_features: MLP() works, but MLP(5) fails on (n, 5) input.", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(20, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return self.out(F.relu(self.hidden(X)))
    """),
    Mutant("MLP", "[mode] Adds F.dropout(h, 0.5, self.training) on the hidden activations: exact after net.eval(), but a fresh (training-mode) MLP randomly zeroes and rescales half the hidden units.", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                h = F.relu(self.hidden(X))
                h = F.dropout(h, 0.5, self.training)
                return self.out(h)
    """),
    Mutant("MLP", "[plain] Uses F.relu6 ('a bounded ReLU'): identical while hidden pre-activations stay below 6, but inputs that are large enough are clipped, so forward is not out(relu(hidden(X))).", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return self.out(F.relu6(self.hidden(X)))
    """),

    # ------------------------------------------------------------------ MySequential
    Mutant("MySequential", "[type] Derives from nn.Sequential (super().__init__(*blocks)) and overrides forward: keys and behaviour match, but the contract requires a class derived from nn.Module directly.", """
        from torch import nn

        class MySequential(nn.Sequential):
            def __init__(self, *blocks):
                super().__init__(*blocks)
                self._blocks = tuple(blocks)

            def forward(self, X):
                for block in self._blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[netkind] 'Flattens' nested nn.Sequential blocks into their children on registration: the same function, but state_dict() keys ('0.weight' for an inner '0.0.weight') differ from nn.Sequential(*blocks)'s.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                flat = []
                for block in blocks:
                    if isinstance(block, nn.Sequential):
                        flat.extend(block)
                    else:
                        flat.append(block)
                for i, block in enumerate(flat):
                    self.add_module(str(i), block)
                self._blocks = tuple(flat)

            def forward(self, X):
                for block in self._blocks:
                    X = block(X)
                return X
    """),

    # ------------------------------------------------------------------ FixedHiddenMLP
    Mutant("FixedHiddenMLP", "[plain] Returns X.mean() instead of X.sum() after the halving loop, so the scalar is n * 20 times too small for an (n, 20) input.", """
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
                return X.mean()
    """),
    Mutant("FixedHiddenMLP", "[random] Draws rand_weight with torch.randn (standard normal, with negative entries) instead of torch.rand (uniform on [0, 1)).", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.randn((20, 20)))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "[plain] Registers rand_weight with persistent=False ('it is not learned'): it still moves with .to(), but it is missing from state_dict(), so a saved and reloaded block gets a different constant.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand((20, 20)), persistent=False)
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),

    # ------------------------------------------------------------------ NestMLP
    Mutant("NestMLP", "[plain] Uses nn.GELU ('the modern ReLU') in the inner Sequential: close to ReLU for large |x|, but different for every pre-activation near 0 and negative ones leak.", """
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(20, 64), nn.GELU(), nn.Linear(64, 32), nn.GELU())
                self.linear = nn.Linear(32, 16)

            def forward(self, X):
                return self.linear(self.net(X))
    """),

    # ------------------------------------------------------------------ chimera
    Mutant("chimera", "[netkind] The middle layer is nn.LazyLinear(20) ('its input size is obvious'): before the first call it holds an uninitialized weight, not a Linear(16, 20) with (20, 16) parameters.", """
        from torch import nn

        def chimera():
            return nn.Sequential(NestMLP(), nn.LazyLinear(20), FixedHiddenMLP())
    """),

    # ------------------------------------------------------------------ ParallelBlock
    Mutant("ParallelBlock", "[plain] Copy-paste slip: concatenates net1(X) with net1(X) again, so net2 is registered but never used (invisible when both nets compute the same thing).", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net1(X), self.net1(X)], dim=-1)
    """),
    Mutant("ParallelBlock", "[gradient] Detaches net2's output before concatenating ('only net1 is trained here'): the values are right, but net2's parameters never get a gradient and the input gets net1's part only.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net1(X), self.net2(X).detach()], dim=-1)
    """),

    # ------------------------------------------------------------------ repeat_block
    Mutant("repeat_block", "[plain] Builds the blocks with map(make_block, range(n)), which calls make_block(i) with an index, so a zero-argument make_block (the contract's make_block()) raises TypeError for n >= 1.", """
        from torch import nn

        def repeat_block(make_block, n):
            return nn.Sequential(*map(make_block, range(n)))
    """),
    Mutant("repeat_block", "[plain] Calls make_block() once and copy.copy()s it for the other blocks: the blocks are distinct objects, but a shallow copy shares the parameter dict, so all n blocks use the same Parameters.", """
        import copy
        from torch import nn

        def repeat_block(make_block, n):
            if n == 0:
                return nn.Sequential()
            first = make_block()
            return nn.Sequential(first, *(copy.copy(first) for _ in range(n - 1)))
    """),
    Mutant("ParallelBlock", "[netkind] Concatenates on the input's last axis (dim=X.dim() - 1) instead of the outputs': the same whenever net1 and net2 keep the input's rank, wrong (or raising) when they change it, e.g. nets that flatten a (n, t, d) input.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net1(X), self.net2(X)], dim=X.dim() - 1)
    """),
]

VARIANTS = [
    Variant("MLP", "[style] Keeps the two Linear layers inside one inner nn.Sequential(Linear, ReLU, Linear); the container is free and the forward is still out(relu(hidden(X))).", """
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.body = nn.Sequential(
                    nn.Linear(in_features, hidden), nn.ReLU(), nn.Linear(hidden, out_features)
                )

            def forward(self, X):
                return self.body(X)
    """),
    Variant("repeat_block", "[style] Starts from an empty nn.Sequential and extend()s it with a generator of fresh make_block() calls (n independent blocks; empty for n = 0).", """
        from torch import nn

        def repeat_block(make_block, n):
            net = nn.Sequential()
            net.extend(make_block() for _ in range(n))
            return net
    """),
]
