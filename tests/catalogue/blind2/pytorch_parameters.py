"""Blind batch 2: mutants and variants of pytorch/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------ layer_state
    Mutant("layer_state", "[netkind] Takes list(net.modules())[i + 1], which equals net[i] only for a flat net without repeats: nested nets (rgnet) and tied layers give the wrong module.", """
        import torch
        from torch import nn

        def layer_state(net, i):
            return list(net.modules())[i + 1].state_dict()
    """),
    Mutant("layer_state", "[netkind] Rebuilds the dict from named_parameters() (detached) plus named_buffers(), which also lists non-persistent buffers that state_dict() leaves out.", """
        import torch
        from torch import nn

        def layer_state(net, i):
            layer = net[i]
            state = {name: p.detach() for name, p in layer.named_parameters()}
            state.update(dict(layer.named_buffers()))
            return state
    """),

    # ------------------------------------------------------------ named_shapes
    Mutant("named_shapes", "[boundary] Joins named_modules() names with each module's own parameters as f'{mod}.{p}', so the root module's own parameters come out as '.weight' (e.g. for a bare nn.Linear).", """
        import torch
        from torch import nn

        def named_shapes(net):
            out = []
            for mod_name, mod in net.named_modules():
                for p_name, p in mod.named_parameters(recurse=False):
                    out.append((f"{mod_name}.{p_name}", tuple(p.shape)))
            return out
    """),
    Mutant("named_shapes", "[netkind] Walks net.named_children() and each child's parameters, so parameters registered directly on the net itself are missing.", """
        import torch
        from torch import nn

        def named_shapes(net):
            out = []
            for child_name, child in net.named_children():
                for p_name, p in child.named_parameters(prefix=child_name):
                    out.append((p_name, tuple(p.shape)))
            return out
    """),

    # ------------------------------------------------------------ state_value
    Mutant("state_value", "[netkind] Walks the key with net[int(part)] for every part but the last, so keys through named children ('0.block 1.0.bias' in rgnet) raise.", """
        import torch
        from torch import nn

        def state_value(net, key):
            *path, name = key.split(".")
            module = net
            for part in path:
                module = module[int(part)]
            return getattr(module, name).detach()
    """),
    Mutant("state_value", "[type] Returns a Python number for one-element entries ('easier to print'), so state_value(net, '2.bias') of a Linear(.., 1) is a float, not a tensor.", """
        import torch
        from torch import nn

        def state_value(net, key):
            value = net.state_dict()[key]
            return value.item() if value.numel() == 1 else value
    """),
    Mutant("state_value", "[netkind] Casts the entry to float32 ('normalised'), so a float64 net's values lose precision, integer buffers become floats and the result no longer shares storage.", """
        import torch
        from torch import nn

        def state_value(net, key):
            return net.state_dict()[key].to(torch.float32)
    """),

    # ------------------------------------------------------------ nested_param
    Mutant("nested_param", "[type] Wraps the found parameter in nn.Parameter(...) 'to be sure it is one': same values and storage, but a new object that the net never uses and that gets no gradient.", """
        import torch
        from torch import nn

        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return nn.Parameter(getattr(module, name))
    """),
    Mutant("nested_param", "[repeat] Memoises the lookup on (net, path, name) with functools.lru_cache, so after the layer's parameter is replaced (or after .to()/.double() on a non-Parameter path) it returns the stale object.", """
        import functools
        import torch
        from torch import nn

        @functools.lru_cache(maxsize=None)
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return getattr(module, name)
    """),

    # ---------------------------------------------------------------- rgnet
    Mutant("rgnet", "[plain] Puts an extra nn.ReLU between block2() and the output Linear, so rgnet()[1] is a ReLU and rgnet() has three parts.", """
        import torch
        from torch import nn

        def rgnet():
            return nn.Sequential(block2(), nn.ReLU(), nn.Linear(4, 1))
    """),
    Mutant("rgnet", "[boundary] block2 adds only three blocks (range(3)): 'block 0' ... 'block 2'.", """
        import torch
        from torch import nn

        def block2():
            net = nn.Sequential()
            for i in range(3):
                net.add_module(f"block {i}", block1())
            return net

        def rgnet():
            return nn.Sequential(block2(), nn.Linear(4, 1))
    """),
    Mutant("rgnet", "[type] block2 returns an nn.ModuleDict of the four named blocks, which cannot be called, so rgnet() fails in forward.", """
        import torch
        from torch import nn

        def block2():
            return nn.ModuleDict({f"block {i}": block1() for i in range(4)})

        def rgnet():
            return nn.Sequential(block2(), nn.Linear(4, 1))
    """),

    # ------------------------------------------------------------ init_normal
    Mutant("init_normal", "[plain] Writes nn.init.normal_(module.bias, 0) for the bias, thinking 0 is the value: the bias gets N(0, 1) instead of zeros.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.normal_(module.weight, mean=0.0, std=0.01)
                    if module.bias is not None:
                        nn.init.normal_(module.bias, 0)
    """),
    Mutant("init_normal", "[random] Draws one row of in_features values and broadcasts it with copy_, so every output unit gets the same weights (right marginal std, no independence).", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.copy_(torch.randn(w.shape[1], dtype=w.dtype, device=w.device) * 0.01)
                    if module.bias is not None:
                        module.bias.zero_()
    """),
    Mutant("init_normal", "[random] Clips the N(0, 0.01) draw to [-0.02, 0.02] ('no outliers'), which piles about 4.6% of the weights onto the two bounds.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    module.weight.normal_(0.0, 0.01).clamp_(-0.02, 0.02)
                    if module.bias is not None:
                        module.bias.zero_()
    """),

    # ------------------------------------------------------------ init_constant
    Mutant("init_constant", "[plain] Copy-paste slip: the second call zeroes the weight instead of the bias, so the weight ends 0 and the bias keeps its old values.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.ones_(module.weight)
                    nn.init.zeros_(module.weight)
    """),
    Mutant("init_constant", "[gradient] Fills the Parameters in place without torch.no_grad(), which raises 'a leaf Variable that requires grad is being used in an in-place operation'.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                module.weight.fill_(1.0)
                if module.bias is not None:
                    module.bias.fill_(0.0)
    """),
    Mutant("init_constant", "[random] Adds N(0, 1e-3) noise to the ones 'to break the symmetry', so the weight is not exactly 1.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    module.weight.fill_(1.0).add_(torch.randn_like(module.weight) * 1e-3)
                    if module.bias is not None:
                        module.bias.zero_()
    """),

    # ------------------------------------------------------------ init_xavier
    Mutant("init_xavier", "[plain] Calls module.reset_parameters() believing PyTorch's default is Xavier: it is Kaiming-uniform with bound 1/sqrt(fan_in), and it re-draws the bias too.", """
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                module.reset_parameters()
    """),
    Mutant("init_xavier", "[random] Uses the Xavier standard deviation sqrt(2 / (fan_in + fan_out)) as the uniform bound, so the weights are sqrt(3) times too narrow.", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                fan_out, fan_in = module.weight.shape
                a = math.sqrt(2.0 / (fan_in + fan_out))
                with torch.no_grad():
                    module.weight.uniform_(-a, a)
    """),
    Mutant("init_xavier", "[random] Maps torch.rand to the range with rand * a, forgetting the '* 2 - 1', so the weights are U(0, a): never negative.", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                fan_out, fan_in = module.weight.shape
                a = math.sqrt(6.0 / (fan_in + fan_out))
                with torch.no_grad():
                    module.weight.copy_(torch.rand_like(module.weight) * a)
    """),

    # ---------------------------------------------------------------- init_42
    Mutant("init_42", "[plain] Copy-paste slip: sets the bias to 42 and leaves the weight untouched.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    if module.bias is not None:
                        nn.init.constant_(module.bias, 42.0)
    """),
    Mutant("init_42", "[netkind] Treats 'layers' as Linear and Conv2d, so convolution weights inside the net are set to 42 too.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, (nn.Linear, nn.Conv2d)):
                with torch.no_grad():
                    nn.init.constant_(module.weight, 42.0)
    """),

    # ---------------------------------------------------------------- my_init
    Mutant("my_init", "[random] Uses Tensor.random_(-10, 10), which draws integers in [-10, 9], not a continuous U(-10, 10).", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.random_(-10, 10)
                    w *= w.abs() >= 5
    """),
    Mutant("my_init", "[plain] Computes the mask from the old weights before drawing, so with the default init (|w| < 1) every entry is zeroed.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    keep = w.abs() >= 5
                    w.uniform_(-10, 10)
                    w *= keep
    """),
    Mutant("my_init", "[random] Maps torch.rand to rand * 10 - 10, i.e. U(-10, 0) instead of U(-10, 10): no positive weights.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.copy_(torch.rand_like(w) * 10 - 10)
                    w *= w.abs() >= 5
    """),

    # ------------------------------------------------------------ set_manually
    Mutant("set_manually", "[plain] Writes w[0, 0] += 42 for 'set to 42', so that entry ends at its old value + 43.", """
        import torch
        from torch import nn

        def set_manually(net):
            with torch.no_grad():
                w = net[0].weight
                w.add_(1)
                w[0, 0] += 42
    """),
    Mutant("set_manually", "[repeat] Marks the net as done and returns early on later calls ('idempotent'), so a second set_manually(net) no longer adds 1.", """
        import torch
        from torch import nn

        def set_manually(net):
            if getattr(net, "_manually_set", False):
                return
            with torch.no_grad():
                w = net[0].weight
                w.add_(1)
                w[0, 0] = 42
            net._manually_set = True
    """),

    # ---------------------------------------------------------------- tied_net
    Mutant("tied_net", "[plain] Leaves out the ReLU between the two shared uses: Sequential(Linear, ReLU, shared, shared, ReLU, ReLU, Linear), so the shared layer sits at indices 2 and 3 and is applied twice in a row.", """
        import torch
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, shared, nn.ReLU(), nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[repeat] Creates the shared layer once per width in a module-level dict, so every tied_net() of that width shares it with all the others.", """
        import torch
        from torch import nn

        _SHARED = {}

        def tied_net(width=8):
            if width not in _SHARED:
                _SHARED[width] = nn.Linear(width, width)
            shared = _SHARED[width]
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[netkind] Makes the shared layer nn.LazyLinear(width) as the book does, so it is not a Linear(w, w) until the first call and has no materialized parameters before it.", """
        import torch
        from torch import nn

        def tied_net(width=8):
            shared = nn.LazyLinear(width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
]

VARIANTS = [
    Variant("layer_state", "[style] Picks the child through net._modules by position (list of keys, so negative indices work) and calls its state_dict().", """
        import torch
        from torch import nn

        def layer_state(net, i):
            keys = list(net._modules)
            return net._modules[keys[i]].state_dict()
    """),
    Variant("init_42", "[style] Fills the transposed view module.weight.T with nn.init.constant_: the view shares the Parameter's storage, so the weight itself becomes 42.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.constant_(module.weight.T, 42)
    """),
    Variant("my_init", "[style] Chains uniform_(-10, 10) with masked_fill_(|w| < 5, 0) in place under no_grad.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight.uniform_(-10, 10)
                    w.masked_fill_(w.abs() < 5, 0.0)
    """),
]
