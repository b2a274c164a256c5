"""Blind batch 4: mutants and variants of pytorch/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("layer_state", "[netkind] Keeps only floating-point entries ('the real weights'): identical for Linear layers, but a BatchNorm layer's state loses its int64 num_batches_tracked entry.", """
        def layer_state(net, i):
            return {k: v for k, v in net[i].state_dict().items() if v.is_floating_point()}
    """),
    Mutant("named_shapes", "[shape] Reports at most two axes per parameter, tuple(p.shape[:2]) ('weights are matrices, biases vectors'): right for Linear nets, but a Conv2d weight (8, 3, 5, 5) is listed as (8, 3).", """
        def named_shapes(net):
            return [(name, tuple(p.shape[:2])) for name, p in net.named_parameters()]
    """),
    Mutant("state_value", "[shape] Squeezes the entry 'to drop useless axes': most keys are unchanged, but a Linear(4, 1) gives a (4,) weight and a 0-d bias instead of (1, 4) and (1,).", """
        def state_value(net, key):
            return net.state_dict()[key].squeeze()
    """),
    Mutant("nested_param", "[grad] Calls requires_grad_(True) on the Parameter it found 'so it can be trained': the object is the right one, but looking up a frozen parameter silently unfreezes it.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return getattr(module, name).requires_grad_(True)
    """),
    Mutant("rgnet", "[repeat] Builds block2() once at import ('the block part is fixed') and wraps that same object in every rgnet(), so two rgnet() share all the block parameters (only the last Linear(4, 1) is new).", """
        from torch import nn

        _BLOCK2 = block2()

        def rgnet():
            return nn.Sequential(_BLOCK2, nn.Linear(4, 1))
    """),
    Mutant("init_normal", "[random] Typo torch.rand_like for torch.randn_like: the weight becomes U(0, 0.01), never negative, instead of N(0, 0.01).", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    module.weight.copy_(torch.rand_like(module.weight) * 0.01)
                    if module.bias is not None:
                        module.bias.zero_()
    """),
    Mutant("init_normal", "[repeat] Draws N(0, 0.01) once per weight shape and copies that cached draw into every later Linear of the same shape ('sampling is slow'): each layer looks right alone, but all same-shaped layers (rgnet's blocks, a re-init) get identical weights.", """
        import torch
        from torch import nn

        _DRAWS = {}

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    key = tuple(module.weight.shape)
                    if key not in _DRAWS:
                        _DRAWS[key] = torch.randn(key) * 0.01
                    module.weight.copy_(_DRAWS[key])
                    if module.bias is not None:
                        module.bias.zero_()
    """),
    Mutant("init_constant", "[boundary] Sets the bias to 1e-6 instead of 0 ('a tiny positive bias keeps the ReLUs alive'): the weight is exactly 1, but the bias is not exactly 0.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.constant_(module.weight, 1.0)
                    if module.bias is not None:
                        nn.init.constant_(module.bias, 1e-6)
    """),
    Mutant("init_xavier", "[random] Maps torch.rand onto the range as (r - 0.5) * a, forgetting the factor 2: the Glorot bound a is right, but the weights are U(-a/2, a/2).", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    fan_out, fan_in = module.weight.shape
                    a = math.sqrt(6.0 / (fan_in + fan_out))
                    module.weight.copy_((torch.rand_like(module.weight) - 0.5) * a)
    """),
    Mutant("init_42", "[plain] Copies init_constant's shape and zeroes the bias too ('weight 42, bias 0'), but the bias must stay untouched.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.constant_(module.weight, 42.0)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("my_init", "[plain] Soft-thresholds like an L1 proximal step, w = sign(w) * relu(|w| - 5): the small entries are 0 as asked, but every survivor is shrunk by 5, so non-zero weights lie in (0, 5) instead of [5, 10).", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(-10, 10)
                    w.copy_(torch.sign(w) * torch.relu(w.abs() - 5))
    """),
    Mutant("set_manually", "[netkind] Edits the first nn.Linear found by net.modules() instead of net[0]: the same for Linear-first nets, but with a Conv2d (or other weighted layer) at net[0] the later Linear is edited and net[0] is left alone.", """
        import torch
        from torch import nn

        def set_manually(net):
            first = next(m for m in net.modules() if isinstance(m, nn.Linear))
            with torch.no_grad():
                first.weight.add_(1)
                first.weight[0, 0] = 42
    """),
    Mutant("tied_net", "[netkind] Makes a second Linear(w, w) for index 4 and points its weight and bias at the shared layer's Parameters: the parameters and gradients are tied, but net[2] and net[4] are two objects, not one shared layer.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            twin = nn.Linear(width, width)
            twin.weight = shared.weight
            twin.bias = shared.bias
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), twin, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
]

VARIANTS = [
    Variant("nested_param", "[style] Steps down with list(module)[i]: iterating an nn.Sequential yields its children in order, a repeated (tied) child under each of its indices, and negative indices work.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = list(module)[i]
            return getattr(module, name)
    """),
    Variant("init_xavier", "[style] Applies nn.init.xavier_uniform_ to the transposed view weight.T: the Glorot bound is symmetric in fan_in and fan_out, and the view writes into the same Parameter.", """
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.xavier_uniform_(module.weight.T)
    """),
    Variant("set_manually", "[style] Edits through the transposed view net[0].weight.T: + 1 everywhere, then entry [0, 0] of the view, which is entry [0, 0] of the weight.", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                wt = net[0].weight.T
                wt += 1
                wt[0, 0] = 42
    """),
]
