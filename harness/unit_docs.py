"""``docs/units.md``: every graded unit's rule, generated from the one catalog (``harness/units.toml``).

    python -m harness.unit_docs            # rewrite docs/units.md
    python -m harness.unit_docs --check    # exit 1 if docs/units.md is not what the catalog gives

``tests/test_leaks.py`` checks that the committed file is the generated one, so the page cannot drift from the
catalog the graders, ``drill`` and the reports read.
"""

from __future__ import annotations

import argparse
import sys

from harness import CHECKOUT, catalog

ROOT = CHECKOUT
PATH = ROOT / "docs" / "units.md"

_INTRO = """\
# The graded units

Generated from `harness/units.toml` by `python -m harness.unit_docs`; do not edit by hand.

Each exercise file, `exercises/<framework>/<module>.py`, holds a few *units*: a class or function (sometimes a
pair, such as a save and a load function) that one grader checks. A unit's id is
`<framework>.<module>.<name>`, for example `pytorch.blocks.MLP`; `drill list` shows them all, `drill hint ID`
gives hints one stage at a time. The rule under each id is what its grader checks; the stub's docstring says the
same at more length, with the places where the book's code does not work on today's libraries.

## Layout

- An implementation tree (the exercises, your submission) holds `pytorch/` and/or `tensorflow/`, each with the
  modules `blocks.py`, `parameters.py`, `lazy_init.py`, `custom_layers.py`, `file_io.py` and `gpu.py`.
- No `__init__.py` in a tree: modules are loaded from their file, so a folder named `tensorflow/` never hides the
  real TensorFlow.
- A module stands alone: it imports its framework, numpy and the standard library, never another module of the
  tree.
- A tree may hold one framework only; the other framework's units are then reported as missing.

## What every unit shares

- Only the names given here are fixed (and `rand_weight`, the keys under which `MySequential` registers its blocks,
  the `rgnet` block names). Attribute names, containers and the order in which layers are created are yours:
  graders find weights by the order in which the forward pass uses them and by their shapes, never by name.
- "N(0, s)" gives the standard deviation s.
- Graders call your code with finite inputs, float32 unless a rule says otherwise, on several shapes, batch sizes
  and architectures, more than once, and compare gradients (to the weights and to the input) with the
  reference's.
- If any name of a unit is absent, the unit is *missing*.
- TensorFlow `input_shape` arguments include the batch axis as `None`, e.g. `(None, d)`; a subclassed Keras model
  gets its weights by one call on an input.
- Keras units are also called under `tf.function`, inside `keras.Sequential` and with `training=True`.
- GPU counts are faked by the graders so that any public query sees them, whether called inside the function or
  imported at module level. Devices are compared as devices: PyTorch GPU `i` is `torch.device("cuda:i")`, the CPU
  `torch.device("cpu")` (or `"cpu:0"`); TensorFlow device names are compared through `tf.DeviceSpec`, so
  `"/GPU:0"` and `"/device:GPU:0"` are the same device.

## The grading report

`drill grade TREE --json FILE` (and `pytest TREE --d2l-json FILE`) writes one JSON object per submission:

```json
{"submission": "TREE", "score": 41.0, "max_score": 58.0, "seed": 7, "profile": "ci",
 "units": [{"id": "pytorch.blocks.MLP", "status": "passed", "score": 2.0, "max_score": 2.0, "message": ""}]}
```

`status` is `passed`, `failed`, `error` (crashed, timed out, would not import), `missing` (module or name absent)
or `skipped`. `message` is what to read first: what is wrong in a sentence or two, then the smallest input that
shows it.

A unit *scored per property* (listed below with its properties' points) also has `"properties": [{"name",
"status", "score", "max_score", "message"}]`: each property it meets scores its points, so a container that
registers its blocks and passes train/eval on but runs them in the wrong order scores 2 of 3; its `status` stays
`failed` until every property passes. A property that cannot be judged because another one failed (blocks that are
not registered cannot be switched to eval mode) is not charged again. A stub, a crash or a timeout scores 0.

GPU units on a machine without a GPU (and units of a framework that is not installed) are `skipped` for every
submission alike, before the submission is looked at, and count in neither `score` nor `max_score`: every row of a
batch has the same maximum. The CSV gradebook shows `skipped` in their column; Gradescope's `results.json` has no
test for them and names them in its `output`; `drill list` counts a GPU unit once it was graded on a machine with
a GPU.
"""


def render() -> str:
    parts = [_INTRO]
    for module in catalog.MODULES:
        parts.append(f"\n## {module}.py: d2l {catalog.SECTIONS[module]}\n")
        for framework in catalog.FRAMEWORKS:
            units = catalog.units_for(framework, module)
            if not units:
                continue
            parts.append(f"\n### {'PyTorch' if framework == 'pytorch' else 'TensorFlow / Keras 3'}\n")
            for unit in units:
                names = ", ".join(f"`{n}`" for n in unit.names)
                extra = []
                if unit.depends:
                    extra.append("uses " + ", ".join(f"`{d}`" for d in unit.depends))
                if unit.gpu:
                    extra.append("needs a GPU (skipped without one)")
                if unit.properties:
                    extra.append("scored per property: " + ", ".join(
                        f"{name} {points:g}" for name, points in unit.property_points().items()))
                tail = f" ({'; '.join(extra)})" if extra else ""
                points = f"{unit.points:g} point{'s' if unit.points != 1 else ''}"
                parts.append(f"\n#### {unit.id}\n\n{unit.title}. Defines {names}; {points}{tail}.\n\n"
                             f"{unit.rule}\n")
    return "".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write docs/units.md from the catalog.")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if docs/units.md differs")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        same = PATH.exists() and PATH.read_text() == text
        print("docs/units.md is up to date" if same else "docs/units.md differs: run python -m harness.unit_docs")
        return 0 if same else 1
    PATH.parent.mkdir(parents=True, exist_ok=True)
    tmp = PATH.with_suffix(".md.tmp")
    tmp.write_text(text)
    tmp.replace(PATH)
    print(f"wrote {PATH.relative_to(ROOT)} ({len(catalog.UNITS)} units)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
