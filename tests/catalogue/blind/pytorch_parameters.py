"""Blind mutants and variants of pytorch/parameters.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ------------------------------------------------------------------ layer_state
    Mutant("layer_state", "[netkind] Builds the dict from named_parameters(), so buffers (BatchNorm running stats) are missing and the values are live Parameters.", """
        def layer_state(net, i):
            return dict(net[i].named_parameters())
    """),
    Mutant("layer_state", "[netkind] Indexes list(net.children()), which drops repeated modules, so in a net with a shared layer every index after the repeat points at the wrong layer.", """
        def layer_state(net, i):
            return list(net.children())[i].state_dict()
    """),
    Mutant("layer_state", "[boundary] Looks the layer up as net._modules[str(i)], so negative indices (and named children) raise KeyError.", """
        def layer_state(net, i):
            return net._modules[str(i)].state_dict()
    """),
    Mutant("layer_state", "[netkind] Filters net.state_dict() with startswith(str(i)), so layer 1 of a net with more than 10 layers also gets the keys of layers 10-19.", """
        def layer_state(net, i):
            prefix = str(i)
            return {k[len(prefix) + 1:]: v for k, v in net.state_dict().items() if k.startswith(prefix)}
    """),
    Mutant("layer_state", "[type] Returns a deep copy of the state dict, so its tensors no longer share storage with the layer's parameters.", """
        import copy

        def layer_state(net, i):
            return copy.deepcopy(net[i].state_dict())
    """),
    Mutant("layer_state", "[type] Calls state_dict(keep_vars=True), so the values are the Parameters themselves (requires_grad=True), not detached tensors.", """
        def layer_state(net, i):
            return net[i].state_dict(keep_vars=True)
    """),
    Mutant("layer_state", "[repeat] Reuses one module-level destination dict for every call, so a later call returns the same dict with keys left over from earlier layers.", """
        from collections import OrderedDict

        _STATE = OrderedDict()

        def layer_state(net, i):
            return net[i].state_dict(destination=_STATE)
    """),

    # ------------------------------------------------------------------ named_shapes
    Mutant("named_shapes", "[type] Gives each shape as a list, not a tuple.", """
        def named_shapes(net):
            return [(name, list(p.shape)) for name, p in net.named_parameters()]
    """),
    Mutant("named_shapes", "[netkind] Walks state_dict() instead of named_parameters(), so buffers (running_mean, num_batches_tracked) are listed too.", """
        def named_shapes(net):
            return [(name, tuple(t.shape)) for name, t in net.state_dict().items()]
    """),
    Mutant("named_shapes", "[netkind] Uses named_parameters(remove_duplicate=False), so a tied layer's parameters are listed once per use.", """
        def named_shapes(net):
            return [(name, tuple(p.shape)) for name, p in net.named_parameters(remove_duplicate=False)]
    """),
    Mutant("named_shapes", "[netkind] Skips parameters with requires_grad=False, so frozen layers disappear from the list.", """
        def named_shapes(net):
            return [(name, tuple(p.shape)) for name, p in net.named_parameters() if p.requires_grad]
    """),
    Mutant("named_shapes", "[netkind] Builds names from enumerate() positions of the top-level layers, so named children (\"block 0\") get wrong names and a module's own direct parameters are lost.", """
        def named_shapes(net):
            return [(f"{i}.{name}", tuple(p.shape))
                    for i, layer in enumerate(net.children())
                    for name, p in layer.named_parameters()]
    """),
    Mutant("named_shapes", "[plain] Sorts the pairs by name, so bias comes before weight and \"10.weight\" before \"2.weight\".", """
        def named_shapes(net):
            return sorted((name, tuple(p.shape)) for name, p in net.named_parameters())
    """),

    # ------------------------------------------------------------------ state_value
    Mutant("state_value", "[netkind] Looks the key up in named_parameters(), so buffer keys (e.g. \"1.running_mean\") raise KeyError and parameters come back as live Parameters.", """
        def state_value(net, key):
            return dict(net.named_parameters())[key]
    """),
    Mutant("state_value", "[type] Returns a numpy array instead of a tensor.", """
        def state_value(net, key):
            return net.state_dict()[key].numpy()
    """),
    Mutant("state_value", "[type] Returns a clone, so the result no longer shares storage with the net's tensor.", """
        def state_value(net, key):
            return net.state_dict()[key].clone()
    """),
    Mutant("state_value", "[netkind] Splits the key into exactly one index and one attribute name, so nested keys like \"0.block 1.0.weight\" fail.", """
        def state_value(net, key):
            index, name = key.split(".")
            return getattr(net[int(index)], name).detach()
    """),
    Mutant("state_value", "[type] Uses state_dict(keep_vars=True), so a parameter key returns the Parameter itself (requires_grad=True), not the detached tensor.", """
        def state_value(net, key):
            return net.state_dict(keep_vars=True)[key]
    """),
    Mutant("state_value", "[repeat] Caches each net's state dict on the first call, so after net.double() or a reassigned parameter later calls return stale tensors.", """
        _CACHE = {}

        def state_value(net, key):
            if id(net) not in _CACHE:
                _CACHE[id(net)] = net.state_dict()
            return _CACHE[id(net)][key]
    """),

    # ------------------------------------------------------------------ nested_param
    Mutant("nested_param", "[type] Returns the parameter's .data, a plain tensor, instead of the Parameter itself.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return getattr(module, name).data
    """),
    Mutant("nested_param", "[plain] Follows the path in reverse order; the docstring's example (0, 1, 0) is a palindrome so it happens to work there.", """
        def nested_param(net, path, name):
            module = net
            for i in reversed(tuple(path)):
                module = module[i]
            return getattr(module, name)
    """),
    Mutant("nested_param", "[boundary] Always indexes path[0] first, so an empty path raises instead of returning net's own parameter.", """
        def nested_param(net, path, name):
            module = net[path[0]]
            for i in path[1:]:
                module = module[i]
            return getattr(module, name)
    """),
    Mutant("nested_param", "[netkind] Indexes list(module.children()), which drops repeated modules, so paths through a tied net land on the wrong layer.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = list(module.children())[i]
            return getattr(module, name)
    """),
    Mutant("nested_param", "[boundary] Looks children up as module._modules[str(i)], so negative indices and named children (\"block 1\") raise KeyError.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module._modules[str(i)]
            return getattr(module, name)
    """),
    Mutant("nested_param", "[type] Reads the value from the last module's state_dict(), a detached tensor, instead of the Parameter.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return module.state_dict()[name]
    """),

    # ------------------------------------------------------------------ rgnet
    Mutant("rgnet", "[plain] Names the blocks \"block0\"...\"block3\" without the space.", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            for i in range(4):
                net.add_module(f"block{i}", block1())
            return net

        def rgnet():
            return nn.Sequential(block2(), nn.Linear(4, 1))
    """),
    Mutant("rgnet", "[plain] Calls block1() once and adds that same object four times, so the four blocks share one set of parameters.", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            inner = block1()
            for i in range(4):
                net.add_module(f"block {i}", inner)
            return net

        def rgnet():
            return nn.Sequential(block2(), nn.Linear(4, 1))
    """),
    Mutant("rgnet", "[plain] block1 leaves out its final ReLU, so each block has 3 layers and can output negative values.", """
        from torch import nn

        def block1():
            return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4))

        def block2():
            net = nn.Sequential()
            for i in range(4):
                net.add_module(f"block {i}", block1())
            return net

        def rgnet():
            return nn.Sequential(block2(), nn.Linear(4, 1))
    """),
    Mutant("rgnet", "[gradient] Freezes the output layer with requires_grad_(False), so no gradient reaches its weight and bias.", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            for i in range(4):
                net.add_module(f"block {i}", block1())
            return net

        def rgnet():
            return nn.Sequential(block2(), nn.Linear(4, 1).requires_grad_(False))
    """),
    Mutant("rgnet", "[random] Re-draws every parameter from a generator seeded with 0, so every rgnet() has exactly the same weights.", """
        import torch
        from torch import nn

        def block2():
            net = nn.Sequential()
            for i in range(4):
                net.add_module(f"block {i}", block1())
            return net

        def rgnet():
            net = nn.Sequential(block2(), nn.Linear(4, 1))
            gen = torch.Generator().manual_seed(0)
            with torch.no_grad():
                for m in net.modules():
                    if isinstance(m, nn.Linear):
                        bound = 1.0 / m.in_features ** 0.5
                        m.weight.uniform_(-bound, bound, generator=gen)
                        m.bias.uniform_(-bound, bound, generator=gen)
            return net
    """),
    Mutant("rgnet", "[plain] Appends the blocks with net.append(), so they are named \"0\"...\"3\" instead of \"block 0\"...\"block 3\".", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            for _ in range(4):
                net.append(block1())
            return net

        def rgnet():
            return nn.Sequential(block2(), nn.Linear(4, 1))
    """),

    # ------------------------------------------------------------------ init_normal
    Mutant("init_normal", "[netkind] Initialises every module with a weight attribute, so Conv2d, Embedding and LayerNorm are changed too.", """
        import torch
        from torch import nn

        def init_normal(module):
            if getattr(module, "weight", None) is not None:
                with torch.no_grad():
                    nn.init.normal_(module.weight, mean=0.0, std=0.01)
                    if getattr(module, "bias", None) is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "[random] Treats 0.01 as the variance, so the weights get std 0.1.", """
        import math
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.normal_(module.weight, mean=0.0, std=math.sqrt(0.01))
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "[random] Draws a uniform distribution with the same mean and std (bound 0.01*sqrt(3)) instead of a normal one.", """
        import math
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    a = 0.01 * math.sqrt(3.0)
                    nn.init.uniform_(module.weight, -a, a)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "[random] Uses a normal truncated at 2 sigma, so no weight exceeds 0.02 and the std is about 0.0088.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.trunc_normal_(module.weight, mean=0.0, std=0.01, a=-0.02, b=0.02)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "[boundary] Zeroes the bias without checking for None, so a Linear(bias=False) crashes.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.normal_(module.weight, mean=0.0, std=0.01)
                    module.bias.zero_()
    """),
    Mutant("init_normal", "[type] Replaces weight and bias with new nn.Parameter objects, so an optimizer holding the old ones never sees the new values.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                w = module.weight
                module.weight = nn.Parameter(torch.randn_like(w) * 0.01)
                if module.bias is not None:
                    module.bias = nn.Parameter(torch.zeros_like(module.bias))
    """),
    Mutant("init_normal", "[gradient] Sets requires_grad=False on the weight before initialising it and never turns it back on, so the layer is frozen.", """
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                module.weight.requires_grad = False
                nn.init.normal_(module.weight, mean=0.0, std=0.01)
                if module.bias is not None:
                    module.bias.requires_grad = False
                    nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "[netkind] Only initialises Linear children of an nn.Sequential, so a bare Linear or one inside a custom Module is skipped.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Sequential):
                with torch.no_grad():
                    for m in module.children():
                        if isinstance(m, nn.Linear):
                            nn.init.normal_(m.weight, mean=0.0, std=0.01)
                            if m.bias is not None:
                                nn.init.zeros_(m.bias)
    """),

    # ------------------------------------------------------------------ init_constant
    Mutant("init_constant", "[netkind] Fills every module that has a weight, so Conv2d, Embedding and BatchNorm are changed too.", """
        import torch
        from torch import nn

        def init_constant(module):
            if hasattr(module, "weight") and isinstance(module.weight, torch.Tensor):
                with torch.no_grad():
                    module.weight.fill_(1.0)
                    if getattr(module, "bias", None) is not None:
                        module.bias.zero_()
    """),
    Mutant("init_constant", "[plain] Fills all the layer's parameters with 1, bias included.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    for p in module.parameters():
                        nn.init.constant_(p, 1.0)
    """),
    Mutant("init_constant", "[netkind] Assigns weight.data = torch.ones(shape), so a float64 (or GPU) layer silently becomes float32 on the CPU.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                module.weight.data = torch.ones(module.weight.shape)
                if module.bias is not None:
                    module.bias.data = torch.zeros(module.bias.shape)
    """),
    Mutant("init_constant", "[type] Replaces the weight and bias with new Parameters instead of filling them in place.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                module.weight = nn.Parameter(torch.ones_like(module.weight))
                if module.bias is not None:
                    module.bias = nn.Parameter(torch.zeros_like(module.bias))
    """),
    Mutant("init_constant", "[repeat] Remembers which modules it has already initialised (to skip shared layers) and skips them on every later apply, so re-initialising a trained net does nothing.", """
        import torch
        from torch import nn

        _DONE = set()

        def init_constant(module):
            if isinstance(module, nn.Linear) and id(module) not in _DONE:
                _DONE.add(id(module))
                with torch.no_grad():
                    nn.init.constant_(module.weight, 1.0)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_constant", "[boundary] Zeroes the bias with no None check, so Linear(bias=False) crashes.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.constant_(module.weight, 1.0)
                    nn.init.zeros_(module.bias)
    """),

    # ------------------------------------------------------------------ init_xavier
    Mutant("init_xavier", "[random] Uses xavier_normal_ (same std, but normal instead of uniform values).", """
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.xavier_normal_(module.weight)
    """),
    Mutant("init_xavier", "[random] Passes gain=calculate_gain('relu'), so the bound is sqrt(2) times too wide.", """
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.xavier_uniform_(module.weight, gain=nn.init.calculate_gain("relu"))
    """),
    Mutant("init_xavier", "[random] Computes the bound from fan_in alone (sqrt(3 / fan_in)), which is wrong for non-square layers.", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                fan_in = module.weight.shape[1]
                bound = math.sqrt(6.0 / (2 * fan_in))
                with torch.no_grad():
                    module.weight.uniform_(-bound, bound)
    """),
    Mutant("init_xavier", "[plain] Also zeroes the bias, which must stay untouched.", """
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.xavier_uniform_(module.weight)
                    if module.bias is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_xavier", "[netkind] Applies Xavier to every module with a weight of rank >= 2, so Conv2d and Embedding are re-initialised too.", """
        import torch
        from torch import nn

        def init_xavier(module):
            w = getattr(module, "weight", None)
            if isinstance(w, torch.Tensor) and w.dim() >= 2:
                with torch.no_grad():
                    nn.init.xavier_uniform_(w)
    """),
    Mutant("init_xavier", "[random] Fills the weight with a fixed evenly spaced grid over (-a, a), randomly permuted, so every call produces the same multiset of values.", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                w = module.weight
                fan_out, fan_in = w.shape
                a = math.sqrt(6.0 / (fan_in + fan_out))
                n = w.numel()
                grid = torch.linspace(-a, a, n, dtype=w.dtype, device=w.device)
                with torch.no_grad():
                    w.copy_(grid[torch.randperm(n, device=w.device)].view_as(w))
    """),
    Mutant("init_xavier", "[random] Draws from a generator seeded with 42 on each call, so every layer of a given shape gets identical weights every time.", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                w = module.weight
                fan_out, fan_in = w.shape
                a = math.sqrt(6.0 / (fan_in + fan_out))
                gen = torch.Generator(device=w.device).manual_seed(42)
                with torch.no_grad():
                    w.uniform_(-a, a, generator=gen)
    """),

    # ------------------------------------------------------------------ init_42
    Mutant("init_42", "[plain] Sets every parameter of the layer to 42, bias included.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    for p in module.parameters():
                        p.fill_(42.0)
    """),
    Mutant("init_42", "[netkind] Changes every module that has a weight, so Conv2d, Embedding and norm layers get 42 too.", """
        import torch
        from torch import nn

        def init_42(module):
            w = getattr(module, "weight", None)
            if isinstance(w, torch.Tensor):
                with torch.no_grad():
                    nn.init.constant_(w, 42.0)
    """),
    Mutant("init_42", "[type] Replaces the weight with a new nn.Parameter, so an optimizer or tied layer keeps the old one.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                module.weight = nn.Parameter(torch.full_like(module.weight, 42.0))
    """),
    Mutant("init_42", "[netkind] Assigns weight.data = torch.full(shape, 42.0), so a float64/float16 layer turns into float32.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                module.weight.data = torch.full(tuple(module.weight.shape), 42.0)
    """),
    Mutant("init_42", "[gradient] Turns requires_grad off to fill the weight and leaves it off, so the layer can no longer be trained.", """
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                module.weight.requires_grad_(False)
                module.weight.fill_(42.0)
    """),
    Mutant("init_42", "[boundary] Guards with `module.bias is not None` (copied from init_normal's pattern), so a Linear(bias=False) keeps its old weight.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear) and module.bias is not None:
                with torch.no_grad():
                    nn.init.constant_(module.weight, 42.0)
    """),

    # ------------------------------------------------------------------ my_init
    Mutant("my_init", "[plain] Inverts the mask, keeping the entries with |w| < 5 and zeroing the large ones.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(-10, 10)
                    w *= w.abs() < 5
    """),
    Mutant("my_init", "[plain] Masks with torch.where into a local variable that is never written back, so the weight stays plain U(-10, 10) with no zeros.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(-10, 10)
                    w = torch.where(w.abs() >= 5, w, torch.zeros_like(w))
    """),
    Mutant("my_init", "[plain] Builds the mask from a second, independent U(-10, 10) draw, so surviving entries can have |w| < 5.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(-10, 10)
                    w *= torch.empty_like(w).uniform_(-10, 10).abs() >= 5
    """),
    Mutant("my_init", "[random] Draws a normal with std 10/sqrt(3) instead of U(-10, 10), so values beyond 10 appear.", """
        import math
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.normal_(0.0, 10.0 / math.sqrt(3.0))
                    w *= w.abs() >= 5
    """),
    Mutant("my_init", "[plain] Draws |w| from U(5, 10) with a random sign instead of zeroing the small entries, so no weight is ever 0.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(5, 10)
                    w *= torch.randint(0, 2, w.shape, device=w.device, dtype=w.dtype) * 2 - 1
    """),
    Mutant("my_init", "[netkind] Applies the rule to every module with a weight, so Conv2d and Embedding are re-initialised too.", """
        import torch
        from torch import nn

        def my_init(module):
            w = getattr(module, "weight", None)
            if isinstance(w, torch.Tensor):
                with torch.no_grad():
                    w.uniform_(-10, 10)
                    w *= w.abs() >= 5
    """),
    Mutant("my_init", "[plain] Applies the rule to all the layer's parameters, so the bias is changed too.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    for w in module.parameters():
                        w.uniform_(-10, 10)
                        w *= w.abs() >= 5
    """),
    Mutant("my_init", "[type] Replaces the weight with a new nn.Parameter built from the masked draw.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                w = torch.empty_like(module.weight).uniform_(-10, 10)
                module.weight = nn.Parameter(w * (w.abs() >= 5))
    """),

    # ------------------------------------------------------------------ set_manually
    Mutant("set_manually", "[plain] Sets [0, 0] = 42 before adding 1, so that entry ends up 43.", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                w = net[0].weight
                w[0, 0] = 42
                w.add_(1)
    """),
    Mutant("set_manually", "[plain] Sets the whole first row to 42 (w[0] = 42) instead of the single entry [0, 0].", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                w = net[0].weight
                w.add_(1)
                w[0] = 42
    """),
    Mutant("set_manually", "[type] Replaces net[0].weight with a new Parameter, so an optimizer holding the old one never sees the change.", """
        import torch
        from torch import nn

        def set_manually(net):
            with torch.no_grad():
                new = net[0].weight + 1
                new[0, 0] = 42
            net[0].weight = nn.Parameter(new)
    """),
    Mutant("set_manually", "[netkind] Edits net.state_dict()[\"0.weight\"], so it fails on any net whose first child is not named \"0\".", """
        import torch

        def set_manually(net):
            w = net.state_dict()["0.weight"]
            w.add_(1)
            w[0, 0] = 42
    """),
    Mutant("set_manually", "[mode] Calls net.eval() first (thinking it stops autograd) and leaves the net in eval mode.", """
        import torch

        def set_manually(net):
            net.eval()
            with torch.no_grad():
                w = net[0].weight
                w.add_(1)
                w[0, 0] = 42
    """),
    Mutant("set_manually", "[netkind] Round-trips the weight through a Python list, so a float64 layer becomes float32 (and loses precision).", """
        import torch

        def set_manually(net):
            w = net[0].weight
            new = torch.tensor(w.tolist()) + 1
            new[0, 0] = 42
            w.data = new
    """),
    Mutant("set_manually", "[gradient] Switches requires_grad off to edit the weight and never switches it back on.", """
        def set_manually(net):
            w = net[0].weight
            w.requires_grad_(False)
            w.add_(1)
            w[0, 0] = 42
    """),

    # ------------------------------------------------------------------ tied_net
    Mutant("tied_net", "[plain] Uses a deep copy of the shared layer at index 4: same initial values but two independent sets of parameters.", """
        import copy
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), copy.deepcopy(shared),
                                 nn.ReLU(), nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[plain] Ties only the weight of two separate Linear layers, so their biases are independent.", """
        from torch import nn

        def tied_net(width=8):
            first = nn.Linear(width, width)
            second = nn.Linear(width, width)
            second.weight = first.weight
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), first, nn.ReLU(), second, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[boundary] Defaults width to 16 instead of 8.", """
        from torch import nn

        def tied_net(width=16):
            shared = nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[boundary] Hard-codes the first layer as Linear(4, 8), so any width other than 8 fails in forward.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[gradient] Freezes the shared layer (requires_grad_(False)), so it gets no gradient at all.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width).requires_grad_(False)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[game] Ties the layers only for the default width 8 and builds two independent layers for any other width.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            other = shared if width == 8 else nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), other, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "[gradient] Halves the shared layer's gradients with hooks, so it gets the average of the two uses instead of their sum.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            for p in shared.parameters():
                p.register_hook(lambda g: g / 2)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
]

VARIANTS = [
    # ------------------------------------------------------------------ layer_state
    Variant("layer_state", "[style] Binds the layer to a local and calls state_dict with its defaults spelled out (prefix=\"\", keep_vars=False).", """
        def layer_state(net, i):
            layer = net[i]
            state = layer.state_dict(prefix="", keep_vars=False)
            return state
    """),
    Variant("layer_state", "[style] Uses operator.getitem and calls nn.Module.state_dict unbound: the same call, just spelled differently.", """
        import operator
        from torch import nn

        def layer_state(net, i):
            return nn.Module.state_dict(operator.getitem(net, i))
    """),

    # ------------------------------------------------------------------ named_shapes
    Variant("named_shapes", "[style] Unzips named_parameters() and rebuilds the pairs with zip and map over p.size(); each shape is still a plain tuple.", """
        def named_shapes(net):
            pairs = list(net.named_parameters())
            if not pairs:
                return []
            names, params = zip(*pairs)
            return list(zip(names, map(lambda p: tuple(int(d) for d in p.size()), params)))
    """),
    Variant("named_shapes", "[style] Appends in an explicit loop over named_parameters(recurse=True, remove_duplicate=True), the defaults spelled out.", """
        def named_shapes(net):
            out = []
            for name, p in net.named_parameters(prefix="", recurse=True, remove_duplicate=True):
                out.append((name, tuple(p.shape)))
            return out
    """),

    # ------------------------------------------------------------------ state_value
    Variant("state_value", "[style] Copies state_dict() into a plain dict and reads the key with .get after checking for it; the tensor is the same object.", """
        def state_value(net, key):
            state = dict(net.state_dict())
            if key not in state:
                raise KeyError(key)
            return state.get(key)
    """),
    Variant("state_value", "[style] Walks the dotted key with get_submodule and returns getattr(...).detach(), which shares storage like the state_dict entry (parameters and buffers alike).", """
        def state_value(net, key):
            module_path, _, name = key.rpartition(".")
            try:
                module = net.get_submodule(module_path) if module_path else net
                return getattr(module, name).detach()
            except AttributeError:
                raise KeyError(key) from None
    """),

    # ------------------------------------------------------------------ nested_param
    Variant("nested_param", "[style] Folds the path with functools.reduce and operator.getitem.", """
        import functools
        import operator

        def nested_param(net, path, name):
            return getattr(functools.reduce(operator.getitem, path, net), name)
    """),
    Variant("nested_param", "[style] Recurses on the path, peeling one index per call.", """
        def nested_param(net, path, name):
            path = tuple(path)
            if not path:
                return getattr(net, name)
            return nested_param(net[path[0]], path[1:], name)
    """),

    # ------------------------------------------------------------------ rgnet
    Variant("rgnet", "[style] Builds block2 from an OrderedDict of named blocks and rgnet with add_module(\"0\") and add_module(\"1\"): same structure and names.", """
        from collections import OrderedDict
        from torch import nn

        def block1():
            layers = [nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU()]
            return nn.Sequential(*layers)

        def block2():
            return nn.Sequential(OrderedDict((f"block {i}", block1()) for i in range(4)))

        def rgnet():
            net = nn.Sequential()
            net.add_module("0", block2())
            net.add_module("1", nn.Linear(4, 1))
            return net
    """),
    Variant("rgnet", "[style] Creates the output layer first and assigns the blocks with setattr on the Sequential; registration order, names and forward are unchanged.", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            for i in range(4):
                setattr(net, "block %d" % i, block1())
            return net

        def rgnet():
            head = nn.Linear(in_features=4, out_features=1, bias=True)
            body = block2()
            return nn.Sequential(body, head)
    """),

    # ------------------------------------------------------------------ init_normal
    Variant("init_normal", "[style] Checks type(module) is nn.Linear and fills through .data with normal_/zero_ tensor methods, as the book does; same objects, no history.", """
        from torch import nn

        def init_normal(module):
            if type(module) is nn.Linear:
                module.weight.data.normal_(mean=0.0, std=0.01)
                if module.bias is not None:
                    module.bias.data.zero_()
    """),
    Variant("init_normal", "[style] Draws randn with the weight's dtype and device, scales by 0.01 and copy_()s it in place; bias filled with 0 via fill_.", """
        import torch
        from torch import nn

        def init_normal(module):
            if not isinstance(module, nn.Linear):
                return
            w, b = module.weight, module.bias
            with torch.no_grad():
                w.copy_(torch.randn(w.shape, dtype=w.dtype, device=w.device).mul_(0.01))
                if b is not None:
                    b.fill_(0)
    """),

    # ------------------------------------------------------------------ init_constant
    Variant("init_constant", "[style] Uses slice assignment w[...] = 1 and b[...] = 0 under torch.no_grad().", """
        import torch
        from torch import nn

        @torch.no_grad()
        def init_constant(module):
            if isinstance(module, nn.Linear):
                module.weight[...] = 1
                if module.bias is not None:
                    module.bias[...] = 0
    """),
    Variant("init_constant", "[style] copy_()s ones_like/zeros_like into the existing tensors through .data.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                module.weight.data.copy_(torch.ones_like(module.weight))
                if module.bias is not None:
                    module.bias.data.copy_(torch.zeros_like(module.bias))
    """),

    # ------------------------------------------------------------------ init_xavier
    Variant("init_xavier", "[style] Computes the Glorot bound sqrt(6 / (fan_in + fan_out)) by hand from the (out, in) weight shape and draws uniform_ in place.", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                fan_out, fan_in = module.weight.shape
                bound = math.sqrt(6.0 / (fan_in + fan_out))
                with torch.no_grad():
                    module.weight.uniform_(-bound, bound)
    """),
    Variant("init_xavier", "[style] Draws torch.rand in [0, 1) with the weight's dtype/device, maps it to (-a, a) and copies it in; same distribution.", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                w = module.weight
                a = math.sqrt(6.0 / (w.size(0) + w.size(1)))
                u = torch.rand(w.shape, dtype=w.dtype, device=w.device)
                with torch.no_grad():
                    w.copy_(u * (2 * a) - a)
    """),

    # ------------------------------------------------------------------ init_42
    Variant("init_42", "[style] Uses fill_ on weight.data, the book's form; the Parameter object is kept.", """
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                module.weight.data.fill_(42)
    """),
    Variant("init_42", "[style] Zeroes the weight and adds 42 in place under a no_grad decorator.", """
        import torch
        from torch import nn

        @torch.no_grad()
        def init_42(module):
            if isinstance(module, nn.Linear):
                module.weight.zero_().add_(42)
    """),

    # ------------------------------------------------------------------ my_init
    Variant("my_init", "[style] Draws U(-1, 1), zeroes |u| < 0.5 and then scales by 10: the same distribution as U(-10, 10) masked at 5.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(-1.0, 1.0)
                    w.masked_fill_(w.abs() < 0.5, 0.0)
                    w.mul_(10.0)
    """),
    Variant("my_init", "[style] The book's form through .data with nn.init.uniform_ and boolean-index assignment w[w.abs() < 5] = 0.", """
        from torch import nn

        def my_init(module):
            if type(module) == nn.Linear:
                nn.init.uniform_(module.weight, -10, 10)
                w = module.weight.data
                w[w.abs() < 5] = 0
    """),

    # ------------------------------------------------------------------ set_manually
    Variant("set_manually", "[style] The book's form through .data: weight.data += 1, then weight.data[0][0] = 42.", """
        def set_manually(net):
            net[0].weight.data += 1
            net[0].weight.data[0][0] = 42
    """),
    Variant("set_manually", "[style] Computes the new values out of place and copy_()s them back into the same Parameter under no_grad.", """
        import torch

        def set_manually(net):
            w = net[0].weight
            with torch.no_grad():
                new = w + torch.ones_like(w)
                new[0, 0] = 42.0
                w.copy_(new)
    """),

    # ------------------------------------------------------------------ tied_net
    Variant("tied_net", "[style] Builds the layer list first, places the one shared object at indices 2 and 4 by list assignment, then passes it to nn.Sequential.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            layers = [nn.Linear(4, width), nn.ReLU(), None, nn.ReLU(), None, nn.ReLU(), nn.Linear(width, 1)]
            layers[2] = layers[4] = shared
            return nn.Sequential(*layers)
    """),
    Variant("tied_net", "[style] Starts from an empty nn.Sequential and append()s the layers, with the shared layer created first and appended twice.", """
        from torch import nn

        def tied_net(width: int = 8) -> nn.Sequential:
            shared = nn.Linear(in_features=width, out_features=width)
            net = nn.Sequential()
            for layer in (nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(width, 1)):
                net.append(layer)
            return net
    """),
]

# ---- judged by the lead after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={
    "[boundary] Zeroes the bias without checking for None":
        "d2l's own init_normal zeroes the bias unconditionally; bias-free layers are given only to the functions "
        "that leave the bias alone",
    "[boundary] Zeroes the bias with no None check":
        "d2l's own init_constant zeroes the bias unconditionally; bias-free layers are given only to the functions "
        "that leave the bias alone",
    '[type] Calls state_dict(keep_vars=True)':
        "the contract asks for the state's values; whether they come detached is not graded",
    '[type] Uses state_dict(keep_vars=True)':
        "the contract asks for the state's values; whether they come detached is not graded",
})
