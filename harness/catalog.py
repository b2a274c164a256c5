"""The one list of graded units: ids, titles, book sections, points, hints, order.

Everything that needs to know about units (the graders' registry, the pytest
plugin, the summary table, the JSON report, the ``drill`` command) reads this
module.  Chapter order is the order of ``UNITS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FRAMEWORKS = ("pytorch", "tensorflow")
MODULES = ("blocks", "parameters", "lazy_init", "custom_layers", "file_io", "gpu")

SECTIONS = {
    "blocks": "6.1 Layers and Modules",
    "parameters": "6.2 Parameter Management",
    "lazy_init": "6.4 Lazy Initialization",
    "custom_layers": "6.5 Custom Layers",
    "file_io": "6.6 File I/O",
    "gpu": "6.7 GPUs",
}


@dataclass(frozen=True)
class Unit:
    id: str  # "<framework>.<module>.<name>"
    title: str
    points: float
    names: tuple[str, ...]  # names the module must define; any absent -> "missing"
    hints: tuple[str, ...] = ()
    depends: tuple[str, ...] = ()  # names of other units this one uses (a bug there shows here too)
    gpu: bool = False

    @property
    def framework(self) -> str:
        return self.id.split(".")[0]

    @property
    def module(self) -> str:
        return self.id.split(".")[1]

    @property
    def name(self) -> str:
        return self.id.split(".")[2]

    @property
    def section(self) -> str:
        return SECTIONS[self.module]


def _u(fw, module, name, title, points=2.0, names=None, hints=(), depends=(), gpu=False):
    return Unit(
        id=f"{fw}.{module}.{name}",
        title=title,
        points=float(points),
        names=tuple(names or (name,)),
        hints=tuple(hints),
        depends=tuple(depends),
        gpu=gpu,
    )


_PT = [
    # blocks
    _u("pytorch", "blocks", "MLP", "A multilayer perceptron as an nn.Module", 2,
       hints=("Create the layers in __init__ and store them as attributes so nn.Module registers them.",
              "nn.Linear(in_features, hidden) and nn.Linear(hidden, out_features); forward is out(F.relu(hidden(X))).")),
    _u("pytorch", "blocks", "MySequential", "Your own Sequential container", 3,
       hints=("A plain Python list hides the blocks from parameters() and state_dict().",
              "self.add_module(str(i), block) registers a block under the key nn.Sequential would use; keep your own "
              "list for forward so a block given twice runs twice (children() skips duplicates).")),
    _u("pytorch", "blocks", "FixedHiddenMLP", "Constant parameters and control flow in forward", 3,
       hints=("A constant that must move with .to() and appear in state_dict() is a buffer, not a Parameter.",
              "self.register_buffer('rand_weight', torch.rand(20, 20)); reuse the same nn.Linear twice.")),
    _u("pytorch", "blocks", "NestMLP", "Nesting blocks", 1,
       hints=("nn.Sequential can hold the first four layers; the last Linear is a separate attribute.",)),
    _u("pytorch", "blocks", "chimera", "Mixing custom and built-in blocks", 1,
       depends=("NestMLP", "FixedHiddenMLP"),
       hints=("Return nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP()).",)),
    _u("pytorch", "blocks", "ParallelBlock", "Two blocks in parallel, outputs concatenated", 2,
       hints=("Both nets must be registered (attributes), and the concatenation is along the last axis.",
              "torch.cat([net1(X), net2(X)], dim=-1)")),
    _u("pytorch", "blocks", "repeat_block", "n independent copies of a block", 2,
       hints=("Call make_block() once per copy: [make_block()] * n repeats one object n times.",
              "nn.Sequential(*[make_block() for _ in range(n)])")),
    # parameters
    _u("pytorch", "parameters", "layer_state", "The state of one layer", 1,
       hints=("Index the Sequential, then ask that layer for its state_dict().",)),
    _u("pytorch", "parameters", "named_shapes", "Every parameter's name and shape", 1,
       hints=("named_parameters() yields (name, Parameter) pairs; buffers are not parameters.",
              "[(name, tuple(p.shape)) for name, p in net.named_parameters()]")),
    _u("pytorch", "parameters", "state_value", "A value from the state dict", 1,
       hints=("state_dict() holds buffers too, not only parameters.",)),
    _u("pytorch", "parameters", "nested_param", "A parameter inside nested blocks", 1,
       hints=("Follow the path one index at a time, then getattr the name. Return the Parameter, not .data or a copy.",)),
    _u("pytorch", "parameters", "rgnet", "Nested blocks with names", 2, names=("block1", "block2", "rgnet"),
       hints=("block2 adds its children with add_module(f'block {i}', block1()).",)),
    _u("pytorch", "parameters", "init_normal", "Initialise with N(0, 0.01), bias 0", 1,
       hints=("Only nn.Linear modules: check type(m) == nn.Linear or isinstance(m, nn.Linear).",
              "nn.init.normal_(m.weight, mean=0, std=0.01); nn.init.zeros_(m.bias)")),
    _u("pytorch", "parameters", "init_constant", "Initialise with constants", 1,
       hints=("nn.init.constant_(m.weight, 1); nn.init.zeros_(m.bias)",)),
    _u("pytorch", "parameters", "init_xavier", "Xavier initialisation", 1,
       hints=("Xavier uniform, bias untouched.", "nn.init.xavier_uniform_(m.weight)")),
    _u("pytorch", "parameters", "init_42", "A constant 42", 1,
       hints=("nn.init.constant_(m.weight, 42); leave the bias alone.",)),
    _u("pytorch", "parameters", "my_init", "A custom initialiser", 2,
       hints=("Draw U(-10, 10) in place, then zero the entries with |w| < 5 in place.",
              "nn.init.uniform_(m.weight, -10, 10); with torch.no_grad(): m.weight *= m.weight.abs() >= 5")),
    _u("pytorch", "parameters", "set_manually", "Setting parameters by hand", 1,
       hints=("In-place changes to a Parameter need torch.no_grad().",
              "with torch.no_grad(): net[0].weight += 1; net[0].weight[0, 0] = 42")),
    _u("pytorch", "parameters", "tied_net", "Tied parameters", 2,
       hints=("One nn.Linear object placed twice in the Sequential is one set of parameters.",
              "shared = nn.Linear(width, width); nn.Sequential(..., shared, nn.ReLU(), shared, ...)")),
    # lazy init
    _u("pytorch", "lazy_init", "lazy_mlp", "A network whose input size is inferred", 2,
       hints=("nn.LazyLinear(out) infers its input size on the first call.",)),
    _u("pytorch", "lazy_init", "all_lazy_mlp", "Every layer lazy", 1,
       hints=("Use nn.LazyLinear for every linear layer.",)),
    _u("pytorch", "lazy_init", "materialize", "Materialising lazy parameters", 1,
       hints=("One forward pass on a dummy batch of shape (1, in_features) materialises every lazy layer.",
              "with torch.no_grad(): net(torch.zeros(1, in_features)); return net")),
    # custom layers
    _u("pytorch", "custom_layers", "CenteredLayer", "A layer without parameters", 1,
       hints=("Subtract the mean over all elements, not over one axis.",)),
    _u("pytorch", "custom_layers", "MyLinear", "A layer with parameters", 2,
       hints=("Wrap tensors in nn.Parameter so the module registers them; never use .data in forward.",
              "self.weight = nn.Parameter(torch.randn(in_units, units)); F.relu(X @ self.weight + self.bias)")),
    _u("pytorch", "custom_layers", "TensorReduction", "A tensor reduction layer", 2,
       hints=("y[n, k] = sum over i, j of W[i, j, k] x[n, i] x[n, j].",
              "torch.einsum('ijk,ni,nj->nk', W, X, X)")),
    _u("pytorch", "custom_layers", "FourierHalf", "Half of the Fourier coefficients", 1,
       hints=("torch.fft.fft along the last axis, then keep the first (d + 1) // 2 entries.",)),
    # file io
    _u("pytorch", "file_io", "tensor", "Saving and loading a tensor", 1, names=("save_tensor", "load_tensor"),
       hints=("torch.save writes exactly the path you give it.", "torch.load(path, weights_only=True)")),
    _u("pytorch", "file_io", "tensor_list", "Saving and loading a list of tensors", 1,
       names=("save_tensors", "load_tensors"),
       hints=("torch.save accepts a list; load it with weights_only=True and return a list.",)),
    _u("pytorch", "file_io", "tensor_dict", "Saving and loading a dict of tensors", 1,
       names=("save_tensor_dict", "load_tensor_dict"),
       hints=("torch.save accepts a dict of str to tensor.",)),
    _u("pytorch", "file_io", "params", "Saving and loading model parameters", 2, names=("save_params", "load_params"),
       hints=("Save net.state_dict(), not the module object (loading a module needs a pickle).",
              "net = make_net(); net.load_state_dict(torch.load(path, weights_only=True)); net.eval()")),
    # gpu
    _u("pytorch", "gpu", "num_gpus", "Counting GPUs", 1,
       hints=("Ask torch.cuda inside the function, not at import time.", "torch.cuda.device_count()")),
    _u("pytorch", "gpu", "try_gpu", "A GPU if it exists, else the CPU", 1,
       hints=("Valid GPU indices are 0 .. count - 1; anything else gives the CPU.",
              "torch.device(f'cuda:{i}') if 0 <= i < torch.cuda.device_count() else torch.device('cpu')")),
    _u("pytorch", "gpu", "try_all_gpus", "Every GPU, or the CPU", 1,
       hints=("Without GPUs the list is [torch.device('cpu')], not empty.",)),
    _u("pytorch", "gpu", "placement", "Tensors and modules on the GPU", 2, names=("to_device", "try_gpu"), gpu=True,
       hints=("Tensor.to(device) returns a copy; Module.to(device) moves the module in place and returns it.",)),
]

UNITS: tuple[Unit, ...] = tuple(_PT)
BY_ID: dict[str, Unit] = {u.id: u for u in UNITS}


def units_for(framework: str | None = None, module: str | None = None) -> list[Unit]:
    return [
        u for u in UNITS
        if (framework is None or u.framework == framework) and (module is None or u.module == module)
    ]

