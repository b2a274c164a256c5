"""Blind batch 3: mutants and variants of pytorch/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("named_shapes", "[type] Returns a dict {name: shape} instead of the list of (name, shape) pairs (same order, but not a list and no pairs to unpack by index).", """
        def named_shapes(net):
            return {name: tuple(p.shape) for name, p in net.named_parameters()}
    """),
    Mutant("init_normal", "[random] Calls nn.init.normal_(weight, 0.01) meaning 'std 0.01', but the second positional argument is the mean: the weight is N(0.01, 1).", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.normal_(module.weight, 0.01)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_xavier", "[random] Uses nn.init.kaiming_uniform_ ('He and Xavier are the same'): bound sqrt(6 / fan_in) instead of sqrt(6 / (fan_in + fan_out)), too wide on every layer.", """
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.kaiming_uniform_(module.weight)
    """),
    Mutant("init_42", "[netkind] Only fills weights that require grad ('a frozen layer is pretrained, leave it'), so a frozen nn.Linear keeps its old weight instead of getting 42.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear) and module.weight.requires_grad:
                with torch.no_grad():
                    nn.init.constant_(module.weight, 42.0)
    """),
    Mutant("my_init", "[plain] Masks with w < 5 instead of |w| < 5, so every negative entry is zeroed as well and no weight is ever negative.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(-10, 10)
                    w *= w >= 5
    """),
    Mutant("tied_net", "[plain] Drops the ReLU after the second shared use: Sequential(Linear, ReLU, shared, ReLU, shared, Linear(w, 1)), six layers instead of seven and a different function.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared,
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[plain] The shared layer is nn.Linear(width, width, bias=False) ('tying the weight is enough'), so the shared layer has no bias parameter.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width, bias=False)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("layer_state", "[netkind] Filters net.state_dict() by the key prefix f'{i}.' and strips it: right for flat nets, but for named children (block2's 'block 1.0.weight') or a negative i nothing matches and it returns {}.", """
        def layer_state(net, i):
            prefix = f"{i}."
            return {k[len(prefix):]: v for k, v in net.state_dict().items() if k.startswith(prefix)}
    """),
    Mutant("set_manually", "[plain] Sets the whole first column to 42 (w[:, 0] = 42) instead of the single entry [0, 0].", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                w = net[0].weight
                w.add_(1)
                w[:, 0] = 42
    """),
]

VARIANTS = [
    Variant("init_42", "[style] copy_()s torch.full_like(weight, 42) into the existing Parameter under no_grad (same object, same dtype and device, no history).", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    module.weight.copy_(torch.full_like(module.weight, 42))
    """),
    Variant("nested_param", "[style] Walks the path with operator.getitem and returns the attribute through module._parameters[name] (the registered Parameter object itself).", """
        import operator

        def nested_param(net, path, name):
            module = net
            for i in path:
                module = operator.getitem(module, i)
            return module._parameters[name]
    """),
]
