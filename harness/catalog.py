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


_TF = [
    # blocks
    _u("tensorflow", "blocks", "MLP", "A multilayer perceptron as a keras.Model", 2,
       hints=("Create the layers in __init__ as attributes; Keras infers the input size on the first call.",
              "self.hidden = keras.layers.Dense(hidden); self.out = keras.layers.Dense(out_features); "
              "call returns self.out(tf.nn.relu(self.hidden(X))).")),
    _u("tensorflow", "blocks", "MySequential", "Your own Sequential container", 3,
       hints=("Derive from keras.Model (not keras.Sequential) and keep the layers in a list attribute.",
              "for layer in self.blocks: X = layer(X) - a layer given twice runs twice.")),
    _u("tensorflow", "blocks", "FixedHiddenMLP", "Constant weights and control flow in call", 3,
       hints=("A constant is a non-trainable weight: self.add_weight(..., trainable=False).",
              "Keras traces call symbolically inside keras.Sequential and tf.function: write the halving loop as "
              "tf.while_loop(cond, body, (X,)).")),
    _u("tensorflow", "blocks", "NestMLP", "Nesting blocks", 1,
       hints=("A keras.Sequential of Dense(64, relu) and Dense(32, relu), then a separate Dense(16).",)),
    _u("tensorflow", "blocks", "chimera", "Mixing custom and built-in blocks", 1,
       depends=("NestMLP", "FixedHiddenMLP"),
       hints=("Return keras.Sequential([NestMLP(), keras.layers.Dense(20), FixedHiddenMLP()]).",)),
    _u("tensorflow", "blocks", "ParallelBlock", "Two blocks in parallel, outputs concatenated", 2,
       hints=("Keep both nets as attributes and concatenate on the last axis.",
              "tf.concat([self.net1(X), self.net2(X)], axis=-1)")),
    _u("tensorflow", "blocks", "repeat_block", "n independent copies of a block", 2,
       hints=("Call make_block() once per copy: [make_block()] * n repeats one layer object.",
              "keras.Sequential([make_block() for _ in range(n)])")),
    # parameters
    _u("tensorflow", "parameters", "layer_weights", "The weights of one layer", 1,
       hints=("net.layers[i].weights are the variables themselves; get_weights() gives numpy copies.",)),
    _u("tensorflow", "parameters", "weight_shapes", "Every weight's shape", 1,
       hints=("[tuple(w.shape) for w in net.weights]",)),
    _u("tensorflow", "parameters", "nested_weight", "A weight inside nested blocks", 1,
       hints=("Follow .layers[i] for each index of the path, then getattr(layer, name).",)),
    _u("tensorflow", "parameters", "rgnet", "Nested blocks with names", 2, names=("block1", "block2", "rgnet"),
       hints=("Keras 3 has no tf.variable_scope: give each block1 its name with the name= argument.",)),
    _u("tensorflow", "parameters", "normal_init", "An N(0, 0.01) initializer", 1,
       hints=("keras.initializers.RandomNormal(mean=0.0, stddev=0.01)",)),
    _u("tensorflow", "parameters", "xavier_init", "The Xavier initializer", 1,
       hints=("Xavier is Glorot in Keras: keras.initializers.GlorotUniform()",)),
    _u("tensorflow", "parameters", "constant_init", "A constant initializer", 1,
       hints=("keras.initializers.Constant(value)",)),
    _u("tensorflow", "parameters", "MyInit", "A custom initializer", 2,
       hints=("Subclass keras.initializers.Initializer and implement __call__(self, shape, dtype=None).",
              "Draw tf.random.uniform(shape, -10, 10, dtype=dtype), then zero entries with |w| < 5 (tf.where).")),
    _u("tensorflow", "parameters", "apply_init", "Re-initialising a built network in place", 2,
       hints=("Walk net.layers recursively; for each built Dense assign to its variables.",
              "layer.kernel.assign(kernel_init(layer.kernel.shape, layer.kernel.dtype))")),
    _u("tensorflow", "parameters", "set_manually", "Setting weights by hand", 1,
       hints=("Variables change through assign: kernel.assign(kernel + 1); kernel[0, 0].assign(42)",)),
    _u("tensorflow", "parameters", "tied_net", "Tied weights", 2,
       hints=("tf.variable_scope is gone: tying is one Dense object used twice in the Sequential.",)),
    # lazy init
    _u("tensorflow", "lazy_init", "lazy_mlp", "A network whose input size is inferred", 2,
       hints=("A Dense with no input shape creates its kernel on the first call.",)),
    _u("tensorflow", "lazy_init", "all_lazy_mlp", "Every layer lazy", 1,
       hints=("Give no layer an input shape (and no keras.Input).",)),
    _u("tensorflow", "lazy_init", "materialize", "Materialising lazy weights", 1,
       hints=("One call on tf.zeros((1, in_features)) builds every layer; return net.",)),
    # custom layers
    _u("tensorflow", "custom_layers", "CenteredLayer", "A layer without weights", 1,
       hints=("Subtract tf.reduce_mean(X) over all elements.",)),
    _u("tensorflow", "custom_layers", "MyDense", "A layer with weights", 2,
       hints=("Create the weights in build(input_shape) with self.add_weight; the input size is input_shape[-1].",
              "weight: initializer='random_normal'; bias: initializer='zeros'; call: tf.nn.relu(X @ w + b)")),
    _u("tensorflow", "custom_layers", "TensorReduction", "A tensor reduction layer", 2,
       hints=("tf.einsum('ijk,ni,nj->nk', W, X, X)",)),
    _u("tensorflow", "custom_layers", "FourierHalf", "Half of the Fourier coefficients", 1,
       hints=("tf.signal.fft needs a complex input: tf.cast(X, tf.complex64).",)),
    # file io
    _u("tensorflow", "file_io", "tensor", "Saving and loading a tensor", 1, names=("save_tensor", "load_tensor"),
       hints=("np.save appends .npy to a path: write to an open file object instead.",
              "Store the dtype name yourself: numpy has no bfloat16; load with allow_pickle=False.")),
    _u("tensorflow", "file_io", "tensor_list", "Saving and loading a list of tensors", 1,
       names=("save_tensors", "load_tensors"),
       hints=("np.save of a list of tensors builds one array and loses dtypes: save each tensor.",)),
    _u("tensorflow", "file_io", "tensor_dict", "Saving and loading a dict of tensors", 1,
       names=("save_tensor_dict", "load_tensor_dict"),
       hints=("Keys may hold '/' and '.': keep them in a header rather than as archive names.",)),
    _u("tensorflow", "file_io", "params", "Saving and loading model weights", 2, names=("save_params", "load_params"),
       hints=("save_weights demands a .weights.h5 suffix: save get_weights() in your own format, or write to a "
              "temporary .weights.h5 and move it.", "load_params: net = make_net(); net.build(input_shape); "
              "net.set_weights(...)")),
    # gpu
    _u("tensorflow", "gpu", "num_gpus", "Counting GPUs", 1,
       hints=("len(tf.config.list_physical_devices('GPU')), read inside the function.",)),
    _u("tensorflow", "gpu", "try_gpu", "A GPU if it exists, else the CPU", 1,
       hints=("Return a device name string: f'/GPU:{i}' if 0 <= i < count else '/CPU:0'.",)),
    _u("tensorflow", "gpu", "try_all_gpus", "Every GPU, or the CPU", 1,
       hints=("Without GPUs the list is ['/CPU:0'], not empty.",)),
    _u("tensorflow", "gpu", "placement", "Tensors on the GPU", 2, names=("to_device", "try_gpu"), gpu=True,
       hints=("with tf.device(device): return tf.identity(x)",)),
]

UNITS: tuple[Unit, ...] = tuple(_PT + _TF)
BY_ID: dict[str, Unit] = {u.id: u for u in UNITS}


def units_for(framework: str | None = None, module: str | None = None) -> list[Unit]:
    return [
        u for u in UNITS
        if (framework is None or u.framework == framework) and (module is None or u.module == module)
    ]

