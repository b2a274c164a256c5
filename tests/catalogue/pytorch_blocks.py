"""Mutants and variants of pytorch/blocks.py (d2l 6.1 Layers and Modules)."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ MLP
    Mutant("MLP", "Keeps the layers in a plain Python list, so nn.Module never registers them.", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.layers = [nn.Linear(in_features, hidden), nn.Linear(hidden, out_features)]

            def forward(self, X):
                return self.layers[1](F.relu(self.layers[0](X)))
    """),
    Mutant("MLP", "Forgets the ReLU between the two layers.", """
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return self.out(self.hidden(X))
    """),
    Mutant("MLP", "Uses F.relu6 as 'a safer ReLU' (the TF blind batch 2's mistake): identical while the hidden "
                  "activations stay below 6.", """
        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return self.out(F.relu6(self.hidden(X)))
    """),
    Mutant("MLP", "Applies a ReLU to the output layer as well.", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                return F.relu(self.out(F.relu(self.hidden(X))))
    """),
    Mutant("MLP", "Uses .data of the weights in forward, so no gradient reaches the parameters.", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(in_features, hidden)
                self.out = nn.Linear(hidden, out_features)

            def forward(self, X):
                H = F.relu(F.linear(X, self.hidden.weight.data, self.hidden.bias.data))
                return F.linear(H, self.out.weight.data, self.out.bias.data)
    """),
    Mutant("MLP", "Hard-codes the book's sizes 20 and 256 instead of using the arguments.", """
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.hidden = nn.Linear(20, 256)
                self.out = nn.Linear(256, out_features)

            def forward(self, X):
                return self.out(F.relu(self.hidden(X)))
    """),
    # ------------------------------------------------------------------ MySequential
    Mutant("MySequential", "Keeps the blocks in a plain list, so they are not registered as children.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                self.blocks = list(blocks)

            def forward(self, X):
                for block in self.blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "Iterates self.children() in forward, which skips a block given twice (d2l).", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for idx, block in enumerate(blocks):
                    self.add_module(str(idx), block)

            def forward(self, X):
                for block in self.children():
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "Derives from nn.Sequential instead of writing the container on nn.Module.", """
        from torch import nn

        class MySequential(nn.Sequential):
            pass
    """),
    Mutant("MySequential", "Derives from nn.ModuleList and adds a forward.", """
        from torch import nn

        class MySequential(nn.ModuleList):
            def __init__(self, *blocks):
                super().__init__(blocks)

            def forward(self, X):
                for block in self:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "Stores the blocks in an nn.ModuleList attribute, giving keys like 'blocks.0.weight'.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                self.blocks = nn.ModuleList(blocks)

            def forward(self, X):
                for block in self.blocks:
                    X = block(X)
                return X
    """),
    Mutant("MySequential", "Feeds the input X to every block instead of chaining the outputs.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for idx, block in enumerate(blocks):
                    self.add_module(str(idx), block)
                self._blocks = list(blocks)

            def forward(self, X):
                out = X
                for block in self._blocks:
                    out = block(X)
                return out
    """),
    # ------------------------------------------------------------------ FixedHiddenMLP
    Mutant("FixedHiddenMLP", "Makes rand_weight an nn.Parameter with requires_grad=False instead of a buffer.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.rand_weight = nn.Parameter(torch.rand(20, 20), requires_grad=False)
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Keeps rand_weight a plain tensor attribute (the book): .to() and state_dict() miss it.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.rand_weight = torch.rand((20, 20), requires_grad=False)
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(torch.mm(X, self.rand_weight) + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Registers rand_weight with persistent=False, so it is missing from state_dict().", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand(20, 20), persistent=False)
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Forgets the halving loop.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand(20, 20))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Loops while X.sum() > 1 (no abs), so a negative sum is never halved.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand(20, 20))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Creates a second nn.Linear(20, 20) instead of reusing the first one.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand(20, 20))
                self.linear1 = nn.Linear(20, 20)
                self.linear2 = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear1(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear2(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Draws rand_weight with torch.randn (normal) instead of torch.rand (uniform).", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.randn(20, 20))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Forgets the + 1 inside the ReLU.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand(20, 20))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    # ------------------------------------------------------------------ NestMLP
    Mutant("NestMLP", "Forgets the ReLU after Linear(64, 32) inside the nested Sequential.", """
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32))
                self.linear = nn.Linear(32, 16)

            def forward(self, X):
                return self.linear(self.net(X))
    """),
    Mutant("NestMLP", "Keeps the inner layers in a plain list, so they are not registered.", """
        import torch.nn.functional as F
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.layers = [nn.Linear(20, 64), nn.Linear(64, 32)]
                self.linear = nn.Linear(32, 16)

            def forward(self, X):
                for layer in self.layers:
                    X = F.relu(layer(X))
                return self.linear(X)
    """),
    Mutant("NestMLP", "Puts a ReLU after the final Linear(32, 16) as well.", """
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(),
                                         nn.Linear(32, 16), nn.ReLU())

            def forward(self, X):
                return self.net(X)
    """),
    Mutant("NestMLP", "Creates the final Linear(32, 16) but forgets to apply it.", """
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
                self.linear = nn.Linear(32, 16)

            def forward(self, X):
                return self.net(X)
    """),
    # ------------------------------------------------------------------ chimera
    Mutant("chimera", "Leaves out the Linear(16, 20) between NestMLP and FixedHiddenMLP.", """
        from torch import nn

        def chimera():
            return nn.Sequential(NestMLP(), FixedHiddenMLP())
    """),
    Mutant("chimera", "Adds a ReLU after NestMLP, which the book's chimera does not have.", """
        from torch import nn

        def chimera():
            return nn.Sequential(NestMLP(), nn.ReLU(), nn.Linear(16, 20), FixedHiddenMLP())
    """),
    Mutant("chimera", "Builds the network once at import and returns that same object on every call.", """
        from torch import nn

        _CHIMERA = nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())

        def chimera():
            return _CHIMERA
    """),
    Mutant("chimera", "Passes the class FixedHiddenMLP instead of an instance FixedHiddenMLP().", """
        from torch import nn

        def chimera():
            return nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP)
    """),
    # ------------------------------------------------------------------ ParallelBlock
    Mutant("ParallelBlock", "Concatenates on dim 0 (the batch axis).", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net1(X), self.net2(X)], dim=0)
    """),
    Mutant("ParallelBlock", "Concatenates on dim 1, which is the last axis only for 2-D inputs.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net1(X), self.net2(X)], dim=1)
    """),
    Mutant("ParallelBlock", "Keeps the two nets in a plain list, so their parameters are not registered.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.nets = [net1, net2]

            def forward(self, X):
                return torch.cat([net(X) for net in self.nets], dim=-1)
    """),
    Mutant("ParallelBlock", "Concatenates net2's output before net1's.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1 = net1
                self.net2 = net2

            def forward(self, X):
                return torch.cat([self.net2(X), self.net1(X)], dim=-1)
    """),
    # ------------------------------------------------------------------ repeat_block
    Mutant("repeat_block", "Repeats one block object with [make_block()] * n (shared parameters).", """
        from torch import nn

        def repeat_block(make_block, n):
            return nn.Sequential(*[make_block()] * n)
    """),
    Mutant("repeat_block", "Deep-copies one block n times, so every copy starts with the same weights.", """
        import copy
        from torch import nn

        def repeat_block(make_block, n):
            block = make_block()
            return nn.Sequential(*[copy.deepcopy(block) for _ in range(n)])
    """),
    Mutant("repeat_block", "Returns an nn.ModuleList, which holds the blocks but has no forward.", """
        from torch import nn

        def repeat_block(make_block, n):
            return nn.ModuleList([make_block() for _ in range(n)])
    """),
    Mutant("repeat_block", "Off by one: range(1, n) makes only n - 1 blocks.", """
        from torch import nn

        def repeat_block(make_block, n):
            return nn.Sequential(*[make_block() for _ in range(1, n)])
    """),
    Mutant("repeat_block", "Returns a plain Python list of blocks instead of a module.", """
        def repeat_block(make_block, n):
            return [make_block() for _ in range(n)]
    """),
    Mutant("ParallelBlock", "Keeps the nets in an nn.ModuleList and concatenates on dim X.dim() - 1: X's last axis, which is the outputs' only while the nets keep X's rank (listed as a variant until blind batch 3 showed it).", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.branches = nn.ModuleList([net1, net2])

            def forward(self, X):
                return torch.concat([branch(X) for branch in self.branches], dim=X.dim() - 1)
    """),
]

VARIANTS = [
    Variant("MLP", "Creates the output layer before the hidden layer and applies an nn.ReLU module.", """
        import torch
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.output = nn.Linear(hidden, out_features)
                self.hidden = nn.Linear(in_features, hidden)
                self.act = nn.ReLU()

            def forward(self, X):
                return self.output(self.act(self.hidden(X)))
    """),
    Variant("MLP", "Holds its own nn.Parameters in nn.Linear's layout and calls F.linear.", """
        import math
        import torch
        import torch.nn.functional as F
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                b1, b2 = 1 / math.sqrt(in_features), 1 / math.sqrt(hidden)
                self.W1 = nn.Parameter(torch.empty(hidden, in_features).uniform_(-b1, b1))
                self.b1 = nn.Parameter(torch.empty(hidden).uniform_(-b1, b1))
                self.W2 = nn.Parameter(torch.empty(out_features, hidden).uniform_(-b2, b2))
                self.b2 = nn.Parameter(torch.empty(out_features).uniform_(-b2, b2))

            def forward(self, X):
                return F.linear(F.relu(F.linear(X, self.W1, self.b1)), self.W2, self.b2)
    """),
    Variant("MLP", "Wraps the layers in one nn.Sequential attribute.", """
        from torch import nn

        class MLP(nn.Module):
            def __init__(self, in_features=20, hidden=256, out_features=10):
                super().__init__()
                self.body = nn.Sequential(nn.Linear(in_features, hidden), nn.ReLU(), nn.Linear(hidden, out_features))

            def forward(self, X):
                return self.body(X)
    """),
    Variant("MySequential", "Assigns into self._modules by index and iterates its values (d2l's first edition).", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for idx, block in enumerate(blocks):
                    self._modules[str(idx)] = block

            def forward(self, X):
                for block in self._modules.values():
                    X = block(X)
                return X
    """),
    Variant("MySequential", "Registers each block with setattr and looks them up by index in forward.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                self.count = len(blocks)
                for i, block in enumerate(blocks):
                    setattr(self, str(i), block)

            def forward(self, X):
                for i in range(self.count):
                    X = getattr(self, str(i))(X)
                return X
    """),
    Variant("FixedHiddenMLP", "Creates the Linear before the buffer and uses torch.mm, torch.relu and X = X / 2.", """
        import torch
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.linear = nn.Linear(20, 20)
                self.register_buffer("rand_weight", torch.rand(20, 20))

            def forward(self, X):
                X = self.linear(X)
                X = torch.relu(torch.mm(X, self.rand_weight) + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X = X / 2
                return X.sum()
    """),
    Variant("FixedHiddenMLP", "Declares the constant with nn.Buffer and calls F.linear on the layer's parameters.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.rand_weight = nn.Buffer(torch.rand(20, 20))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                W, b = self.linear.weight, self.linear.bias
                X = F.relu(F.linear(X, W, b) @ self.rand_weight + 1)
                X = F.linear(X, W, b)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Variant("NestMLP", "Three Linear attributes and F.relu instead of a nested Sequential.", """
        import torch.nn.functional as F
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.out = nn.Linear(32, 16)
                self.l1 = nn.Linear(20, 64)
                self.l2 = nn.Linear(64, 32)

            def forward(self, X):
                return self.out(F.relu(self.l2(F.relu(self.l1(X)))))
    """),
    Variant("NestMLP", "One Sequential holding the inner Sequential and the last Linear.", """
        from torch import nn

        class NestMLP(nn.Module):
            def __init__(self):
                super().__init__()
                inner = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
                self.net = nn.Sequential(inner, nn.Linear(32, 16))

            def forward(self, X):
                return self.net(X)
    """),
    Variant("ParallelBlock", "Registers the nets with add_module under other names and passes dim positionally.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.add_module("left", net1)
                self.add_module("right", net2)

            def forward(self, X):
                return torch.cat((self.left(X), self.right(X)), -1)
    """),
    Variant("repeat_block", "Builds the chain with the module's own MySequential.", """
        def repeat_block(make_block, n):
            return MySequential(*[make_block() for _ in range(n)])
    """),
    Variant("repeat_block", "Adds the blocks one by one to an empty nn.Sequential with add_module.", """
        from torch import nn

        def repeat_block(make_block, n):
            net = nn.Sequential()
            for i in range(n):
                net.add_module(f"block{i}", make_block())
            return net
    """),
]

# ---------------------------------------------------------------- issue 11: classes that escaped a blind batch
MUTANTS += [
    Mutant("MySequential", "Runs its blocks under torch.no_grad(): right values, no gradient anywhere.", """
        import torch
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for i, b in enumerate(blocks):
                    self.add_module(str(i), b)

            def forward(self, X):
                with torch.no_grad():
                    for b in self._modules.values():
                        X = b(X)
                return X
    """),
    Mutant("MySequential", "Runs its blocks in sorted() key order: '10' before '2' once there are 11 blocks.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for i, b in enumerate(blocks):
                    self.add_module(str(i), b)

            def forward(self, X):
                for key in sorted(self._modules):
                    X = self._modules[key](X)
                return X
    """),
    Mutant("MySequential", "Skips its last block from the second call on.", """
        from torch import nn

        class MySequential(nn.Module):
            def __init__(self, *blocks):
                super().__init__()
                for i, b in enumerate(blocks):
                    self.add_module(str(i), b)
                self.calls = 0

            def forward(self, X):
                self.calls += 1
                blocks = list(self._modules.values())
                for b in blocks if self.calls == 1 else blocks[:-1]:
                    X = b(X)
                return X
    """),
    Mutant("chimera", "Builds the chimera on MySequential, so chimera()[0] is not its NestMLP.", """
        from torch import nn

        def chimera():
            return MySequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())
    """),
    Mutant("FixedHiddenMLP", "rand_weight is a fixed grid (arange / 400), the same in every instance.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.arange(400, dtype=torch.float32).reshape(20, 20) / 400)
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
    Mutant("FixedHiddenMLP", "Bounds the halving loop at 20 iterations.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand(20, 20))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                X = self.linear(X)
                X = F.relu(X @ self.rand_weight + 1)
                X = self.linear(X)
                for _ in range(20):
                    if X.abs().sum() <= 1:
                        break
                    X /= 2
                return X.sum()
    """),
    Mutant("ParallelBlock", "Runs its children(): given the same net twice, it concatenates one output only.", """
        import torch
        from torch import nn

        class ParallelBlock(nn.Module):
            def __init__(self, net1, net2):
                super().__init__()
                self.net1, self.net2 = net1, net2

            def forward(self, X):
                return torch.cat([net(X) for net in self.children()], dim=-1)
    """),
    Mutant("repeat_block", "repeat_block(f, 0) still makes one block (range(max(n, 1))).", """
        from torch import nn

        def repeat_block(make_block, n):
            return nn.Sequential(*[make_block() for _ in range(max(n, 1))])
    """),
]

VARIANTS += [
    Variant("FixedHiddenMLP", "Casts rand_weight to the input's dtype first, so it is used before the Linear.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class FixedHiddenMLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("rand_weight", torch.rand(20, 20))
                self.linear = nn.Linear(20, 20)

            def forward(self, X):
                W = self.rand_weight.to(X.dtype)
                X = self.linear(X)
                X = F.relu(X @ W + 1)
                X = self.linear(X)
                while X.abs().sum() > 1:
                    X /= 2
                return X.sum()
    """),
]
