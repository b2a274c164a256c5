"""The one list of graded units: ids, titles, book sections, points, hints, order.

Everything that needs to know about units (the graders' registry, the pytest
plugin, the summary table, the JSON report, the ``drill`` command) reads this
module.  Chapter order is the order of ``UNITS``.

Every unit has three hint stages, shown one at a time by ``drill hint``: first a
nudge (what to think about, the usual mistake), then what to read (the API names
and the d2l section), then the steps of a solution in words.  No stage, and no
rule, holds code: naming an API is fine, writing the call that solves the
exercise is not (``harness.leaks.stub_leaks`` and ``tests/test_drill.py`` check
that no hint or rule contains a statement or expression of the reference).

A unit's ``rule`` is the one-line statement of what its grader checks (names,
signature, defaults, shapes, order, what is registered or tracked, what changes
in place), published in ``docs/units.md`` (``python -m harness.unit_docs``).
"""

from __future__ import annotations

from dataclasses import dataclass

BOOK = 'd2l chapter "Deep learning computation"'  # where the units come from
FRAMEWORKS = ("pytorch", "tensorflow")
PACKAGES = {"pytorch": "torch", "tensorflow": "tensorflow"}  # the package each track imports


def framework_installed(framework: str) -> bool:
    """The track's framework can be found (not imported: that is what finding it avoids)."""
    import importlib.util

    return importlib.util.find_spec(PACKAGES[framework]) is not None
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
    rule: str = ""  # the one-line rule the unit must meet (``drill next`` and docs/units.md show it)
    # The properties the unit's points are split over, (name, share); none: the unit is one property.  Its grader
    # checks each in a ``with g.property(name):`` block, and a wrong property costs only its share.
    properties: tuple[tuple[str, float], ...] = ()

    def property_points(self) -> dict[str, float]:
        """Each property's points (the unit's points split by the shares), in order."""
        total = sum(share for _, share in self.properties)
        return {name: round(self.points * share / total, 6) for name, share in self.properties}

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


def _u(fw, module, name, title, points=2.0, names=None, hints=(), depends=(), gpu=False, rule="", properties=()):
    return Unit(
        id=f"{fw}.{module}.{name}",
        title=title,
        points=float(points),
        names=tuple(names or (name,)),
        hints=tuple(hints),
        depends=tuple(depends),
        gpu=gpu,
        rule=rule,
        properties=tuple((p, 1.0) if isinstance(p, str) else tuple(p) for p in properties),
    )


_PT = [
    # blocks
    _u("pytorch", "blocks", "MLP", "A multilayer perceptron as an nn.Module", 2,
       rule="MLP(in_features=20, hidden=256, out_features=10), an nn.Module holding two fully connected layers, "
            "in_features → hidden and hidden → out_features, registered in that order; forward(X) applies the "
            "hidden layer, then ReLU, then the output layer, acting on the last axis of X (leading axes kept), with "
            "gradients reaching X and every parameter, and the same function on a later call and in eval mode.",
       hints=("Layers created in __init__ and assigned to attributes are registered by nn.Module; the usual "
              "mistakes are skipping the parent constructor or creating layers inside forward, which draws new "
              "random weights on every call.",
              "Read d2l 6.1 Layers and Modules, 'A Custom Module'; look up nn.Module, nn.Linear and "
              "torch.nn.functional.relu (or nn.ReLU).",
              "1. In __init__, call the parent constructor, then store a linear layer in_features → hidden and one "
              "hidden → out_features as two attributes, in that order; 2. in forward, pass X through the first "
              "layer, apply ReLU, and return the second layer's output.")),
    _u("pytorch", "blocks", "MySequential", "Your own Sequential container", 3,
       properties=("registration", "forward and backward", "train/eval"),
       rule="MySequential(*blocks) derives from nn.Module itself (not nn.Sequential, nn.ModuleList or "
            "nn.ModuleDict) and registers every block as a child under its position written as a string (\"0\", "
            "\"1\", ...), so its state_dict() keys are those nn.Sequential gives the same blocks and "
            "parameters(), .to(), train() and eval() reach every block; forward(X) feeds X through the blocks in "
            "the order given (a block given twice runs twice, twelve blocks keep their order, no blocks returns "
            "X), passing X on as it is (no cast, no copy) and keeping gradients to X and every parameter.",
       hints=("A block kept only in a plain Python list is invisible to parameters(), state_dict() and .to(); and "
              "iterating children() skips a block given twice, so registering the blocks and running them in "
              "order are two separate jobs.",
              "Read d2l 6.1 Layers and Modules, 'The Sequential Module'; look up nn.Module.add_module (registers "
              "a child under a name you choose) and nn.Module.named_children to see what was registered.",
              "1. In __init__, call the parent constructor, then register each block under its index converted to "
              "a string; 2. also keep the blocks, in the order given, in a tuple attribute of your own; 3. in "
              "forward, loop over that tuple, replacing X by each block's output, and return X.")),
    _u("pytorch", "blocks", "FixedHiddenMLP", "Constant parameters and control flow in forward", 3,
       properties=("rand_weight", "forward and backward"),
       rule="FixedHiddenMLP(): rand_weight is a (20, 20) float32 constant drawn uniformly from [0, 1), new for "
            "each instance, registered as a buffer (in buffers() and state_dict(), moved by .to(), never among "
            "parameters()); one linear layer 20 → 20, the only parameters, used twice; forward(X) on (n, 20) "
            "input: apply the linear layer, multiply on the right by rand_weight, add 1 and apply ReLU, apply the "
            "same linear layer again, then halve X while the sum of its absolute values exceeds 1 (as many times "
            "as it takes) and return the sum of all entries of X, a scalar tensor with gradients to X and the "
            "linear layer.",
       hints=("A constant that must be saved with the model and move with .to() but never be trained is a "
              "buffer: not a Parameter, and not a plain tensor attribute (which .to() and state_dict() miss); "
              "calling one layer object twice shares its parameters.",
              "Read d2l 6.1 Layers and Modules, 'Executing Code in the Forward Propagation Method'; look up "
              "nn.Module.register_buffer, torch.rand, nn.Linear, torch.nn.functional.relu, the matrix-product "
              "operator @, Tensor.abs and Tensor.sum.",
              "1. In __init__, register a buffer named rand_weight holding a fresh (20, 20) uniform [0, 1) tensor "
              "and create one linear layer 20 → 20; 2. in forward, apply the layer, then ReLU of the product with "
              "rand_weight plus 1, then the layer again; 3. loop while the sum of absolute values is above 1, "
              "dividing X by 2 each time; 4. return the sum of X.")),
    _u("pytorch", "blocks", "NestMLP", "Nesting blocks", 1,
       rule="NestMLP(), an nn.Module: an inner sequential block of linear 20 → 64, ReLU, linear 64 → 32, ReLU, "
            "followed by a separate linear 32 → 16; forward(X) applies the inner block, then the last linear "
            "layer, acting on the last axis (inputs (n, 20) and (n, t, 20) alike), with gradients to X and every "
            "parameter.",
       hints=("A module may hold other modules: the first four layers form one inner block and the output layer "
              "is a second attribute; both must be registered.",
              "Read d2l 6.1 Layers and Modules, 'Executing Code in the Forward Propagation Method' (the NestMLP "
              "example); look up nn.Sequential, nn.Linear and nn.ReLU.",
              "1. In __init__, store an nn.Sequential of linear 20 → 64, ReLU, linear 64 → 32, ReLU as one "
              "attribute and a linear 32 → 16 as another; 2. in forward, run X through the inner block, then "
              "through the final linear layer, and return that.")),
    _u("pytorch", "blocks", "chimera", "Mixing custom and built-in blocks", 1,
       depends=("NestMLP", "FixedHiddenMLP"),
       rule="chimera() returns a new nn.Sequential of three parts, in this order: a NestMLP(), a linear layer "
            "16 → 20 and a FixedHiddenMLP() (so chimera()[0] is a NestMLP); on (n, 20) input it returns "
            "FixedHiddenMLP's scalar with gradients to every parameter; two calls share no parameters or buffers.",
       hints=("Your own modules mix freely with PyTorch's built-in ones inside one container; build the parts "
              "inside the function, so that every call gets new ones.",
              "Read the end of d2l 6.1 Layers and Modules (the chimera example); look up nn.Sequential (it takes "
              "modules as positional arguments) and nn.Linear.",
              "1. Inside chimera, create a NestMLP, a linear layer from 16 to 20 features and a FixedHiddenMLP; "
              "2. put them, in that order, into one nn.Sequential and return it.")),
    _u("pytorch", "blocks", "ParallelBlock", "Two blocks in parallel, outputs concatenated", 2,
       rule="ParallelBlock(net1, net2), an nn.Module with both nets registered (their parameters in "
            "parameters()); forward(X) is the concatenation of net1(X) and net2(X) along the last axis, net1's "
            "output first (for X of shape (..., d) and outputs of widths a and b, shape (..., a + b)), with "
            "gradients to both nets and X; the same net given twice runs twice.",
       hints=("Both nets must be registered attributes, and the outputs are joined along the last axis, not the "
              "batch axis.",
              "Read d2l 6.1 Layers and Modules (its exercise on a parallel module); look up torch.cat and its dim "
              "argument (a negative dim counts from the end).",
              "1. In __init__, call the parent constructor and store net1 and net2 as two attributes; 2. in "
              "forward, compute both outputs on the same X and return their concatenation along the last "
              "dimension, net1's first.")),
    _u("pytorch", "blocks", "repeat_block", "n independent copies of a block", 2,
       rule="repeat_block(make_block, n) returns a new nn.Sequential holding n independent blocks, each the "
            "result of its own make_block() call (exactly n calls; n = 1 still gives a container, n = 0 an empty "
            "one that returns its input), registered, in training mode, and applied in order.",
       hints=("Calling make_block() once and repeating the result n times gives n references to one block, "
              "which share their parameters; every copy needs its own call.",
              "Read d2l 6.1 Layers and Modules (its exercise on several instances of one block); look up "
              "nn.Sequential with positional modules and Python's star unpacking of arguments.",
              "1. Call make_block n times, collecting the n new blocks in order; 2. pass them all as positional "
              "arguments to a new nn.Sequential and return it.")),
    # parameters
    _u("pytorch", "parameters", "layer_state", "The state of one layer", 1,
       rule="layer_state(net, i): the state dictionary of the i-th layer of the Sequential net (i may be "
            "negative, children may be named): a mapping from names such as \"weight\", \"bias\" or "
            "\"running_mean\" (dotted for a nested block) to that layer's parameter and buffer tensors, sharing "
            "memory with the net (not copies); empty for a layer without state.",
       hints=("A Sequential can be indexed like a list, negative indices included, and every module can report "
              "its own state; buffers such as BatchNorm's running statistics belong to it too.",
              "Read d2l 6.2 Parameter Management, 'Parameter Access'; look up indexing an nn.Sequential and "
              "nn.Module.state_dict.",
              "1. Index the net with i to get the layer; 2. return that layer's state dictionary as it is (no "
              "deep copy, no cloning).")),
    _u("pytorch", "parameters", "named_shapes", "Every parameter's name and shape", 1,
       rule="named_shapes(net): a list of (name, shape) pairs, one per parameter of net in named_parameters() "
            "order (dotted names such as \"0.weight\"; buffers excluded, frozen parameters included, a parameter "
            "of a module placed twice listed once), each shape a tuple of ints.",
       hints=("Only parameters are wanted, not buffers; the names and their order are exactly those the module's "
              "own named iteration gives.",
              "Read d2l 6.2 Parameter Management, 'All Parameters at Once'; look up nn.Module.named_parameters "
              "and torch.Size (a subclass of tuple).",
              "1. Iterate over the net's named parameters; 2. for each (name, parameter) pair keep the name and "
              "the parameter's shape converted to a plain tuple; 3. return the pairs as a list.")),
    _u("pytorch", "parameters", "state_value", "A value from the state dict", 1,
       rule="state_value(net, key): the tensor stored under the dotted key in net's state dictionary at call time "
            "(e.g. \"2.bias\", \"1.running_mean\", \"0.2.weight\"), parameters and buffers alike, sharing memory "
            "with the net (not a copy), looked up anew on every call.",
       hints=("The state dictionary holds buffers as well as parameters, and its keys are dotted paths; splitting "
              "the key by hand breaks on named children and deeper nesting.",
              "Read d2l 6.2 Parameter Management, 'Targeted Parameters'; look up nn.Module.state_dict and the "
              "keys it uses.",
              "1. Ask the net for its state dictionary when the function is called; 2. return the entry under "
              "key, without cloning it.")),
    _u("pytorch", "parameters", "nested_param", "A parameter inside nested blocks", 1,
       rule="nested_param(net, path, name): starting from net, index one level per entry of path (a tuple of "
            "ints, possibly empty or negative), then return the attribute name (\"weight\" or \"bias\") of the "
            "module reached: the Parameter object itself (not .data, a clone or a detached copy), looked up anew "
            "on every call.",
       hints=("Descend one index at a time; the answer is the Parameter object itself, so anything that copies "
              "or detaches it is wrong.",
              "Read d2l 6.2 Parameter Management, 'Targeted Parameters'; look up indexing an nn.Sequential and "
              "Python's built-in getattr.",
              "1. Start with the net as the current module; 2. for each index in path, replace the current module "
              "by its child at that index; 3. return the attribute called name of the module you end on.")),
    _u("pytorch", "parameters", "rgnet", "Nested blocks with names", 2, names=("block1", "block2", "rgnet"),
       rule="block1(): a new sequential block of linear 4 → 8, ReLU, linear 8 → 4, ReLU; block2(): a new "
            "nn.Sequential holding four separate block1() children named \"block 0\", \"block 1\", \"block 2\", "
            "\"block 3\" (with a space); rgnet(): a new nn.Sequential of block2() followed by a linear 4 → 1, "
            "mapping (n, 4) to (n, 1), with the book's state_dict() keys (e.g. \"0.block 0.0.weight\").",
       hints=("The children of block2 need chosen names, not positions, and each must come from its own block1() "
              "call, or the four blocks share their parameters.",
              "Read d2l 6.2 Parameter Management (nested blocks); look up nn.Sequential, nn.Module.add_module and "
              "nn.Module.named_children.",
              "1. block1: return a Sequential of linear 4 → 8, ReLU, linear 8 → 4, ReLU; 2. block2: start from "
              "an empty Sequential and, for i from 0 to 3, add a new block1 under the word block, a space and i; "
              "3. rgnet: return a Sequential of block2() and a linear layer 4 → 1.")),
    _u("pytorch", "parameters", "init_normal", "Initialise with N(0, 0.01), bias 0", 1,
       rule="init_normal(module), for net.apply: if module is an nn.Linear, its weight gets fresh N(0, 0.01) "
            "values (standard deviation 0.01) and its bias, if any, 0, in place (the same Parameter objects, "
            "dtype kept, no autograd history, still trainable); every other module untouched; new random values "
            "on every call.",
       hints=("net.apply calls your function on every submodule, so check the module's type first and leave the "
              "others alone; 0.01 is the standard deviation, and the values change in place, not through new "
              "Parameters.",
              "Read d2l 6.3 Parameter Initialization, 'Built-in Initialization'; look up nn.Module.apply, "
              "isinstance with nn.Linear, torch.nn.init.normal_ (its mean and std arguments), "
              "torch.nn.init.zeros_ and torch.no_grad.",
              "1. If the module is not an nn.Linear, do nothing; 2. otherwise, inside a no-grad block, fill the "
              "weight in place from a normal with mean 0 and standard deviation 0.01; 3. if the layer has a bias, "
              "fill it with zeros in place.")),
    _u("pytorch", "parameters", "init_constant", "Initialise with constants", 1,
       rule="init_constant(module), for net.apply: if module is an nn.Linear, its weight becomes 1 everywhere "
            "and its bias, if any, 0, in place (the same Parameter objects, dtype kept, no autograd history); "
            "every other module untouched.",
       hints=("Change nn.Linear modules only, and change the values of the existing Parameters rather than "
              "assigning new ones.",
              "Read d2l 6.3 Parameter Initialization, 'Built-in Initialization'; look up "
              "torch.nn.init.constant_, torch.nn.init.zeros_ and torch.no_grad.",
              "1. Do nothing for a module that is not an nn.Linear; 2. otherwise fill the weight with the "
              "constant 1 in place; 3. if there is a bias, fill it with zeros in place.")),
    _u("pytorch", "parameters", "init_xavier", "Xavier initialisation", 1,
       rule="init_xavier(module), for net.apply: if module is an nn.Linear, its weight gets fresh Xavier "
            "(Glorot) uniform values, U(-a, a) with a = sqrt(6 / (fan_in + fan_out)), in place (the same "
            "Parameter, dtype kept, no autograd history); its bias and every other module untouched.",
       hints=("Xavier uniform scales its range by the layer's fan-in and fan-out; only the weight changes, the "
              "bias stays as it was.",
              "Read d2l 6.3 Parameter Initialization, 'Built-in Initialization'; look up "
              "torch.nn.init.xavier_uniform_.",
              "1. Skip every module that is not an nn.Linear; 2. for a linear layer, refill its weight in place "
              "with Xavier-uniform values; 3. leave its bias alone.")),
    _u("pytorch", "parameters", "init_42", "A constant 42", 1,
       rule="init_42(module), for net.apply: if module is an nn.Linear, its weight becomes 42 everywhere, in "
            "place (the same Parameter, dtype kept, no autograd history); its bias and every other module "
            "untouched.",
       hints=("Only the weight changes; leave the bias and every module that is not a linear layer alone.",
              "Read d2l 6.3 Parameter Initialization, 'Built-in Initialization'; look up "
              "torch.nn.init.constant_.",
              "1. Skip every module that is not an nn.Linear; 2. fill the linear layer's weight with 42 in "
              "place; 3. do not touch its bias.")),
    _u("pytorch", "parameters", "my_init", "A custom initialiser", 2,
       rule="my_init(module), for net.apply: if module is an nn.Linear, draw its weight afresh from U(-10, 10), "
            "then set to 0 every entry whose absolute value is below 5 (kept entries lie in [5, 10] in absolute "
            "value), in place (the same Parameter, dtype kept, no autograd history); its bias and every other "
            "module untouched.",
       hints=("Two in-place steps on the same weight: draw uniformly, then zero the small entries; a boolean mask "
              "of the entries to keep does the second step.",
              "Read d2l 6.3 Parameter Initialization, 'Custom Initialization'; look up torch.nn.init.uniform_ "
              "(its a and b bounds), Tensor.abs, comparisons giving boolean tensors, in-place multiplication and "
              "torch.no_grad.",
              "1. Skip modules that are not nn.Linear; 2. inside a no-grad block, fill the weight in place from "
              "U(-10, 10); 3. multiply the weight in place by the mask that is true where its absolute value is "
              "at least 5; 4. leave the bias alone.")),
    _u("pytorch", "parameters", "set_manually", "Setting parameters by hand", 1,
       rule="set_manually(net): on the first layer of the Sequential net (position 0, whatever its name), add 1 "
            "to every entry of its weight, then set the weight's entry at row 0, column 0 to 42, in place (the "
            "same Parameter objects, dtype kept, no autograd history, still trainable, modes unchanged); every "
            "other parameter untouched; each call adds 1 again.",
       hints=("Autograd refuses in-place changes to a Parameter that requires grad while it records, so switch "
              "recording off for the edit; replacing the Parameter instead would break anything holding it.",
              "Read d2l 6.3 Parameter Initialization, 'Custom Initialization' (its last example); look up "
              "torch.no_grad, Tensor.add_ and item assignment on tensors.",
              "1. Get the weight of the net's first layer; 2. inside a no-grad block, add 1 to it in place; 3. "
              "still inside, assign 42 to its top-left entry.")),
    _u("pytorch", "parameters", "tied_net", "Tied parameters", 2,
       rule="tied_net(width=8): a new nn.Sequential for (n, 4) inputs of seven modules, with w = width: linear "
            "4 → w, ReLU, a shared linear w → w, ReLU, the same shared linear again, ReLU, linear w → 1; "
            "positions 2 and 4 hold one module object, so its parameters count once and their gradient is the "
            "sum of both uses; every parameter exists before the first call (no lazy layers); two nets share "
            "nothing.",
       hints=("One module object placed at two positions is one set of parameters; two separately created layers "
              "with copied values are not tied and drift apart in training.",
              "Read d2l 6.2 Parameter Management, 'Tied Parameters'; look up nn.Sequential and nn.Linear (the "
              "book uses nn.LazyLinear, but here every parameter must exist before the first call).",
              "1. Inside the function, create the shared linear layer w → w once; 2. build the Sequential of "
              "linear 4 → w, ReLU, shared, ReLU, shared, ReLU, linear w → 1, passing that same object both times; "
              "3. return it.")),
    # lazy init
    _u("pytorch", "lazy_init", "lazy_mlp", "A network whose input size is inferred", 2,
       rule="lazy_mlp(hidden=256, out_features=10): a new nn.Sequential of a lazy linear layer with hidden "
            "outputs, ReLU, and a linear hidden → out_features; before the first call the first weight is "
            "uninitialized, after a call on (n, d) input it has shape (hidden, d) and the output is "
            "(n, out_features); trainable, in training mode, with fresh random weights for every net.",
       hints=("The first layer cannot know its input size when the net is built; PyTorch has linear layers that "
              "infer it from the first batch.",
              "Read d2l 6.4 Lazy Initialization; look up nn.LazyLinear and "
              "torch.nn.parameter.UninitializedParameter (and torch.nn.parameter.is_lazy).",
              "1. Make the first layer a lazy linear layer with hidden outputs; 2. follow it by ReLU and an "
              "ordinary linear layer hidden → out_features; 3. return them in a new nn.Sequential.")),
    _u("pytorch", "lazy_init", "all_lazy_mlp", "Every layer lazy", 1,
       rule="all_lazy_mlp(hidden=256, out_features=10): like lazy_mlp, but both linear layers are lazy (every "
            "weight uninitialized before the first call); after a call on (n, d) input the first weight is "
            "(hidden, d) and the output (n, out_features).",
       hints=("Every linear layer, not only the first, should wait for its first input.",
              "Read d2l 6.4 Lazy Initialization (its exercises); look up nn.LazyLinear and nn.ReLU.",
              "1. Use a lazy linear layer with hidden outputs, then ReLU, then a lazy linear layer with "
              "out_features outputs; 2. return them in a new nn.Sequential.")),
    _u("pytorch", "lazy_init", "materialize", "Materialising lazy parameters", 1,
       rule="materialize(net, in_features): give every lazy parameter of net (any module, not only a "
            "Sequential) its real shape by one dry forward pass on a (1, in_features) input, then return net "
            "itself; weights that already existed and every module's train/eval mode stay as they were, no "
            "gradients are left behind, and the new weights are drawn afresh (no seeding) and stay trainable.",
       hints=("Lazy layers materialise on their first forward pass, so one dry call on a dummy batch does it; "
              "it must not record gradients, change the mode, or run in inference mode (weights created there "
              "can never be trained).",
              "Read d2l 6.4 Lazy Initialization; look up torch.zeros, torch.no_grad (not torch.inference_mode) "
              "and nn.Module.train / nn.Module.eval.",
              "1. Build a dummy input of zeros with one row and in_features columns; 2. inside a no-grad block, "
              "call the net on it and discard the output; 3. return the net itself.")),
    # custom layers
    _u("pytorch", "custom_layers", "CenteredLayer", "A layer without parameters", 1,
       rule="CenteredLayer(), an nn.Module with no parameters: forward(X) returns X minus the mean of all its "
            "elements (one scalar over every axis), for inputs of any shape, as a new tensor (X itself "
            "unchanged), with gradients flowing back to X through the mean too.",
       hints=("The mean is over every element, not over one axis; do not change X in place, and keep the mean "
              "inside autograd.",
              "Read d2l 6.5 Custom Layers, 'Layers without Parameters'; look up Tensor.mean called without a dim "
              "argument.",
              "1. In __init__, only call the parent constructor; 2. in forward, compute the mean of all of X's "
              "entries and return X minus it.")),
    _u("pytorch", "custom_layers", "MyLinear", "A layer with parameters", 2,
       rule="MyLinear(in_units, units): two Parameters, weight of shape (in_units, units) and bias of shape "
            "(units,), both drawn from a standard normal N(0, 1); forward(X) is ReLU of (the matrix product of X "
            "and weight over X's last axis, plus bias), computed from the Parameters themselves so that "
            "gradients reach weight, bias and X.",
       hints=("Wrap tensors in nn.Parameter so the module registers them; reading them through .data in forward, "
              "as the book does, cuts them off from autograd.",
              "Read d2l 6.5 Custom Layers, 'Layers with Parameters'; look up nn.Parameter, torch.randn, the @ "
              "operator (torch.matmul) and torch.nn.functional.relu.",
              "1. In __init__, create weight as a Parameter of standard-normal values of shape (in_units, units) "
              "and bias as one of shape (units,); 2. in forward, multiply X by weight, add bias, apply ReLU and "
              "return the result.")),
    _u("pytorch", "custom_layers", "TensorReduction", "A tensor reduction layer", 2,
       rule="TensorReduction(in_features, out_features): one Parameter W of shape (in_features, in_features, "
            "out_features), standard normal; forward(X) for X of shape (n, in_features) returns Y of shape "
            "(n, out_features) with Y[n, k] = Σ_i Σ_j W[i, j, k] · X[n, i] · X[n, j], with gradients to W and X.",
       hints=("Each output entry is a quadratic form of the input: a double contraction of the weight with two "
              "copies of X; Python loops over n, i and j work but are slow.",
              "Read the exercises of d2l 6.5 Custom Layers; look up nn.Parameter, torch.randn and torch.einsum "
              "(subscript notation: one letter per axis, the output's letters after the arrow).",
              "1. In __init__, create the Parameter of shape (in, in, out) from a standard normal; 2. in forward, "
              "contract it with X twice in one einsum: three letters for the weight's axes, the batch letter plus "
              "one of the weight's first two letters for each copy of X, and the batch and output letters after "
              "the arrow; 3. return the result.")),
    _u("pytorch", "custom_layers", "FourierHalf", "Half of the Fourier coefficients", 1,
       rule="FourierHalf(), an nn.Module with no parameters: for a real (n, d) input, returns the first "
            "(d + 1) // 2 (that is, ⌈d/2⌉) coefficients of the discrete Fourier transform along the last axis, a "
            "complex tensor of shape (n, (d + 1) // 2), for any d (a later, narrower input too), with gradients "
            "back to X.",
       hints=("Transform along the last axis only, then keep the first half of the coefficients, rounding up for "
              "odd d; read d from the input on every call.",
              "Read the exercises of d2l 6.5 Custom Layers; look up torch.fft.fft (its dim argument) and slicing "
              "with an ellipsis.",
              "1. In forward, read the size d of X's last axis; 2. take the FFT of X along the last axis; 3. "
              "return the slice of the first (d + 1) // 2 entries on that axis.")),
    # file io
    _u("pytorch", "file_io", "tensor", "Saving and loading a tensor", 1, names=("save_tensor", "load_tensor"),
       rule="save_tensor(x, path) writes one file at exactly path (no suffix added, no other file left behind) "
            "and load_tensor(path) returns a tensor with the same values, dtype (bfloat16 included) and shape "
            "(0-d, empty and non-contiguous tensors too; a second save at the same path replaces the first); "
            "loading never runs code from the file, and a file holding a malicious pickle raises an error.",
       hints=("torch.save writes exactly the path you give it; the danger is on the loading side, where a full "
              "unpickler can run code hidden in the file.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Tensors'; look up torch.save and torch.load with its "
              "weights_only argument.",
              "1. save_tensor: save x at path; 2. load_tensor: load path with the restricted weights-only loader, "
              "check that the result is a tensor, and return it.")),
    _u("pytorch", "file_io", "tensor_list", "Saving and loading a list of tensors", 1,
       names=("save_tensors", "load_tensors"),
       rule="save_tensors(xs, path) / load_tensors(path): one file at exactly path; a Python list comes back, of "
            "the same length and order, every tensor exact in values, dtype and shape (one tensor given twice "
            "comes back twice); loading never runs code from the file.",
       hints=("A list of tensors can be saved as one object; give back a list (not a tuple), in the saved order.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Tensors' (lists); look up torch.save and torch.load "
              "with weights_only.",
              "1. save_tensors: turn xs into a list and save it at path; 2. load_tensors: load path with the "
              "weights-only loader, check that it is a list or tuple, and return it as a list.")),
    _u("pytorch", "file_io", "tensor_dict", "Saving and loading a dict of tensors", 1,
       names=("save_tensor_dict", "load_tensor_dict"),
       rule="save_tensor_dict(d, path) / load_tensor_dict(path): one file at exactly path; a dict comes back with "
            "the same str keys (any characters) and every tensor exact in values, dtype and shape; a second dict "
            "saved at the same path replaces the first; loading never runs code from the file.",
       hints=("A dict of str to tensor can be saved as one object; what comes back must be a dict with exactly "
              "the saved keys.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Tensors' (dicts); look up torch.save and torch.load with "
              "weights_only.",
              "1. save_tensor_dict: save a plain dict copy of d at path; 2. load_tensor_dict: load path with the "
              "weights-only loader, check that it is a dict, and return it.")),
    _u("pytorch", "file_io", "params", "Saving and loading model parameters", 2, names=("save_params", "load_params"),
       properties=(("the file", 1), ("restored state", 2), ("eval mode", 1)),
       rule="save_params(net, path) writes every parameter and buffer of net (its state dictionary) to one file "
            "at exactly path; load_params(make_net, path) returns a new make_net() on every call whose state "
            "equals the saved one exactly, key for key (running statistics included), in eval mode and still "
            "trainable; loading never runs code from the file.",
       hints=("Save the state dictionary, not the module object: loading a whole module needs a full unpickler, "
              "which can run code, and the architecture comes from make_net anyway.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Model Parameters'; look up nn.Module.state_dict, "
              "torch.save, torch.load with weights_only (and map_location), nn.Module.load_state_dict and "
              "nn.Module.eval.",
              "1. save_params: save the net's state dictionary at path; 2. load_params: load the state from path "
              "with the weights-only loader, call make_net() for a new net, load the state into it, switch it to "
              "eval mode and return it.")),
    # gpu
    _u("pytorch", "gpu", "num_gpus", "Counting GPUs", 1,
       rule="num_gpus() returns, as an int, how many CUDA GPUs torch sees, asked on every call (never cached at "
            "import).",
       hints=("Ask torch inside the function each time, not once at import time: the graders change the count "
              "between calls.",
              "Read d2l 6.7 GPUs, 'Computing Devices'; look up torch.cuda.device_count.",
              "1. Inside num_gpus, ask torch.cuda for the device count; 2. return that number.")),
    _u("pytorch", "gpu", "try_gpu", "A GPU if it exists, else the CPU", 1,
       rule="try_gpu(i=0) returns the torch.device of CUDA GPU i, with the index explicit (\"cuda:i\"), when "
            "0 ≤ i < num_gpus(), and otherwise the CPU device (a torch.device of type \"cpu\"), negative i "
            "included; the count is read on every call.",
       hints=("Valid GPU indices are 0 to count - 1; anything else, negative indices included, falls back to the "
              "CPU.",
              "Read d2l 6.7 GPUs, 'Computing Devices'; look up torch.device (it accepts strings such as "
              "\"cuda:1\" and \"cpu\") and torch.cuda.device_count.",
              "1. Read the GPU count; 2. if i is at least 0 and below the count, return the device of CUDA index "
              "i; 3. otherwise return the CPU device.")),
    _u("pytorch", "gpu", "try_all_gpus", "Every GPU, or the CPU", 1,
       rule="try_all_gpus() returns a list of torch.device, one per GPU in index order (cuda:0, cuda:1, ...), or "
            "a list holding only the CPU device when there is none (never empty); the count is read on every call.",
       hints=("Without GPUs the answer is a one-element list holding the CPU device, not an empty list (the "
              "book's current code gets this wrong).",
              "Read d2l 6.7 GPUs, 'Computing Devices'; look up torch.device and torch.cuda.device_count.",
              "1. Build one CUDA device per index from 0 to count - 1; 2. if that list is empty, return a list "
              "holding the CPU device instead; 3. otherwise return the list.")),
    _u("pytorch", "gpu", "placement", "Tensors and modules on the GPU", 2, names=("to_device", "try_gpu"), gpu=True,
       rule="to_device(x, device): for a tensor, a copy on device (the original stays where it was); for a "
            "module, the module itself moved to device and returned; on try_gpu() of a machine with a GPU, "
            "results computed there match the CPU's.",
       hints=("Tensors and modules move differently: moving a tensor returns a new copy, moving a module changes "
              "it in place and returns it; one method covers both.",
              "Read d2l 6.7 GPUs, 'Tensors and GPUs' and 'Neural Networks and GPUs'; look up Tensor.to and "
              "nn.Module.to.",
              "1. In to_device, call the object's own move method with the device; 2. return what it gives back "
              "(the copy for a tensor, the module itself for a module).")),
]


_TF = [
    # blocks
    _u("tensorflow", "blocks", "MLP", "A multilayer perceptron as a keras.Model", 2,
       rule="MLP(hidden=256, out_features=10), a keras.Model holding two Dense layers without activation, hidden "
            "then out_features units, input size inferred on the first call; call(X) applies the hidden layer, "
            "ReLU, then the output layer on the last axis of X (rank-3 input too), with TensorFlow ops only, so "
            "that gradients reach X and every weight; the same output on a later call, under tf.function with an "
            "unknown batch size, inside keras.Sequential and with training=True; every model gets its own fresh "
            "weights.",
       hints=("Create the layers once in __init__ as attributes: Keras tracks them and infers the input size on "
              "the first call; layers created in call, or numpy in call, break tracking and gradients.",
              "Read d2l 6.1 Layers and Modules, 'A Custom Module' (TensorFlow tab); look up subclassing "
              "keras.Model (__init__ passing **kwargs on, call), keras.layers.Dense and tf.nn.relu.",
              "1. In __init__, call the parent constructor with the keyword arguments, then create a Dense with "
              "hidden units and a Dense with out_features units as two attributes; 2. in call, apply the first, "
              "then ReLU, then the second, and return the result.")),
    _u("tensorflow", "blocks", "MySequential", "Your own Sequential container", 3,
       rule="MySequential(*layers), a keras.Model (not a keras.Sequential): call(X) feeds X through the layers in "
            "the order given (a layer given twice runs twice, more than ten layers keep their order), passing "
            "training on to them; trainable_weights are the layers' weights in that order (a layer given twice "
            "listed once); gradients reach X and every weight; rank-3 input and tf.function with an unknown "
            "batch size work.",
       hints=("Keras tracks layers held in a list attribute, so no registration call is needed; but the model's "
              "own layers property lists a repeated layer once, and keys sorted as strings put \"10\" before "
              "\"2\".",
              "Read d2l 6.1 Layers and Modules, 'The Sequential Module' (TensorFlow tab); look up subclassing "
              "keras.Model and how Keras tracks layers kept in list attributes (trainable_weights).",
              "1. In __init__, call the parent constructor with the keyword arguments and store the layers, in "
              "order, as a list attribute; 2. in call, loop over that list, replacing X by each layer's output, "
              "and return X.")),
    _u("tensorflow", "blocks", "FixedHiddenMLP", "Constant weights and control flow in call", 3,
       rule="FixedHiddenMLP(), a keras.Model: rand_weight is a tracked, non-trainable (20, 20) weight drawn "
            "uniformly from [0, 1), new for each model; one 20-unit Dense without activation, the only trainable "
            "weights, used twice; call(X) on (n, 20) input: apply the Dense, multiply on the right by "
            "rand_weight, add 1 and apply ReLU, apply the same Dense again, halve X while the sum of its absolute "
            "values exceeds 1 (however many times it takes), and return the sum of all entries (a scalar), with "
            "the same result eagerly, under tf.function and inside keras.Sequential (graph mode).",
       hints=("Keras 3 tracks only weights made with add_weight, so a plain variable attribute is invisible; and "
              "where Keras traces the model symbolically (inside keras.Sequential, under tf.function) a Python "
              "while on a tensor fails, so the halving loop must be a TensorFlow loop.",
              "Read d2l 6.1 Layers and Modules, 'Executing Code in the Forward Propagation Method' (TensorFlow "
              "tab); look up Layer.add_weight with trainable=False, keras.initializers.RandomUniform (minval, "
              "maxval; the 'random_uniform' string draws from [-0.05, 0.05)), tf.matmul, tf.nn.relu, "
              "tf.while_loop, tf.abs and tf.reduce_sum.",
              "1. In __init__, add a non-trainable (20, 20) weight named rand_weight with a uniform [0, 1) "
              "initializer and create one 20-unit Dense; 2. in call, apply the Dense, then ReLU of the product "
              "with rand_weight plus 1, then the Dense again; 3. run a TensorFlow while loop whose condition is "
              "'sum of absolute values above 1' and whose body halves X; 4. return the sum of X.")),
    _u("tensorflow", "blocks", "NestMLP", "Nesting blocks", 1,
       rule="NestMLP(), a keras.Model: an inner keras.Sequential of a 64-unit and a 32-unit Dense, both with ReLU "
            "activation, then a separate 16-unit Dense without activation; call(X) applies the inner block, then "
            "the last Dense, with the input size inferred (any width, rank-3 input too) and fresh weights for "
            "every model.",
       hints=("A model may hold other models: the two ReLU layers form one inner block and the output layer is "
              "another attribute; no layer fixes the input size.",
              "Read d2l 6.1 Layers and Modules, 'Executing Code in the Forward Propagation Method' (the NestMLP "
              "example, TensorFlow tab); look up keras.Sequential and keras.layers.Dense with its activation "
              "argument.",
              "1. In __init__, store a keras.Sequential of a 64-unit and a 32-unit Dense, both with ReLU "
              "activation, as one attribute and a 16-unit Dense as another; 2. in call, pass X through the inner "
              "block, then the final Dense, and return that.")),
    _u("tensorflow", "blocks", "chimera", "Mixing custom and built-in blocks", 1,
       depends=("NestMLP", "FixedHiddenMLP"),
       rule="chimera() returns a new keras.Sequential of three parts, in this order: a NestMLP(), a 20-unit Dense "
            "without activation and a FixedHiddenMLP() (so chimera().layers[0] is a NestMLP); it returns "
            "FixedHiddenMLP's scalar with gradients to every weight; two calls share no layers.",
       hints=("Your own models mix freely with Keras' layers inside one container; create the parts inside the "
              "function, so that every call gets new ones.",
              "Read the end of d2l 6.1 Layers and Modules (the chimera example, TensorFlow tab); look up "
              "keras.Sequential (it takes a list of layers) and keras.layers.Dense.",
              "1. Inside chimera, create a NestMLP, a 20-unit Dense and a FixedHiddenMLP; 2. put them in a list "
              "in that order, wrap it in a keras.Sequential and return it.")),
    _u("tensorflow", "blocks", "ParallelBlock", "Two blocks in parallel, outputs concatenated", 2,
       rule="ParallelBlock(net1, net2), a keras.Model tracking both nets (their weights in trainable_weights): "
            "call(X) is the concatenation of net1(X) and net2(X) along the last axis, net1's output first "
            "(rank-3 input too), with training passed on to both nets and gradients to both and to X; the same "
            "net given twice runs twice.",
       hints=("Keep the two nets as two attributes so that Keras tracks them (a dict or set would merge a net "
              "given twice), and join the outputs along the last axis.",
              "Read d2l 6.1 Layers and Modules (its exercise on a parallel module); look up tf.concat and its "
              "axis argument.",
              "1. In __init__, call the parent constructor with the keyword arguments and store net1 and net2 as "
              "attributes; 2. in call, compute both outputs on X and return their concatenation along the last "
              "axis, net1's first.")),
    _u("tensorflow", "blocks", "repeat_block", "n independent copies of a block", 2,
       rule="repeat_block(make_block, n) returns a new Keras container (a keras.Sequential, or your MySequential) "
            "whose layers are n independent blocks, each from its own make_block() call (exactly n calls; n = 1 "
            "still a container), applied in order; for n = 0 the model returns its input unchanged.",
       hints=("Calling make_block() once and repeating the result gives one layer n times, sharing its weights; "
              "and Keras 3 cannot call an empty Sequential, so n = 0 needs a layer that passes its input on.",
              "Read d2l 6.1 Layers and Modules (its exercise on several instances of one block); look up "
              "keras.Sequential and keras.layers.Identity.",
              "1. Call make_block n times, collecting the blocks in a list in order; 2. if the list is empty, use "
              "a list holding one identity layer instead; 3. return a keras.Sequential of that list.")),
    # parameters
    _u("tensorflow", "parameters", "layer_weights", "The weights of one layer", 1,
       rule="layer_weights(net, i): the list of variables of the i-th layer in net.layers (i may be negative), "
            "kernel then bias, the variables themselves (not get_weights() or numpy copies); an empty list for a "
            "layer without weights, such as Dropout.",
       hints=("get_weights() and .numpy() give copies that do not follow later changes; the variables themselves "
              "are wanted.",
              "Read d2l 6.2 Parameter Management, 'Parameter Access' (TensorFlow tab); look up keras.Model.layers "
              "and Layer.weights.",
              "1. Take the layer at position i of the net's list of layers; 2. return that layer's weights list "
              "as it is.")),
    _u("tensorflow", "parameters", "weight_shapes", "Every weight's shape", 1,
       rule="weight_shapes(net): a list with the shape of every weight of net, each a tuple of ints, in the "
            "order of net.weights (non-trainable ones such as BatchNormalization's moving statistics included, a "
            "layer used twice counted once, a Dropout's seed state left out), read from the net on every call "
            "(so an unbuilt net gives an empty list).",
       hints=("The set of weights and their order are exactly those of the model's weights property; each shape "
              "must be a plain tuple.",
              "Read d2l 6.2 Parameter Management, 'All Parameters at Once' (TensorFlow tab); look up "
              "keras.Model.weights and Variable.shape.",
              "1. Iterate over the net's weights in order; 2. convert each variable's shape to a tuple; 3. return "
              "those tuples as a list.")),
    _u("tensorflow", "parameters", "nested_weight", "A weight inside nested blocks", 1,
       rule="nested_weight(net, path, name): starting from net, step into the layer at each index of path in "
            "turn through .layers (path possibly empty), then return the variable called name, \"kernel\" or "
            "\"bias\", of the layer reached: the variable itself, not a copy (None for a Dense without bias); "
            "any other name raises ValueError.",
       hints=("Descend one level per index of the path, through each model's list of layers; return the "
              "variable, not its value.",
              "Read d2l 6.2 Parameter Management, 'Targeted Parameters' (TensorFlow tab); look up "
              "keras.Model.layers, Dense.kernel, Dense.bias and Python's built-in getattr.",
              "1. Refuse any name other than kernel and bias with a ValueError; 2. start from net and, for each "
              "index in path, move to the layer at that index of the current model's layers; 3. return the "
              "attribute called name of the layer you end on.")),
    _u("tensorflow", "parameters", "rgnet", "Nested blocks with names", 2, names=("block1", "block2", "rgnet"),
       rule="block1(name): a new keras.Sequential called name, of a Flatten layer and a 4-unit Dense with ReLU; "
            "block2(): a new keras.Sequential of four separate block1 models named \"block-0\", \"block-1\", "
            "\"block-2\", \"block-3\"; rgnet(): a new keras.Sequential of block2() followed by a 1-unit Dense "
            "without activation, built on the first call on (n, 4) input; every Dense draws fresh weights.",
       hints=("Keras 3 has no tf.variable_scope: a model's name comes from its name argument, and each block must "
              "come from its own block1 call.",
              "Read d2l 6.2 Parameter Management (nested blocks, TensorFlow tab); look up keras.Sequential with "
              "its name argument, keras.layers.Flatten, keras.layers.Dense and Layer.name.",
              "1. block1: return a keras.Sequential, given that name, of a Flatten and a 4-unit ReLU Dense; 2. "
              "block2: return a keras.Sequential of block1 called with block- followed by i, for i from 0 to 3; "
              "3. rgnet: return a keras.Sequential of block2() and a 1-unit Dense.")),
    _u("tensorflow", "parameters", "normal_init", "An N(0, 0.01) initializer", 1,
       rule="normal_init() returns a new initializer instance (not a class) which, called with a shape and a "
            "dtype, draws N(0, 0.01) values (standard deviation 0.01) of that shape and dtype (float16, float32 "
            "or float64); each initializer made draws its own values (no fixed seed).",
       hints=("0.01 is the standard deviation, not the variance; return the initializer object itself, and leave "
              "out any seed so that two layers start differently.",
              "Read d2l 6.3 Parameter Initialization, 'Built-in Initialization' (TensorFlow tab); look up "
              "keras.initializers.RandomNormal (mean, stddev).",
              "1. Create a random-normal initializer with mean 0 and standard deviation 0.01, without a seed; 2. "
              "return it.")),
    _u("tensorflow", "parameters", "xavier_init", "The Xavier initializer", 1,
       rule="xavier_init() returns a new Xavier (Glorot) uniform initializer instance: U(-a, a) with "
            "a = sqrt(6 / (fan_in + fan_out)), the fans of a conv kernel including its receptive field, in the "
            "dtype asked for, each initializer drawing its own values.",
       hints=("Xavier is called Glorot in Keras, and it is the uniform variant, not the normal one.",
              "Read d2l 6.3 Parameter Initialization, 'Built-in Initialization' (TensorFlow tab); look up "
              "keras.initializers.GlorotUniform.",
              "1. Create a Glorot-uniform initializer without a seed; 2. return it.")),
    _u("tensorflow", "parameters", "constant_init", "A constant initializer", 1,
       rule="constant_init(value) returns an initializer instance that fills a tensor of the shape asked for "
            "with value (an int or a float) in the dtype it is called with (float16, float32 or float64), on "
            "every call.",
       hints=("Return the initializer object, not a tensor; the dtype comes from each call, not from the value.",
              "Read d2l 6.3 Parameter Initialization, 'Built-in Initialization' (TensorFlow tab); look up "
              "keras.initializers.Constant.",
              "1. Create a constant initializer holding value; 2. return it.")),
    _u("tensorflow", "parameters", "MyInit", "A custom initializer", 2,
       rule="MyInit, a subclass of keras.initializers.Initializer: MyInit()(shape, dtype=None) draws values "
            "uniformly from (-10, 10) in that shape and dtype (Keras' float type, keras.backend.floatx(), when "
            "dtype is None), then sets to 0 every entry whose absolute value is below 5 (kept entries lie in "
            "[5, 10] in absolute value); any shape (a bias, a matrix, a conv kernel); new values on every call.",
       hints=("An initializer is a callable taking a shape and a dtype: draw in the dtype asked for (Keras' float "
              "type when none is given) rather than casting afterwards, then zero the small entries.",
              "Read d2l 6.3 Parameter Initialization, 'Custom Initialization' (TensorFlow tab); look up "
              "keras.initializers.Initializer.__call__, keras.backend.floatx (or "
              "keras.backend.standardize_dtype), tf.random.uniform (minval, maxval, dtype), tf.abs, tf.where "
              "and tf.zeros_like.",
              "1. In __call__, turn dtype into a concrete float dtype, Keras' default when it is None; 2. draw a "
              "uniform tensor of the given shape between -10 and 10 in that dtype; 3. return it with every entry "
              "of absolute value below 5 replaced by 0.")),
    _u("tensorflow", "parameters", "apply_init", "Re-initialising a built network in place", 2,
       rule="apply_init(net, kernel_init, bias_init=None) re-initializes, in place, every built Dense reachable "
            "from net (through nested models' layers and through sub-layers held by plain layers; frozen ones "
            "included; one used twice, once): each kernel is assigned kernel_init called with the kernel's shape "
            "and dtype, and each bias likewise bias_init unless it is None; the variables stay the same objects; "
            "unbuilt Dense layers are skipped, other layers (Conv2D, LayerNormalization) untouched; returns net.",
       hints=("Keras has no net.apply: walk the layers yourself, recursively, and assign new values to the "
              "existing variables (new variables would leave an optimizer or a tied layer holding stale ones).",
              "Read d2l 6.3 Parameter Initialization (TensorFlow tab), which passes initializers at construction; "
              "here look up keras.Model.layers, isinstance with keras.layers.Dense, Layer.built, "
              "Variable.assign, and how a plain layer lists its tracked sub-layers (Layer._flatten_layers).",
              "1. Keep a stack of layers to visit, starting with net, and a set of the ones already seen; 2. for "
              "a built Dense, assign to its kernel the kernel initializer's values for the kernel's shape and "
              "dtype, and likewise to its bias when bias_init is given; 3. for any other layer, push its "
              "sub-layers; 4. return net.")),
    _u("tensorflow", "parameters", "set_manually", "Setting weights by hand", 1,
       rule="set_manually(net): on the first Dense among net.layers (found by type, so a leading Flatten, nested "
            "block or Conv2D is passed over), add 1 to every entry of its kernel, then set the kernel's entry at "
            "row 0, column 0 to 42, both by assignment to the same variable; every other weight untouched; each "
            "call adds 1 again; returns net.",
       hints=("Variables cannot be changed by rebinding them with = or +=: they change through their assign "
              "methods; and the first Dense is found by type, not by position.",
              "Read d2l 6.3 Parameter Initialization, 'Custom Initialization' (TensorFlow tab); look up "
              "isinstance with keras.layers.Dense, Dense.kernel, Variable.assign and assigning to a slice of a "
              "variable.",
              "1. Find the first layer in net's layers that is a Dense; 2. assign to its kernel the kernel plus "
              "1; 3. assign 42 to the kernel's top-left entry through its slice; 4. return net.")),
    _u("tensorflow", "parameters", "tied_net", "Tied weights", 2,
       rule="tied_net(width=8): a new keras.Sequential for (n, 4) inputs of four layers, with w = width: a w-unit "
            "ReLU Dense, a shared w-unit ReLU Dense, the same shared layer again, and a 1-unit Dense without "
            "activation; net.layers[1] and net.layers[2] are one object, so its weights are listed once in "
            "trainable_weights and their gradient is the sum of both uses; two nets share nothing.",
       hints=("tf.variable_scope is gone: tying is one Dense object placed twice in the container; two Dense "
              "layers with copied values are not tied.",
              "Read d2l 6.2 Parameter Management, 'Tied Parameters' (TensorFlow tab); look up keras.Sequential, "
              "keras.layers.Dense and keras.Input.",
              "1. Inside the function, create the shared w-unit ReLU Dense once; 2. build a keras.Sequential "
              "(optionally starting with an input of 4 features) of a w-unit ReLU Dense, the shared layer, the "
              "shared layer again and a 1-unit Dense; 3. return it.")),
    # lazy init
    _u("tensorflow", "lazy_init", "lazy_mlp", "A network whose input size is inferred", 2,
       rule="lazy_mlp(hidden=256, out_features=10): a new Keras model of a hidden-unit ReLU Dense, then an "
            "out_features-unit Dense, with no input shape anywhere, so that no layer has weights before the "
            "first call; after a call on (n, d) input the first kernel is (d, hidden) and the output "
            "(n, out_features); every weight trainable and fresh per net; the same output with training=True "
            "and under tf.function.",
       hints=("Keras layers given no input shape wait for the first call to create their weights; a keras.Input "
              "or an input_shape argument builds them at once.",
              "Read d2l 6.4 Lazy Initialization (TensorFlow tab); look up keras.Sequential, keras.layers.Dense, "
              "Layer.built and Layer.weights.",
              "1. Create a Dense with hidden units and ReLU activation and a Dense with out_features units; 2. "
              "return them in a new keras.Sequential without any input specification.")),
    _u("tensorflow", "lazy_init", "all_lazy_mlp", "Every layer lazy", 1,
       rule="all_lazy_mlp(hidden=256, out_features=10): the network of lazy_mlp with no layer given an input "
            "shape (every such Keras layer is lazy already): no weights before the first call, first kernel "
            "(d, hidden) and output (n, out_features) after a call on (n, d) input.",
       hints=("In Keras every Dense without an input shape is already lazy, so no special layer is needed: give "
              "none of them an input shape and use no keras.Input.",
              "Read d2l 6.4 Lazy Initialization (its exercises, TensorFlow tab); look up keras.layers.Dense and "
              "keras.Sequential.",
              "1. Build the same two Dense layers as in lazy_mlp, with only units and activation arguments; 2. "
              "return them in a new keras.Sequential.")),
    _u("tensorflow", "lazy_init", "materialize", "Materialising lazy weights", 1,
       rule="materialize(net, in_features) creates every missing weight of net (a keras.Sequential or a "
            "subclassed keras.Model, even one already marked built by build(shape)) by one inference call on a "
            "(1, in_features) input, then returns net itself (not a copy or a new model); the net's own "
            "initializers are used, BatchNormalization statistics and already existing weights stay unchanged, "
            "and the weights stay trainable and unseeded.",
       hints=("Keras creates weights on the first call; Model.build(shape) on a subclassed Keras 3 model creates "
              "none for its layers, and net.built says nothing about them, so a dry call is the reliable way.",
              "Read d2l 6.4 Lazy Initialization (TensorFlow tab); look up calling a keras.Model on a tensor, "
              "tf.zeros and the training argument of a call.",
              "1. Make a tensor of zeros with one row and in_features columns; 2. call net on it in inference "
              "mode (the default) and ignore the output; 3. return net.")),
    # custom layers
    _u("tensorflow", "custom_layers", "CenteredLayer", "A layer without weights", 1,
       rule="CenteredLayer(), a keras.layers.Layer with no weights: call(X) returns X minus the mean of all its "
            "elements (one scalar over every axis), for any input shape, with TensorFlow ops, so that the "
            "gradient reaches X and it works under tf.function and with training=True.",
       hints=("The mean is over every element, not one axis; stay with TensorFlow ops (no numpy, no .numpy()) "
              "so that the tape and tf.function see the computation.",
              "Read d2l 6.5 Custom Layers, 'Layers without Parameters' (TensorFlow tab); look up subclassing "
              "keras.layers.Layer and tf.reduce_mean without an axis argument.",
              "1. Subclass keras.layers.Layer; 2. in call, compute the mean of all entries of X and return X "
              "minus it.")),
    _u("tensorflow", "custom_layers", "MyDense", "A layer with weights", 2,
       rule="MyDense(units), a keras.layers.Layer with no weights before its first call: build(input_shape) "
            "creates with add_weight a trainable weight of shape (input size, units), the input size being the "
            "last axis of input_shape, drawn from a random normal (mean 0, not uniform, no fixed seed), and a "
            "trainable bias of shape (units,) of zeros; call(X) is ReLU of (X times weight, a matrix product over "
            "X's last axis, plus bias), rank-3 input too, with gradients to X and both weights, under "
            "tf.function too.",
       hints=("The input size is known only in build(input_shape), from its last axis; weights created in "
              "__init__, or as plain variables, are wrong or untracked.",
              "Read d2l 6.5 Custom Layers, 'Layers with Parameters' (TensorFlow tab); look up Layer.build, "
              "Layer.add_weight (shape, initializer such as \"random_normal\" or \"zeros\", trainable), tf.matmul "
              "and tf.nn.relu.",
              "1. In __init__, call the parent constructor with the keyword arguments and store units; 2. in "
              "build, add the weight of shape (input size, units) with a random-normal initializer and the bias "
              "of shape (units,) with zeros; 3. in call, multiply X by the weight, add the bias, apply ReLU and "
              "return it.")),
    _u("tensorflow", "custom_layers", "TensorReduction", "A tensor reduction layer", 2,
       rule="TensorReduction(in_features, out_features), a keras.layers.Layer: one trainable weight W of shape "
            "(in_features, in_features, out_features), random normal; call(X) for X of shape (n, in_features) "
            "returns Y of shape (n, out_features) with Y[n, k] = Σ_i Σ_j W[i, j, k] · X[n, i] · X[n, j], with "
            "gradients to W and X, under tf.function too.",
       hints=("Each output entry is a quadratic form of the input: a double contraction of the weight with two "
              "copies of X; Python loops are slow and break under tf.function.",
              "Read the exercises of d2l 6.5 Custom Layers (TensorFlow tab); look up Layer.add_weight and "
              "tf.einsum (subscript notation: one letter per axis, the output's letters after the arrow).",
              "1. In __init__, add the (in, in, out) weight with a random-normal initializer; 2. in call, "
              "contract it with X twice in one einsum: three letters for the weight's axes, the batch letter plus "
              "one of the weight's first two letters for each copy of X, and the batch and output letters after "
              "the arrow; 3. return the result.")),
    _u("tensorflow", "custom_layers", "FourierHalf", "Half of the Fourier coefficients", 1,
       rule="FourierHalf(), a keras.layers.Layer with no weights: for a float (n, d) input, returns the first "
            "(d + 1) // 2 (that is, ⌈d/2⌉) coefficients of the discrete Fourier transform along the last axis, a "
            "complex64 tensor of shape (n, (d + 1) // 2), for any d, under tf.function too (where d may be "
            "unknown while tracing), with gradients back to X.",
       hints=("TensorFlow's FFT works on complex input, along the innermost axis, so cast first; then keep the "
              "first half of the coefficients, rounding up for odd d.",
              "Read the exercises of d2l 6.5 Custom Layers (TensorFlow tab); look up tf.signal.fft, tf.cast to "
              "tf.complex64, and tf.shape for a size unknown while tracing.",
              "1. In call, read the size d of X's last axis from its static shape, or from its dynamic shape when "
              "that is unknown; 2. cast X to complex64 and take its FFT; 3. return the slice of the first "
              "(d + 1) // 2 entries on the last axis.")),
    # file io
    _u("tensorflow", "file_io", "tensor", "Saving and loading a tensor", 1, names=("save_tensor", "load_tensor"),
       rule="save_tensor(x, path) writes one file at exactly path (no .npy or other suffix added, no other file "
            "left behind) and load_tensor(path) returns a tf.Tensor with exactly the same values, dtype (bfloat16 "
            "and every integer and float type included) and shape (0-d and empty tensors too; a second save at "
            "the same path replaces the first); loading never runs code from the file, and a file holding a "
            "pickle is refused with an error.",
       hints=("np.save appends .npy to a path without it, stores bfloat16 as raw bytes that lose their type, and "
              "np.load with pickles allowed can run code from the file: each needs care.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Tensors' (TensorFlow tab); look up np.save and np.savez "
              "with an open file object, np.load with allow_pickle=False, ndarray.view, tf.as_dtype and "
              "tf.constant.",
              "1. Save: convert x to a numpy array and store its raw bits as unsigned integers of the same width, "
              "together with its dtype name and shape, into a file you open yourself at path; 2. load: open path, "
              "read it with pickles disallowed, view the bits back as the recorded dtype, reshape, and return a "
              "tf.Tensor of that dtype.")),
    _u("tensorflow", "file_io", "tensor_list", "Saving and loading a list of tensors", 1,
       names=("save_tensors", "load_tensors"),
       rule="save_tensors(xs, path) / load_tensors(path): one file at exactly path; a Python list of tf.Tensor "
            "comes back, of the same length and order, each tensor exact in values, dtype (mixed dtypes, "
            "bfloat16 included) and shape; loading never runs code from the file.",
       hints=("np.save of a list of tensors builds one array, which loses mixed dtypes and shapes: store each "
              "tensor on its own and remember the order.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Tensors' (TensorFlow tab); look up np.savez with an "
              "open file object, np.load with allow_pickle=False, and json.dumps / json.loads for a header.",
              "1. Save: store every tensor as its own array under a generated name, plus a header array (JSON "
              "text as bytes) listing their dtypes and shapes in order; 2. load: read the header first, then "
              "rebuild each tensor in that order and return them as a list.")),
    _u("tensorflow", "file_io", "tensor_dict", "Saving and loading a dict of tensors", 1,
       names=("save_tensor_dict", "load_tensor_dict"),
       rule="save_tensor_dict(d, path) / load_tensor_dict(path): one file at exactly path; a dict comes back with "
            "exactly the same str keys (any characters, '/' and '.' included) and tf.Tensor values exact in "
            "values, dtype and shape; a second dict saved at the same path replaces the first; loading never "
            "runs code from the file.",
       hints=("Keys may hold characters that archive member names cannot, such as '/' and '.': keep the keys in "
              "a header rather than as array names.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Tensors' (TensorFlow tab); look up np.savez with an "
              "open file object, np.load with allow_pickle=False, and json.dumps / json.loads.",
              "1. Save: store the values as arrays under generated names, plus a JSON header mapping each key to "
              "its array, dtype and shape; 2. load: read the header, rebuild every tensor, and return the dict "
              "of key to tensor.")),
    _u("tensorflow", "file_io", "params", "Saving and loading model weights", 2, names=("save_params", "load_params"),
       rule="save_params(net, path) writes every weight of a built net (in net.weights order, non-trainable ones "
            "such as moving statistics included) to one file at exactly path; load_params(make_net, path, "
            "input_shape) returns a new make_net() on every call, given its weights by one call on zeros of "
            "input_shape (its None batch axis read as 1; a subclassed keras.Model too), holding exactly the "
            "saved values and still trainable; loading never runs code from the file.",
       hints=("Keras 3's save_weights insists on a .weights.h5 suffix, so either save the values in your own "
              "format at path or write a temporary .weights.h5 and move it; and Model.build(shape) creates no "
              "weights in a subclassed model, so build the fresh net by calling it.",
              "Read d2l 6.6 File I/O, 'Loading and Saving Model Parameters' (TensorFlow tab); look up "
              "keras.Model.weights, get_weights and set_weights, tf.zeros, and your safe format from the tensor "
              "units above.",
              "1. save_params: write the values of the net's weights, in order, in the same safe format as "
              "save_tensors; 2. load_params: read the values, call make_net(), call the new net once on zeros of "
              "input_shape with None replaced by 1, set its weights to the values and return it.")),
    # gpu
    _u("tensorflow", "gpu", "num_gpus", "Counting GPUs", 1,
       rule="num_gpus() returns, as an int, how many GPUs TensorFlow lists as physical devices, asked on every "
            "call (never cached at import).",
       hints=("Ask TensorFlow inside the function each time, not once at import time: the graders change the "
              "count between calls.",
              "Read d2l 6.7 GPUs, 'Computing Devices' (TensorFlow tab); look up tf.config.list_physical_devices "
              "with the device type 'GPU'.",
              "1. List the physical devices of type GPU; 2. return the length of that list.")),
    _u("tensorflow", "gpu", "try_gpu", "A GPU if it exists, else the CPU", 1,
       rule="try_gpu(i=0) returns the device name string \"/GPU:i\" when 0 ≤ i < num_gpus(), and otherwise "
            "\"/CPU:0\", negative i included, reading the count on every call; names are compared as "
            "tf.DeviceSpec reads them, and a tf.device context manager is not a name.",
       hints=("Valid GPU indices are 0 to count - 1; anything else, negative included, falls back to the CPU; "
              "return a name string, not the tf.device context manager the book returns.",
              "Read d2l 6.7 GPUs, 'Computing Devices' (TensorFlow tab); look up "
              "tf.config.list_physical_devices and device names such as '/GPU:1' and '/CPU:0' (tf.DeviceSpec).",
              "1. Read the GPU count; 2. if i is at least 0 and below it, return the GPU name with index i; 3. "
              "otherwise return the CPU name.")),
    _u("tensorflow", "gpu", "try_all_gpus", "Every GPU, or the CPU", 1,
       rule="try_all_gpus() returns a list of device name strings, \"/GPU:0\", \"/GPU:1\", ... one per GPU in "
            "index order, or a list holding only \"/CPU:0\" when there is none (never empty), reading the count on "
            "every call.",
       hints=("Without GPUs the list holds the CPU's name, not nothing (the book's current code returns an empty "
              "list).",
              "Read d2l 6.7 GPUs, 'Computing Devices' (TensorFlow tab); look up tf.config.list_physical_devices.",
              "1. Build one GPU name per index from 0 to count - 1; 2. if that list is empty, return a list "
              "holding the CPU name instead; 3. otherwise return it.")),
    _u("tensorflow", "gpu", "placement", "Tensors on the GPU", 2, names=("to_device", "try_gpu"), gpu=True,
       rule="to_device(x, device) returns a new tf.Tensor equal to x and placed on device (e.g. try_gpu()); on a "
            "machine with a GPU, results computed there match the CPU's.",
       hints=("Keras 3 tensors have no .to(): a tensor lives where it is created, so create the copy inside a "
              "device scope.",
              "Read d2l 6.7 GPUs, 'Tensors and GPUs' (TensorFlow tab); look up tf.device (a context manager) and "
              "tf.identity.",
              "1. Open a device scope for device; 2. inside it, make a copy of x with an identity op; 3. return "
              "the copy.")),
]

UNITS: tuple[Unit, ...] = tuple(_PT + _TF)
BY_ID: dict[str, Unit] = {u.id: u for u in UNITS}


def units_for(framework: str | None = None, module: str | None = None) -> list[Unit]:
    return [
        u for u in UNITS
        if (framework is None or u.framework == framework) and (module is None or u.module == module)
    ]

