"""Blind batch 2: mutants and variants of pytorch/blocks.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ---------------------------------------------------------------- MLP
    Mutant("MLP", "[netkind] The hidden layer is nn.LazyLinear(hidden), ignoring in_features: before the first call it is not a Linear(in_features, hidden) and has no materialized weight.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.LazyLinear(hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return self.out(F.relu(self.hidden(X)))
    """),
    Mutant("MLP", "[boundary] The signature is MLP(hidden=256, in_features=20, out_features=10): the defaults work, but positional MLP(5, 7, 3) builds Linear(7, 5) and fails on (n, 5) input.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MLP(nn.Module):
            def __init__(self, hidden=256, in_features=20, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return self.out(F.relu(self.hidden(X)))
    """),
    Mutant("MLP", "[gradient] Computes the hidden layer under torch.no_grad() ('it is only a feature extractor'), so neither the hidden weight and bias nor the input get a gradient.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                with torch.no_grad():
                    h = F.relu(self.hidden(X))
                return self.out(h)
    """),
    Mutant("MLP", "[plain] The output layer is nn.Linear(hidden, out_features, bias=False), so the second layer lacks its bias and out(h) misses the offset.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features, bias=False)

            def forward(self, X):
                return self.out(F.relu(self.hidden(X)))
    """),

    # ------------------------------------------------------------ MySequential
    Mutant("MySequential", "[repeat] Keeps the blocks in a class-level list that every instance appends to, so a second MySequential also runs the first one's blocks.", """
        import torch
        from torch import nn

        class MySequential(nn.Module):
            _blocks = []

            def __init__(self, *blocks):
                super().__init__()
                for i, block in enumerate(blocks):
                    self.add_module(str(i), block)
                    self._blocks.append(block)

            def forward(self, X):
                for block in self._blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[boundary] Registers the blocks under '1', '2', ... (counting from 1), so state_dict() keys are '1.weight', ... instead of nn.Sequential's '0.weight', ...", """
        import torch
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for i, block in enumerate(blocks, start=1):
                    self.add_module(str(i), block)
                self._blocks = tuple(blocks)

            def forward(self, X):
                for block in self._blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[netkind] Deep-copies every block on registration 'to avoid side effects', so the container's parameters are not the caller's blocks and a block given twice becomes two independent blocks.", """
        import copy
        import torch
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                copies = [copy.deepcopy(b) for b in blocks]
                for i, block in enumerate(copies):
                    self.add_module(str(i), block)
                self._blocks = tuple(copies)

            def forward(self, X):
                for block in self._blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "[type] Converts the input with torch.as_tensor(X, dtype=torch.float32) first, so after .double() a float64 input fails (and integer/complex inputs are silently cast).", """
        import torch
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for i, block in enumerate(blocks):
                    self.add_module(str(i), block)
                self._blocks = tuple(blocks)

            def forward(self, X):
                X = torch.as_tensor(X, dtype=torch.float32)
                for block in self._blocks:
                    X = block(X)
                return X
    """),

    # ------------------------------------------------------------ FixedHiddenMLP
    Mutant("FixedHiddenMLP", "[plain] Multiplies by rand_weight transposed (X @ rand_weight.T), a different product for a non-symmetric uniform matrix.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand((20, 20)))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight.T + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "[plain] The loop tests X.abs().max() > 1 instead of X.abs().sum() > 1, so it stops halving far too early.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand((20, 20)))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().max() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "[plain] Adds the 1 after the ReLU (relu(X @ rand_weight) + 1) instead of inside it.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand((20, 20)))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight) + 1
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "[type] Returns X.sum(dim=1), one value per example, instead of the scalar X.sum().", """
        import torch
        from torch import nn
        from torch.nn import functional as F

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
                return X.sum(dim=1)
    """),

    # ---------------------------------------------------------------- NestMLP
    Mutant("NestMLP", "[plain] The inner Sequential starts with the ReLU (ReLU, Linear(20, 64), ReLU, Linear(64, 32)), so the input is rectified and the last hidden layer is not.", """
        import torch
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.ReLU(), nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32))
                self.linear = nn.Linear(32, 16)

            def forward(self, X):
                return self.linear(self.net(X))
    """),
    Mutant("NestMLP", "[plain] Uses nn.LeakyReLU ('never dies') instead of nn.ReLU in the inner net, so negative pre-activations leak through.", """
        import torch
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(20, 64), nn.LeakyReLU(), nn.Linear(64, 32), nn.LeakyReLU())
                self.linear = nn.Linear(32, 16)

            def forward(self, X):
                return self.linear(self.net(X))
    """),
    Mutant("NestMLP", "[plain] The final layer is nn.Linear(32, 16, bias=False), so the output layer has no bias parameter.", """
        import torch
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
                self.linear = nn.Linear(32, 16, bias=False)

            def forward(self, X):
                return self.linear(self.net(X))
    """),

    # ---------------------------------------------------------------- chimera
    Mutant("chimera", "[type] Returns an nn.ModuleList of the three parts: chimera()[0] is the NestMLP, but the container cannot be called on an input.", """
        import torch
        from torch import nn

        def chimera():
            return nn.ModuleList([NestMLP(), nn.Linear(16, 20), FixedHiddenMLP()])
    """),
    Mutant("chimera", "[repeat] Takes the FixedHiddenMLP as a default argument, built once at import, so every chimera() shares one FixedHiddenMLP (its Linear and rand_weight).", """
        import torch
        from torch import nn

        def chimera(_fixed=FixedHiddenMLP()):
            return nn.Sequential(NestMLP(), nn.Linear(16, 20), _fixed)
    """),
    Mutant("chimera", "[plain] Groups NestMLP and the Linear(16, 20) in an inner Sequential, so chimera()[0] is that Sequential and chimera() has two parts, not three.", """
        import torch
        from torch import nn

        def chimera():
            return nn.Sequential(nn.Sequential(NestMLP(), nn.Linear(16, 20)), FixedHiddenMLP())
    """),

    # ------------------------------------------------------------ ParallelBlock
    Mutant("ParallelBlock", "[plain] Adds the two outputs (net1(X) + net2(X)) instead of concatenating them on the last axis.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return self.net1(X) + self.net2(X)
    """),
    Mutant("ParallelBlock", "[gradient] Feeds net2 a detached copy of X ('the branches must not interfere'), so the gradient to the input comes from net1 only.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net1(X), self.net2(X.detach())], dim=-1)
    """),
    Mutant("ParallelBlock", "[netkind] When given the same net twice it deep-copies the second one, so ParallelBlock(net, net) holds two independent parameter sets instead of one shared net.", """
        import copy
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = copy.deepcopy(net2) if net2 is net1 else net2

            def forward(self, X):
                return torch.cat([self.net1(X), self.net2(X)], dim=-1)
    """),

    # ------------------------------------------------------------ repeat_block
    Mutant("repeat_block", "[netkind] Splices the layers of each fresh block into one flat nn.Sequential: same output for Sequential blocks, but len() is wrong and a non-iterable block such as nn.Linear raises.", """
        import torch
        from torch import nn

        def repeat_block(make_block, n):
            layers = []
            for _ in range(n):
                layers.extend(make_block())
            return nn.Sequential(*layers)
    """),
    Mutant("repeat_block", "[game] Makes at most 4 fresh blocks and cycles through them ('to save memory'), so for n > 4 blocks i and i + 4 are the same object.", """
        import torch
        from torch import nn

        def repeat_block(make_block, n):
            pool = [make_block() for _ in range(min(n, 4))]
            return nn.Sequential(*(pool[i % 4] for i in range(n)))
    """),
    Mutant("repeat_block", "[boundary] For n = 0 returns nn.Sequential(nn.Identity()), which returns its input but is not empty (len 1).", """
        import torch
        from torch import nn

        def repeat_block(make_block, n):
            if n == 0:
                return nn.Sequential(nn.Identity())
            return nn.Sequential(*(make_block() for _ in range(n)))
    """),
]

VARIANTS = [
    Variant("MySequential", "[style] Registers through self._modules and folds the input with functools.reduce over list(self._modules.values()) read at call time, which keeps a block given twice under both keys.", """
        import functools
        import torch
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for idx, blk in enumerate(blocks):
                    self._modules[str(idx)] = blk

            def forward(self, X):
                return functools.reduce(lambda acc, blk: blk(acc), list(self._modules.values()), X)
    """),
    Variant("FixedHiddenMLP", "[style] Fills the buffer with torch.empty(...).uniform_(0, 1) and halves with X = X * 0.5 under an .item() test; multiplying by 0.5 is exactly dividing by 2.", """
        import torch
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.linear = nn.Linear(20, 20)
                self.register_buffer("rand_weight", torch.empty(20, 20).uniform_(0, 1))

            def forward(self, X):
                X = self.linear(X)
                X = torch.relu(torch.matmul(X, self.rand_weight) + 1)
                X = self.linear(X)
                while (X.abs().sum() > 1).item():
                    X = X * 0.5
                return torch.sum(X)
    """),
    Variant("ParallelBlock", "[style] torch.concatenate with the numpy-style axis=-1 keyword, the nets held in an nn.ModuleDict in insertion order.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.branches = nn.ModuleDict({"first": net1, "second": net2})

            def forward(self, X):
                return torch.concatenate([self.branches["first"](X), self.branches["second"](X)], axis=-1)
    """),
    Variant("repeat_block", "[style] nn.Sequential(*map(lambda _: make_block(), range(n))): one fresh call per index, an empty Sequential for n = 0.", """
        import torch
        from torch import nn

        def repeat_block(make_block, n):
            return nn.Sequential(*map(lambda _: make_block(), range(n)))
    """),
]


# ---- judged after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[boundary] For n = 0 returns nn.Sequential(nn.Identity())":
        "it returns its input with no parameters, as the contract asks of n = 0; the TensorFlow track holds an "
        "Identity there too (an empty keras.Sequential cannot be called), and no user-visible behaviour differs",
})
