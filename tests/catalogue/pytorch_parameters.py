"""Mutants and variants of pytorch/parameters.py (d2l 6.2 Parameter Management)."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------------ layer_state
    Mutant("layer_state", "Builds the dict from named_parameters(), which leaves out buffers such as BatchNorm's.", """
        def layer_state(net, i):
            return dict(net[i].named_parameters())
    """),
    Mutant("layer_state", "Returns the whole network's state_dict() instead of layer i's.", """
        def layer_state(net, i):
            return net.state_dict()
    """),
    Mutant("layer_state", "Forgets to call state_dict, returning the bound method.", """
        def layer_state(net, i):
            return net[i].state_dict
    """),
    Mutant("layer_state", "Counts layers from 1, returning the state of net[i - 1].", """
        def layer_state(net, i):
            return net[i - 1].state_dict()
    """),
    # ------------------------------------------------------------------ named_shapes
    Mutant("named_shapes", "Walks state_dict(), which also lists buffers such as running_mean.", """
        def named_shapes(net):
            return [(name, tuple(t.shape)) for name, t in net.state_dict().items()]
    """),
    Mutant("named_shapes", "Lists only net[0]'s parameters, as in the book's net[0].named_parameters() example.", """
        def named_shapes(net):
            return [(name, tuple(p.shape)) for name, p in net[0].named_parameters()]
    """),
    Mutant("named_shapes", "Returns shapes only, from parameters(), without the names.", """
        def named_shapes(net):
            return [tuple(p.shape) for p in net.parameters()]
    """),
    Mutant("named_shapes", "Collects only each top-level layer's weight, so biases and nested layers are missing.", """
        def named_shapes(net):
            return [(f"{name}.weight", tuple(m.weight.shape)) for name, m in net.named_children()
                    if hasattr(m, "weight")]
    """),
    # ------------------------------------------------------------------ state_value
    Mutant("state_value", "Looks the key up in named_parameters(), which misses buffers.", """
        def state_value(net, key):
            return dict(net.named_parameters())[key]
    """),
    Mutant("state_value", "Uses net.get_parameter(key), which refuses buffers.", """
        def state_value(net, key):
            return net.get_parameter(key)
    """),
    Mutant("state_value", "Splits the key into exactly '<index>.<name>', which breaks on nested keys.", """
        def state_value(net, key):
            index, name = key.split(".")
            return getattr(net[int(index)], name)
    """),
    # ------------------------------------------------------------------ nested_param
    Mutant("nested_param", "Returns .data, a tensor detached from the Parameter.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return getattr(module, name).data
    """),
    Mutant("nested_param", "Returns a clone of the Parameter.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return getattr(module, name).clone()
    """),
    Mutant("nested_param", "Reads the value from state_dict(), which holds detached tensors.", """
        def nested_param(net, path, name):
            module = net
            for i in path:
                module = module[i]
            return module.state_dict()[name]
    """),
    Mutant("nested_param", "Follows only the first index of the path.", """
        def nested_param(net, path, name):
            return getattr(net[path[0]], name)
    """),
    # ------------------------------------------------------------------ rgnet
    Mutant("rgnet", "Names the blocks 'block0' ... 'block3' (no space).", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            for i in range(4):
                net.add_module(f"block{i}", block1())
            return net
    """),
    Mutant("rgnet", "Builds block2 as nn.Sequential(*blocks), so the blocks are named '0' ... '3'.", """
        from torch import nn

        def block2():
            return nn.Sequential(*[block1() for _ in range(4)])
    """),
    Mutant("rgnet", "Repeats one block1 object four times, so the four blocks share their parameters.", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            block = block1()
            for i in range(4):
                net.add_module(f"block {i}", block)
            return net
    """),
    Mutant("rgnet", "Leaves out the final ReLU of block1.", """
        from torch import nn

        def block1():
            return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4))
    """),
    Mutant("rgnet", "Counts the block names from 1: 'block 1' ... 'block 4'.", """
        from torch import nn

        def block2():
            net = nn.Sequential()
            for i in range(1, 5):
                net.add_module(f"block {i}", block1())
            return net
    """),
    # ------------------------------------------------------------------ init_normal
    Mutant("init_normal", "Uses std 0.1 instead of 0.01.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                nn.init.normal_(module.weight, mean=0.0, std=0.1)
                nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "Passes 0.01 positionally, which sets the mean (std stays 1).", """
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                nn.init.normal_(module.weight, 0.01)
                nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "Forgets to zero the bias.", """
        from torch import nn

        def init_normal(module):
            if type(module) == nn.Linear:
                nn.init.normal_(module.weight, mean=0, std=0.01)
    """),
    Mutant("init_normal", "Initialises every module that has a weight, LayerNorm included.", """
        from torch import nn

        def init_normal(module):
            if hasattr(module, "weight"):
                nn.init.normal_(module.weight, mean=0, std=0.01)
                nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "Replaces the weight and bias with new nn.Parameter objects.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                module.weight = nn.Parameter(torch.randn_like(module.weight) * 0.01)
                module.bias = nn.Parameter(torch.zeros_like(module.bias))
    """),
    # ------------------------------------------------------------------ init_constant
    Mutant("init_constant", "Forgets to zero the bias.", """
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                nn.init.constant_(module.weight, 1)
    """),
    Mutant("init_constant", "Sets every parameter of the layer to 1, the bias included.", """
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                for p in module.parameters():
                    nn.init.ones_(p)
    """),
    Mutant("init_constant", "Initialises every module that has a weight, LayerNorm included.", """
        from torch import nn

        def init_constant(module):
            if hasattr(module, "weight"):
                nn.init.constant_(module.weight, 1)
                nn.init.zeros_(module.bias)
    """),
    Mutant("init_constant", "Replaces the weight and bias with new nn.Parameter objects.", """
        import torch
        from torch import nn

        def init_constant(module):
            if isinstance(module, nn.Linear):
                module.weight = nn.Parameter(torch.ones_like(module.weight))
                module.bias = nn.Parameter(torch.zeros_like(module.bias))
    """),
    # ------------------------------------------------------------------ init_xavier
    Mutant("init_xavier", "Uses xavier_normal_ instead of xavier_uniform_.", """
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                nn.init.xavier_normal_(module.weight)
    """),
    Mutant("init_xavier", "Zeroes the bias, which must stay untouched.", """
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)
    """),
    Mutant("init_xavier", "Computes the uniform bound from fan_in only: sqrt(6 / fan_in).", """
        import math
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                bound = math.sqrt(6 / module.in_features)
                with torch.no_grad():
                    module.weight.uniform_(-bound, bound)
    """),
    Mutant("init_xavier", "Uses kaiming_uniform_ (He) instead of Xavier.", """
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                nn.init.kaiming_uniform_(module.weight)
    """),
    Mutant("init_xavier", "Replaces the weight with a new nn.Parameter.", """
        import torch
        from torch import nn

        def init_xavier(module):
            if isinstance(module, nn.Linear):
                w = torch.empty_like(module.weight)
                nn.init.xavier_uniform_(w)
                module.weight = nn.Parameter(w)
    """),
    # ------------------------------------------------------------------ init_42
    Mutant("init_42", "Sets the bias to 42 as well.", """
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                nn.init.constant_(module.weight, 42)
                nn.init.constant_(module.bias, 42)
    """),
    Mutant("init_42", "Zeroes the bias, which must stay untouched.", """
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                nn.init.constant_(module.weight, 42)
                nn.init.zeros_(module.bias)
    """),
    Mutant("init_42", "Sets every module that has a weight to 42, LayerNorm included.", """
        from torch import nn

        def init_42(module):
            if hasattr(module, "weight"):
                nn.init.constant_(module.weight, 42)
    """),
    Mutant("init_42", "Adds 42 to the weight instead of setting it.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    module.weight += 42
    """),
    Mutant("init_42", "Replaces the weight with a new nn.Parameter.", """
        import torch
        from torch import nn

        def init_42(module):
            if isinstance(module, nn.Linear):
                module.weight = nn.Parameter(torch.full_like(module.weight, 42.0))
    """),
    # ------------------------------------------------------------------ my_init
    Mutant("my_init", "Forgets to zero the entries with |w| < 5.", """
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                nn.init.uniform_(module.weight, -10, 10)
    """),
    Mutant("my_init", "Inverts the mask, keeping the entries with |w| < 5.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    module.weight.uniform_(-10, 10)
                    module.weight *= module.weight.abs() < 5
    """),
    Mutant("my_init", "Masks with w >= 5 (no abs), which zeroes every negative entry.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    module.weight.uniform_(-10, 10)
                    module.weight *= module.weight >= 5
    """),
    Mutant("my_init", "Masks a new tensor w = w * mask and never writes it back to the weight.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    w = module.weight
                    w.uniform_(-10, 10)
                    w = w * (w.abs() >= 5)
    """),
    Mutant("my_init", "Applies the rule to every parameter of the layer, the bias included.", """
        import torch
        from torch import nn

        def my_init(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    for p in module.parameters():
                        p.uniform_(-10, 10)
                        p *= p.abs() >= 5
    """),
    # ------------------------------------------------------------------ set_manually
    Mutant("set_manually", "Sets [0, 0] to 42 first and adds 1 afterwards, giving 43.", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                net[0].weight[0, 0] = 42
                net[0].weight += 1
    """),
    Mutant("set_manually", "Sets the whole first row, weight[0] = 42, instead of one entry.", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                net[0].weight += 1
                net[0].weight[0] = 42
    """),
    Mutant("set_manually", "Replaces net[0].weight with a new nn.Parameter.", """
        import torch
        from torch import nn

        def set_manually(net):
            w = net[0].weight.detach() + 1
            w[0, 0] = 42
            net[0].weight = nn.Parameter(w)
    """),
    Mutant("set_manually", "Adds 1 to the bias as well.", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                for p in net[0].parameters():
                    p += 1
                net[0].weight[0, 0] = 42
    """),
    Mutant("set_manually", "Edits a clone of the weight, so the layer never changes.", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                w = net[0].weight.clone()
                w += 1
                w[0, 0] = 42
    """),
    # ------------------------------------------------------------------ tied_net
    Mutant("tied_net", "Creates two separate Linear(w, w) layers, so nothing is tied.", """
        from torch import nn

        def tied_net(width=8):
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                 nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 1))
    """),
    Mutant("tied_net", "Copies the shared layer's weights into a second Linear with load_state_dict.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            second = nn.Linear(width, width)
            second.load_state_dict(shared.state_dict())
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), second, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "Points a second Linear's .data at the first's storage: values follow, gradients do not.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            second = nn.Linear(width, width)
            second.weight.data = shared.weight.data
            second.bias.data = shared.bias.data
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), second, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
    Mutant("tied_net", "Hard-codes the book's width 8 for the shared layer.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(8, 8)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
]

VARIANTS = [
    Mutant("layer_state", "Strips the 'i.' prefix from the whole network's state_dict(): wrong for net[-1] (was listed as a variant).", """
        def layer_state(net, i):
            prefix = f"{i}."
            return {k[len(prefix):]: v for k, v in net.state_dict().items() if k.startswith(prefix)}
    """),
    Mutant("layer_state", "Reaches the layer through list(net.children()), which lists a repeated module once (was listed as a variant).", """
        def layer_state(net, i):
            return list(net.children())[i].state_dict()
    """),
    Mutant("named_shapes", "Keeps the Parameters from state_dict(keep_vars=True): a shared layer is listed twice, unlike named_parameters() (was listed as a variant).", """
        from torch import nn

        def named_shapes(net):
            return [(k, tuple(v.shape)) for k, v in net.state_dict(keep_vars=True).items()
                    if isinstance(v, nn.Parameter)]
    """),
    Variant("named_shapes", "Walks named_modules() and each module's own parameters (recurse=False).", """
        def named_shapes(net):
            out = []
            for prefix, module in net.named_modules():
                for name, p in module.named_parameters(recurse=False):
                    out.append((f"{prefix}.{name}" if prefix else name, tuple(p.size())))
            return out
    """),
    Variant("state_value", "Follows the dotted key with getattr, one part at a time.", """
        import functools

        def state_value(net, key):
            return functools.reduce(getattr, key.split("."), net)
    """),
    Mutant("state_value", "Merges named_parameters() and named_buffers(), which list a shared layer once: its second key is missing (was listed as a variant).", """
        def state_value(net, key):
            return {**dict(net.named_parameters()), **dict(net.named_buffers())}[key]
    """),
    Mutant("nested_param", "Joins the path into a dotted name for net.get_parameter: wrong for negative indices (was listed as a variant).", """
        def nested_param(net, path, name):
            return net.get_parameter(".".join([*map(str, path), name]))
    """),
    Variant("nested_param", "Folds the path with functools.reduce and reads named_parameters().", """
        import functools

        def nested_param(net, path, name):
            module = functools.reduce(lambda m, i: m[i], path, net)
            return dict(module.named_parameters())[name]
    """),
    Variant("rgnet", "Builds block2 from an OrderedDict and block1 with add_module.", """
        from collections import OrderedDict
        from torch import nn

        def block1():
            net = nn.Sequential()
            for i, layer in enumerate([nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU()]):
                net.add_module(str(i), layer)
            return net

        def block2():
            return nn.Sequential(OrderedDict((f"block {i}", block1()) for i in range(4)))
    """),
    Variant("rgnet", "Builds block1 from a loop over layer sizes, block2 with setattr and rgnet with append.", """
        from torch import nn

        def block1():
            layers = []
            for fan_in, fan_out in ((4, 8), (8, 4)):
                layers += [nn.Linear(fan_in, fan_out), nn.ReLU()]
            return nn.Sequential(*layers)

        def block2():
            net = nn.Sequential()
            for i in range(4):
                setattr(net, f"block {i}", block1())
            return net

        def rgnet():
            net = nn.Sequential()
            net.append(block2())
            net.append(nn.Linear(4, 1))
            return net
    """),
    Variant("init_normal", "Writes through .data in the book's style and checks type(m) == nn.Linear.", """
        import torch
        from torch import nn

        def init_normal(m):
            if type(m) == nn.Linear:
                m.weight.data.normal_(0, 0.01)
                m.bias.data.zero_()
    """),
    Variant("init_normal", "Copies torch.randn(...) * 0.01 into the weight under no_grad.", """
        import torch
        from torch import nn

        def init_normal(m):
            if isinstance(m, nn.Linear):
                with torch.no_grad():
                    m.weight.copy_(torch.randn(m.weight.shape) * 0.01)
                    m.bias.fill_(0)
    """),
    Variant("init_constant", "Slice assignment under torch.no_grad().", """
        import torch
        from torch import nn

        def init_constant(m):
            if isinstance(m, nn.Linear):
                with torch.no_grad():
                    m.weight[:] = 1
                    m.bias[:] = 0
    """),
    Variant("init_xavier", "Draws U(-a, a) with a = sqrt(6 / (fan_in + fan_out)) by hand.", """
        import math
        import torch
        from torch import nn

        def init_xavier(m):
            if isinstance(m, nn.Linear):
                a = math.sqrt(6.0 / (m.in_features + m.out_features))
                with torch.no_grad():
                    m.weight.uniform_(-a, a)
    """),
    Variant("init_constant", "nn.init.ones_ and nn.init.zeros_, with an exact type check.", """
        from torch import nn

        def init_constant(m):
            if type(m) is nn.Linear:
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
    """),
    Variant("init_xavier", "xavier_uniform_ with the explicit gain calculate_gain('linear') = 1.", """
        from torch import nn

        def init_xavier(m):
            if type(m) == nn.Linear:
                nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain("linear"))
    """),
    Variant("init_42", "fill_ on weight.data (the book's style).", """
        from torch import nn

        def init_42(m):
            if type(m) == nn.Linear:
                m.weight.data.fill_(42)
    """),
    Variant("my_init", "The book's .data version: uniform_, then multiply by the mask.", """
        from torch import nn

        def my_init(m):
            if type(m) == nn.Linear:
                nn.init.uniform_(m.weight, -10, 10)
                m.weight.data *= m.weight.data.abs() >= 5
    """),
    Variant("my_init", "Boolean-mask assignment of zeros under torch.no_grad().", """
        import torch
        from torch import nn

        def my_init(m):
            if isinstance(m, nn.Linear):
                with torch.no_grad():
                    w = m.weight
                    w.copy_(torch.rand_like(w) * 20 - 10)
                    w[w.abs() < 5] = 0
    """),
    Variant("set_manually", "The book's .data version with a slice.", """
        def set_manually(net):
            net[0].weight.data[:] += 1
            net[0].weight.data[0, 0] = 42
    """),
    Variant("set_manually", "add_ and fill_ on a view under torch.no_grad().", """
        import torch

        def set_manually(net):
            with torch.no_grad():
                w = net[0].weight
                w.add_(torch.ones_like(w))
                w[0, 0].fill_(42)
    """),
    Variant("tied_net", "Repeats the pair [shared, ReLU()] with list multiplication.", """
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), *[shared, nn.ReLU()] * 2, nn.Linear(width, 1))
    """),
    Variant("tied_net", "Names the layers through an OrderedDict, the shared one under two names.", """
        from collections import OrderedDict
        from torch import nn

        def tied_net(width=8):
            shared = nn.Linear(width, width)
            return nn.Sequential(OrderedDict([
                ("inp", nn.Linear(4, width)), ("act1", nn.ReLU()), ("shared", shared), ("act2", nn.ReLU()),
                ("shared_again", shared), ("act3", nn.ReLU()), ("out", nn.Linear(width, 1)),
            ]))
    """),
]

# ---------------------------------------------------------------- issue 11: classes that escaped a blind batch
MUTANTS += [
    Mutant("init_normal", "Re-initialises every module with a weight (Conv2d, Embedding), not only nn.Linear.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(getattr(module, "weight", None), torch.Tensor) and not isinstance(module, nn.LayerNorm):
                with torch.no_grad():
                    nn.init.normal_(module.weight, mean=0.0, std=0.01)
                    if getattr(module, "bias", None) is not None:
                        nn.init.zeros_(module.bias)
    """),
    Mutant("init_normal", "A normal truncated at 3 sigma (trunc_normal_): no value beyond 0.03.", """
        import torch
        from torch import nn

        def init_normal(module):
            if isinstance(module, nn.Linear):
                with torch.no_grad():
                    nn.init.trunc_normal_(module.weight, mean=0.0, std=0.01, a=-0.03, b=0.03)
                    nn.init.zeros_(module.bias)
    """),
    Mutant("layer_state", "Indexes list(net.children()), which lists a repeated module once.", """
        def layer_state(net, i):
            return list(net.children())[i].state_dict()
    """),
    Mutant("tied_net", "Has the default width 16 instead of 8.", """
        from torch import nn

        def tied_net(width=16):
            shared = nn.Linear(width, width)
            return nn.Sequential(nn.Linear(4, width), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(),
                                 nn.Linear(width, 1))
    """),
]
