"""The one list of graded units: ids, titles, book sections, points, hints, order.

Everything that needs to know about units (the graders' registry, the pytest
plugin, the summary table, the JSON report, the ``drill`` command) reads this
module.  Chapter order is the order of ``UNITS``.

Hints come in stages, shown one at a time by ``drill hint``: first a nudge (what
to think about), then the API to use; never the solution itself
(``tests/test_drill.py`` checks that no hint contains a statement of the
reference).
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
    rule: str = ""  # the one-line rule the unit must meet (``drill next`` shows it; CONTRACT.md has the details)

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


def _u(fw, module, name, title, points=2.0, names=None, hints=(), depends=(), gpu=False, rule=""):
    return Unit(
        id=f"{fw}.{module}.{name}",
        title=title,
        points=float(points),
        names=tuple(names or (name,)),
        hints=tuple(hints),
        depends=tuple(depends),
        gpu=gpu,
        rule=rule,
    )


_PT = [
    # blocks
    _u("pytorch", "blocks", "MLP", "A multilayer perceptron as an nn.Module", 2,
       rule="MLP(in_features=20, hidden=256, out_features=10): two nn.Linear registered in that order; "
            "forward(X) = out(relu(hidden(X))).",
       hints=("Create the layers in __init__ and store them as attributes so nn.Module registers them.",
              "nn.Linear for each layer (in_features -> hidden, then hidden -> out_features) and F.relu between "
              "them in forward.")),
    _u("pytorch", "blocks", "MySequential", "Your own Sequential container", 3,
       rule="MySequential(*blocks) derives from nn.Module, registers every block under the key nn.Sequential "
            "would use (\"0\", \"1\", ...) and applies them in order, a block given twice twice.",
       hints=("A plain Python list hides the blocks from parameters() and state_dict().",
              "nn.Module.add_module(name, module) registers a block under a name you choose (the index as a "
              "string); keep your own tuple for forward, since children() skips a block it has already yielded.")),
    _u("pytorch", "blocks", "FixedHiddenMLP", "Constant parameters and control flow in forward", 3,
       rule="rand_weight is a (20, 20) uniform[0, 1) buffer (in state_dict, never a parameter); one nn.Linear(20, 20) "
            "used twice; halve X while X.abs().sum() > 1 and return X.sum().",
       hints=("A constant that must move with .to() and appear in state_dict() is a buffer, not a Parameter.",
              "nn.Module.register_buffer(name, tensor) with torch.rand for the values; keep one nn.Linear attribute "
              "and call it twice in forward.")),
    _u("pytorch", "blocks", "NestMLP", "Nesting blocks", 1,
       rule="net = Sequential(Linear(20, 64), ReLU, Linear(64, 32), ReLU), then Linear(32, 16).",
       hints=("A block may hold other blocks: the first four layers form one inner block, the last layer another.",
              "nn.Sequential for the inner part (nn.Linear and nn.ReLU), a separate nn.Linear attribute for the "
              "output layer.")),
    _u("pytorch", "blocks", "chimera", "Mixing custom and built-in blocks", 1,
       depends=("NestMLP", "FixedHiddenMLP"),
       rule="chimera() returns Sequential(NestMLP(), Linear(16, 20), FixedHiddenMLP()).",
       hints=("Your own blocks mix freely with PyTorch's: the three parts go into one container, in the book's order.",
              "nn.Sequential takes the blocks as positional arguments; the middle one maps 16 features to 20.")),
    _u("pytorch", "blocks", "ParallelBlock", "Two blocks in parallel, outputs concatenated", 2,
       rule="ParallelBlock(net1, net2): both registered; forward(X) = concatenation of net1(X) and net2(X) on the "
            "last axis.",
       hints=("Both nets must be registered (attributes), and the concatenation is along the last axis.",
              "torch.cat takes a list of tensors and a dim argument; dim=-1 is the last axis.")),
    _u("pytorch", "blocks", "repeat_block", "n independent copies of a block", 2,
       rule="repeat_block(make_block, n) returns a sequential container of n independent blocks, one fresh "
            "make_block() call each.",
       hints=("Call make_block() once per copy: [make_block()] * n repeats one object n times.",
              "A list comprehension over range(n), unpacked into nn.Sequential(*...).")),
    # parameters
    _u("pytorch", "parameters", "layer_state", "The state of one layer", 1,
       rule="layer_state(net, i) returns net[i].state_dict().",
       hints=("A Sequential can be indexed like a list.",
              "Every nn.Module has a state_dict() method.")),
    _u("pytorch", "parameters", "named_shapes", "Every parameter's name and shape", 1,
       rule="named_shapes(net) returns [(name, tuple(shape)), ...] in named_parameters() order.",
       hints=("named_parameters() yields (name, Parameter) pairs; buffers are not parameters.",
              "Convert each torch.Size with tuple(); a list comprehension over net.named_parameters() does it.")),
    _u("pytorch", "parameters", "state_value", "A value from the state dict", 1,
       rule="state_value(net, key) returns the tensor net.state_dict()[key], e.g. key \"2.bias\".",
       hints=("state_dict() holds buffers too, not only parameters.",
              "state_dict() returns a dict keyed by dotted names such as \"2.bias\".")),
    _u("pytorch", "parameters", "nested_param", "A parameter inside nested blocks", 1,
       rule="nested_param(net, path, name) follows net[i] for each index of path and returns that module's "
            "Parameter `name` itself.",
       hints=("Follow the path one index at a time; return the Parameter, not .data or a copy.",
              "Index one level per loop step; the built-in getattr reads an attribute whose name is a string.")),
    _u("pytorch", "parameters", "rgnet", "Nested blocks with names", 2, names=("block1", "block2", "rgnet"),
       rule="block1() = Sequential(Linear(4, 8), ReLU, Linear(8, 4), ReLU); block2() holds four block1() named "
            "\"block 0\"..\"block 3\"; rgnet() = Sequential(block2(), Linear(4, 1)).",
       hints=("The children of block2 need the names \"block 0\" to \"block 3\" (with a space).",
              "Start from an empty nn.Sequential() and call add_module(name, block1()) in a loop.")),
    _u("pytorch", "parameters", "init_normal", "Initialise with N(0, 0.01), bias 0", 1,
       rule="For net.apply: every nn.Linear gets weight N(0, 0.01) and bias 0, in place, no autograd history.",
       hints=("Only nn.Linear modules: check type(m) == nn.Linear or isinstance(m, nn.Linear).",
              "torch.nn.init.normal_ (mean, std keywords) and torch.nn.init.zeros_ change a Parameter in place.")),
    _u("pytorch", "parameters", "init_constant", "Initialise with constants", 1,
       rule="For net.apply: every nn.Linear gets weight 1 and bias 0, in place.",
       hints=("Change nn.Linear modules only, and the Parameter objects in place (no new Parameters).",
              "torch.nn.init.constant_(tensor, value) and torch.nn.init.zeros_(tensor).")),
    _u("pytorch", "parameters", "init_xavier", "Xavier initialisation", 1,
       rule="For net.apply: every nn.Linear weight gets Xavier-uniform values in place; bias untouched.",
       hints=("Xavier uniform, bias untouched.",
              "torch.nn.init has an in-place xavier_uniform_ function.")),
    _u("pytorch", "parameters", "init_42", "A constant 42", 1,
       rule="For net.apply: every nn.Linear weight becomes 42 in place; bias untouched.",
       hints=("Only the weight changes; leave the bias alone.",
              "torch.nn.init.constant_(tensor, value) fills a Parameter in place.")),
    _u("pytorch", "parameters", "my_init", "A custom initialiser", 2,
       rule="For net.apply: every nn.Linear weight drawn U(-10, 10), then entries with |w| < 5 set to 0, in place; "
            "bias untouched.",
       hints=("Draw U(-10, 10) in place, then zero the entries with |w| < 5 in place.",
              "torch.nn.init.uniform_(tensor, a, b); inside torch.no_grad() multiply by the boolean mask "
              "(abs() >= 5).")),
    _u("pytorch", "parameters", "set_manually", "Setting parameters by hand", 1,
       rule="set_manually(net): net[0].weight += 1 everywhere, then net[0].weight[0, 0] = 42, in place.",
       hints=("In-place changes to a Parameter that requires grad need autograd switched off.",
              "Use a `with torch.no_grad():` block, then += and item assignment on the Parameter.")),
    _u("pytorch", "parameters", "tied_net", "Tied parameters", 2,
       rule="tied_net(width=8): Sequential(Linear(4, w), ReLU, shared, ReLU, shared, ReLU, Linear(w, 1)) with one "
            "shared Linear(w, w) object at indices 2 and 4.",
       hints=("One nn.Linear object placed twice in the Sequential is one set of parameters.",
              "Create the shared nn.Linear once, before building the nn.Sequential, and pass that same object "
              "twice.")),
    # lazy init
    _u("pytorch", "lazy_init", "lazy_mlp", "A network whose input size is inferred", 2,
       rule="lazy_mlp(hidden=256, out_features=10): the first layer's input size is unknown until the first call; "
            "then its weight is (hidden, d).",
       hints=("The first layer cannot know its input size yet; PyTorch has layers that wait for the first call.",
              "nn.LazyLinear(out_features) infers its input size on the first call.")),
    _u("pytorch", "lazy_init", "all_lazy_mlp", "Every layer lazy", 1,
       rule="all_lazy_mlp(hidden=256, out_features=10): like lazy_mlp, with every linear layer lazy.",
       hints=("Every linear layer, not only the first, should wait for its first input.",
              "nn.LazyLinear for each linear layer, nn.ReLU between them.")),
    _u("pytorch", "lazy_init", "materialize", "Materialising lazy parameters", 1,
       rule="materialize(net, in_features) initializes every lazy weight and returns net.",
       hints=("Lazy layers materialise on their first forward pass.",
              "Call the net once on a dummy batch of shape (1, in_features) (torch.zeros), under torch.no_grad().")),
    # custom layers
    _u("pytorch", "custom_layers", "CenteredLayer", "A layer without parameters", 1,
       rule="CenteredLayer has no parameters; forward(X) = X - X.mean() over all elements.",
       hints=("Subtract the mean over all elements, not over one axis.",
              "Tensor.mean() without a dim argument averages every element.")),
    _u("pytorch", "custom_layers", "MyLinear", "A layer with parameters", 2,
       rule="MyLinear(in_units, units): Parameters weight (in_units, units) and bias (units,), standard normal; "
            "forward = relu(X @ weight + bias), gradients reach both.",
       hints=("Wrap tensors in nn.Parameter so the module registers them; never use .data in forward.",
              "nn.Parameter(torch.randn(...)) for each; F.relu of the matrix product (@) plus the bias.")),
    _u("pytorch", "custom_layers", "TensorReduction", "A tensor reduction layer", 2,
       rule="TensorReduction(in_features, out_features): weight (in, in, out); y[n, k] = sum_ij W[i, j, k] x[n, i] "
            "x[n, j].",
       hints=("y[n, k] = sum over i, j of W[i, j, k] x[n, i] x[n, j]: a double contraction.",
              "torch.einsum writes it in one call: name the weight's axes ijk and the input's ni and nj.")),
    _u("pytorch", "custom_layers", "FourierHalf", "Half of the Fourier coefficients", 1,
       rule="FourierHalf: the first (d + 1) // 2 FFT coefficients along the last axis of an (n, d) input (complex).",
       hints=("Transform along the last axis, then keep the first (d + 1) // 2 entries.",
              "torch.fft.fft(X, dim=-1), then slice the last axis.")),
    # file io
    _u("pytorch", "file_io", "tensor", "Saving and loading a tensor", 1, names=("save_tensor", "load_tensor"),
       rule="save_tensor(x, path) / load_tensor(path): exact round trip of values, dtype and shape; loading never "
            "runs code from the file.",
       hints=("torch.save writes exactly the path you give it.",
              "torch.load with weights_only=True refuses pickles that would run code.")),
    _u("pytorch", "file_io", "tensor_list", "Saving and loading a list of tensors", 1,
       names=("save_tensors", "load_tensors"),
       rule="save_tensors(xs, path) / load_tensors(path): a list back, in order, every tensor exact.",
       hints=("A list of tensors can be saved as one object.",
              "torch.save accepts a list; load it with weights_only=True and return a list.")),
    _u("pytorch", "file_io", "tensor_dict", "Saving and loading a dict of tensors", 1,
       names=("save_tensor_dict", "load_tensor_dict"),
       rule="save_tensor_dict(d, path) / load_tensor_dict(path): a dict with the same str keys, every tensor exact.",
       hints=("A dict of str to tensor can be saved as one object.",
              "torch.save accepts a dict of str to tensor; torch.load(..., weights_only=True) gives it back.")),
    _u("pytorch", "file_io", "params", "Saving and loading model parameters", 2, names=("save_params", "load_params"),
       rule="save_params(net, path); load_params(make_net, path) returns a fresh make_net() with the saved "
            "parameters and buffers, in eval mode.",
       hints=("Save net.state_dict(), not the module object (loading a module needs a pickle).",
              "load_state_dict on a fresh make_net(), from torch.load(..., weights_only=True); then .eval().")),
    # gpu
    _u("pytorch", "gpu", "num_gpus", "Counting GPUs", 1,
       rule="num_gpus() returns how many GPUs torch sees, read at call time.",
       hints=("Ask torch.cuda inside the function, not at import time.",
              "torch.cuda has a device_count function.")),
    _u("pytorch", "gpu", "try_gpu", "A GPU if it exists, else the CPU", 1,
       rule="try_gpu(i=0) returns torch.device(\"cuda:i\") if GPU i exists, else torch.device(\"cpu\").",
       hints=("Valid GPU indices are 0 .. count - 1; anything else (negative included) gives the CPU.",
              "torch.device accepts strings such as \"cuda:1\" and \"cpu\"; compare i with torch.cuda.device_count.")),
    _u("pytorch", "gpu", "try_all_gpus", "Every GPU, or the CPU", 1,
       rule="try_all_gpus() returns a torch.device per GPU, or [torch.device(\"cpu\")] without one.",
       hints=("Without GPUs the list is [torch.device('cpu')], not empty.",
              "One torch.device per index in range(torch.cuda.device_count()).")),
    _u("pytorch", "gpu", "placement", "Tensors and modules on the GPU", 2, names=("to_device", "try_gpu"), gpu=True,
       rule="to_device(x, device) moves a tensor or a module with .to; results on the GPU match the CPU's.",
       hints=("Tensor.to(device) returns a copy; Module.to(device) moves the module in place and returns it.",
              "Tensors and modules share the .to method, so one helper serves both.")),
]


_TF = [
    # blocks
    _u("tensorflow", "blocks", "MLP", "A multilayer perceptron as a keras.Model", 2,
       rule="MLP(hidden=256, out_features=10): two Dense layers, input size inferred; call(X) = out(relu(hidden(X))).",
       hints=("Create the layers in __init__ as attributes; Keras infers the input size on the first call.",
              "keras.layers.Dense(units) for each layer, tf.nn.relu between them in call.")),
    _u("tensorflow", "blocks", "MySequential", "Your own Sequential container", 3,
       rule="MySequential(*layers): a keras.Model or Layer (not keras.Sequential) applying every layer in order; "
            "trainable_weights are its layers' in order.",
       hints=("Derive from keras.Model (not keras.Sequential) and keep the layers in a list attribute.",
              "Keras tracks a list of layers assigned to an attribute; call loops over it, a layer given twice "
              "runs twice.")),
    _u("tensorflow", "blocks", "FixedHiddenMLP", "Constant weights and control flow in call", 3,
       rule="rand_weight is a non-trainable (20, 20) uniform weight; one Dense(20) used twice; the halving loop works "
            "inside keras.Sequential and tf.function.",
       hints=("A constant is a non-trainable weight: self.add_weight(..., trainable=False).",
              "Keras traces call symbolically inside keras.Sequential and tf.function: write the halving loop with "
              "tf.while_loop(cond, body, loop_vars).")),
    _u("tensorflow", "blocks", "NestMLP", "Nesting blocks", 1,
       rule="NestMLP: Dense(64, relu), Dense(32, relu), then Dense(16).",
       hints=("A block may hold other blocks: the first two layers form one inner block, the last layer another.",
              "keras.Sequential for the inner part (Dense with activation=\"relu\"), a separate Dense attribute "
              "for the output.")),
    _u("tensorflow", "blocks", "chimera", "Mixing custom and built-in blocks", 1,
       depends=("NestMLP", "FixedHiddenMLP"),
       rule="chimera() returns keras.Sequential([NestMLP(), Dense(20), FixedHiddenMLP()]).",
       hints=("Your own blocks mix freely with Keras' own: the three parts go into one container, in the book's "
              "order.",
              "keras.Sequential takes a list of layers; the middle one is a Dense with 20 units.")),
    _u("tensorflow", "blocks", "ParallelBlock", "Two blocks in parallel, outputs concatenated", 2,
       rule="ParallelBlock(net1, net2): call(X) = concatenation of net1(X) and net2(X) on the last axis.",
       hints=("Keep both nets as attributes and concatenate on the last axis.",
              "tf.concat takes a list of tensors and an axis argument; axis=-1 is the last axis.")),
    _u("tensorflow", "blocks", "repeat_block", "n independent copies of a block", 2,
       rule="repeat_block(make_block, n) returns a sequential model of n independent blocks, one fresh make_block() "
            "call each.",
       hints=("Call make_block() once per copy: [make_block()] * n repeats one layer object.",
              "A list comprehension over range(n), passed to keras.Sequential.")),
    # parameters
    _u("tensorflow", "parameters", "layer_weights", "The weights of one layer", 1,
       rule="layer_weights(net, i) returns the variables of net.layers[i] themselves (not numpy copies).",
       hints=("get_weights() gives numpy copies; the variables themselves are what is asked for.",
              "A Keras model lists its layers in .layers; every layer has a .weights attribute.")),
    _u("tensorflow", "parameters", "weight_shapes", "Every weight's shape", 1,
       rule="weight_shapes(net) returns [tuple(w.shape), ...] in net.weights order.",
       hints=("The order is that of net.weights.",
              "Convert each variable's .shape with tuple(); a list comprehension does it.")),
    _u("tensorflow", "parameters", "nested_weight", "A weight inside nested blocks", 1,
       rule="nested_weight(net, path, name) follows .layers[i] for each index of path and returns the variable "
            "`name` (\"kernel\" or \"bias\").",
       hints=("Follow .layers[i] for each index of the path, one level at a time.",
              "A loop of layer = layer.layers[i], then getattr(layer, name).")),
    _u("tensorflow", "parameters", "rgnet", "Nested blocks with names", 2, names=("block1", "block2", "rgnet"),
       rule="block1(name); block2() holds four block1 named \"block-0\"..\"block-3\"; rgnet() as in the book "
            "(Flatten, Dense(4, relu), then Dense(1)).",
       hints=("Keras 3 has no tf.variable_scope: names come from the name= argument.",
              "keras.Sequential(name=...) for block1; block2 builds a keras.Sequential and add()s four of them.")),
    _u("tensorflow", "parameters", "normal_init", "An N(0, 0.01) initializer", 1,
       rule="normal_init() returns an initializer drawing N(0, 0.01).",
       hints=("0.01 is the standard deviation, not the variance.",
              "keras.initializers.RandomNormal takes mean and stddev.")),
    _u("tensorflow", "parameters", "xavier_init", "The Xavier initializer", 1,
       rule="xavier_init() returns a Xavier (Glorot) uniform initializer.",
       hints=("Xavier is called Glorot in Keras; uniform, not normal.",
              "Look in keras.initializers for GlorotUniform.")),
    _u("tensorflow", "parameters", "constant_init", "A constant initializer", 1,
       rule="constant_init(value) returns an initializer filling every entry with value.",
       hints=("Return the initializer object, not a tensor.",
              "keras.initializers has a Constant class taking the value.")),
    _u("tensorflow", "parameters", "MyInit", "A custom initializer", 2,
       rule="MyInit()(shape, dtype): U(-10, 10), then entries with |w| < 5 set to 0, in the dtype asked for.",
       hints=("Subclass keras.initializers.Initializer and implement __call__(self, shape, dtype=None).",
              "tf.random.uniform with minval/maxval and dtype, then tf.where on tf.abs(w) >= 5.")),
    _u("tensorflow", "parameters", "apply_init", "Re-initialising a built network in place", 2,
       rule="apply_init(net, kernel_init, bias_init=None) re-initializes every built Dense (nested too) in place by "
            "assignment.",
       hints=("Walk net.layers recursively; for each built Dense assign to its variables.",
              "Variable.assign(new_value) keeps the same variable; call the initializer with the variable's shape and "
              "dtype.")),
    _u("tensorflow", "parameters", "set_manually", "Setting weights by hand", 1,
       rule="set_manually(net): the first Dense's kernel += 1 everywhere, then kernel[0, 0] = 42, in place.",
       hints=("Variables cannot be changed with = or +=: they change through methods.",
              "Variable.assign for the whole kernel, and an indexed slice's .assign for one entry.")),
    _u("tensorflow", "parameters", "tied_net", "Tied weights", 2,
       rule="tied_net(width=8) = keras.Sequential([Dense(w, relu), shared, shared, Dense(1)]) with one shared "
            "Dense(w, relu) object.",
       hints=("tf.variable_scope is gone: tying is one Dense object used twice in the Sequential.",
              "Create the shared Dense once, before the keras.Sequential list, and put that same object in twice.")),
    # lazy init
    _u("tensorflow", "lazy_init", "lazy_mlp", "A network whose input size is inferred", 2,
       rule="lazy_mlp(hidden=256, out_features=10): no weights before the first call; then the first kernel is "
            "(d, hidden).",
       hints=("Keras layers without an input shape wait for the first call to create their weights.",
              "keras.Sequential of Dense layers, with no keras.Input and no input_shape.")),
    _u("tensorflow", "lazy_init", "all_lazy_mlp", "Every layer lazy", 1,
       rule="all_lazy_mlp(hidden=256, out_features=10): like lazy_mlp, with no layer given an input shape.",
       hints=("Give no layer an input shape (and no keras.Input).",
              "keras.layers.Dense(units) with only units and activation arguments.")),
    _u("tensorflow", "lazy_init", "materialize", "Materialising lazy weights", 1,
       rule="materialize(net, in_features) creates every lazy weight and returns net.",
       hints=("Keras creates weights on the first call.",
              "Call net on tf.zeros with shape (1, in_features), then return net.")),
    # custom layers
    _u("tensorflow", "custom_layers", "CenteredLayer", "A layer without weights", 1,
       rule="CenteredLayer has no weights; call(X) = X - mean(X) over all elements.",
       hints=("Subtract the mean over all elements, not over one axis.",
              "tf.reduce_mean without an axis argument averages every element.")),
    _u("tensorflow", "custom_layers", "MyDense", "A layer with weights", 2,
       rule="MyDense(units): build() creates weight (in, units) random normal and bias (units,) zeros; "
            "call = relu(X @ weight + bias).",
       hints=("Create the weights in build(input_shape) with self.add_weight; the input size is input_shape[-1].",
              "add_weight(shape=..., initializer=\"random_normal\" or \"zeros\"); tf.nn.relu in call.")),
    _u("tensorflow", "custom_layers", "TensorReduction", "A tensor reduction layer", 2,
       rule="TensorReduction(in_features, out_features): weight (in, in, out); y[n, k] = sum_ij W[i, j, k] x[n, i] "
            "x[n, j].",
       hints=("y[n, k] = sum over i, j of W[i, j, k] x[n, i] x[n, j]: a double contraction.",
              "tf.einsum writes it in one call: name the weight's axes ijk and the input's ni and nj.")),
    _u("tensorflow", "custom_layers", "FourierHalf", "Half of the Fourier coefficients", 1,
       rule="FourierHalf: the first (d + 1) // 2 FFT coefficients along the last axis of an (n, d) input (complex).",
       hints=("Transform along the last axis, then keep the first (d + 1) // 2 entries.",
              "tf.signal.fft needs a complex input: tf.cast to tf.complex64 first.")),
    # file io
    _u("tensorflow", "file_io", "tensor", "Saving and loading a tensor", 1, names=("save_tensor", "load_tensor"),
       rule="save_tensor(x, path) / load_tensor(path): exact round trip (bfloat16 included) at exactly path; loading "
            "never runs code.",
       hints=("np.save appends .npy to a path: write to an open file object instead.",
              "Store the dtype name yourself: numpy has no bfloat16; load with allow_pickle=False.")),
    _u("tensorflow", "file_io", "tensor_list", "Saving and loading a list of tensors", 1,
       names=("save_tensors", "load_tensors"),
       rule="save_tensors(xs, path) / load_tensors(path): a list back, in order, every dtype and shape exact.",
       hints=("np.save of a list of tensors builds one array and loses dtypes: save each tensor.",
              "np.savez stores several arrays in one file; keep their order and dtype names in a header.")),
    _u("tensorflow", "file_io", "tensor_dict", "Saving and loading a dict of tensors", 1,
       names=("save_tensor_dict", "load_tensor_dict"),
       rule="save_tensor_dict(d, path) / load_tensor_dict(path): a dict with the same str keys, every tensor exact.",
       hints=("Keys may hold '/' and '.': keep them in a header rather than as archive names.",
              "np.savez with generated array names, plus a JSON header (json.dumps) mapping keys to them.")),
    _u("tensorflow", "file_io", "params", "Saving and loading model weights", 2, names=("save_params", "load_params"),
       rule="save_params(net, path); load_params(make_net, path, input_shape) builds a fresh make_net() and loads "
            "the saved weights.",
       hints=("save_weights demands a .weights.h5 suffix: save get_weights() in your own format, or write to a "
              "temporary .weights.h5 and move it.",
              "load_params: build the fresh net with one dry call on zeros of input_shape (None as 1); "
              "net.build() creates no weights in a subclassed model. Then net.set_weights(...)")),
    # gpu
    _u("tensorflow", "gpu", "num_gpus", "Counting GPUs", 1,
       rule="num_gpus() returns how many GPUs TensorFlow sees, read at call time.",
       hints=("Ask TensorFlow inside the function, not at import time.",
              "tf.config.list_physical_devices takes a device type such as 'GPU'.")),
    _u("tensorflow", "gpu", "try_gpu", "A GPU if it exists, else the CPU", 1,
       rule="try_gpu(i=0) returns \"/GPU:i\" if GPU i exists, else \"/CPU:0\".",
       hints=("Valid GPU indices are 0 .. count - 1; anything else (negative included) gives the CPU.",
              "Return a device name string such as '/GPU:1' or '/CPU:0'.")),
    _u("tensorflow", "gpu", "try_all_gpus", "Every GPU, or the CPU", 1,
       rule="try_all_gpus() returns a device name per GPU, or [\"/CPU:0\"] without one.",
       hints=("Without GPUs the list is ['/CPU:0'], not empty.",
              "One '/GPU:i' string per index i in range of the GPU count.")),
    _u("tensorflow", "gpu", "placement", "Tensors on the GPU", 2, names=("to_device", "try_gpu"), gpu=True,
       rule="to_device(x, device) returns a copy of the tensor x made under tf.device(device).",
       hints=("A tensor is placed where it is created: create the copy inside a device scope.",
              "tf.device(name) is a context manager; tf.identity makes a copy.")),
]

UNITS: tuple[Unit, ...] = tuple(_PT + _TF)
BY_ID: dict[str, Unit] = {u.id: u for u in UNITS}


def units_for(framework: str | None = None, module: str | None = None) -> list[Unit]:
    return [
        u for u in UNITS
        if (framework is None or u.framework == framework) and (module is None or u.module == module)
    ]

