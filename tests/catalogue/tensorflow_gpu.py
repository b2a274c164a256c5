"""Catalogue for tensorflow/gpu.py (Keras 3): num_gpus, try_gpu, try_all_gpus, placement (GPU-marked).

As in pytorch_gpu.py: the reference's ``try_gpu`` and ``try_all_gpus`` call ``num_gpus()`` while
harness/units.toml declares no dependency, so a ``num_gpus`` mutant also redefines both, correctly
but without calling ``num_gpus`` (``_INDEPENDENT``), keeping the mutant confined to its own unit.
"""

from tests.catalogue import Mutant, Variant

_INDEPENDENT = """
    def _count():
        return len(tf.config.list_physical_devices("GPU"))

    def try_gpu(i=0):
        return f"/GPU:{i}" if 0 <= i < _count() else "/CPU:0"

    def try_all_gpus():
        return [f"/GPU:{i}" for i in range(_count())] or ["/CPU:0"]
"""

MUTANTS = [
    # num_gpus
    Mutant("num_gpus", "Counts every physical device (the CPU included), not just GPUs.", _INDEPENDENT + """
    def num_gpus():
        return len(tf.config.list_physical_devices())
    """),
    Mutant("num_gpus", "Reads the count once at import time instead of on every call.", _INDEPENDENT + """
    _COUNT = len(tf.config.list_physical_devices("GPU"))

    def num_gpus():
        return _COUNT
    """),
    Mutant("num_gpus", "Returns whether a GPU exists (a bool) instead of how many.", _INDEPENDENT + """
    def num_gpus():
        return len(tf.config.list_physical_devices("GPU")) > 0
    """),
    Mutant("num_gpus", "Returns the index of the last GPU (count - 1).", _INDEPENDENT + """
    def num_gpus():
        return len(tf.config.list_physical_devices("GPU")) - 1
    """),
    Mutant("num_gpus", "Returns the list of physical GPUs itself rather than its length.", _INDEPENDENT + """
    def num_gpus():
        return tf.config.list_physical_devices("GPU")
    """),
    # try_gpu
    Mutant("try_gpu", "Returns the book's tf.device(...) context manager instead of a device name.", """
        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return tf.device(f"/GPU:{i}")
            return tf.device("/CPU:0")
    """),
    Mutant("try_gpu", "Off by one: i <= num_gpus() accepts the index count, which does not exist.", """
        def try_gpu(i=0):
            if 0 <= i <= num_gpus():
                return f"/GPU:{i}"
            return "/CPU:0"
    """),
    Mutant("try_gpu", "The book's num_gpus() >= i + 1 test: a negative i gives '/GPU:-1' instead of the CPU.", """
        def try_gpu(i=0):
            if num_gpus() >= i + 1:
                return f"/GPU:{i}"
            return "/CPU:0"
    """),
    Mutant("try_gpu", "Returns '/GPU:0' whenever any GPU exists, whatever i is.", """
        def try_gpu(i=0):
            return "/GPU:0" if num_gpus() > 0 else "/CPU:0"
    """),
    Mutant("try_gpu", "Returns the physical device's name '/physical_device:GPU:i', which tf.device rejects.", """
        def try_gpu(i=0):
            gpus = tf.config.list_physical_devices("GPU")
            return gpus[i].name if 0 <= i < len(gpus) else "/CPU:0"
    """),
    Mutant("try_gpu", "Defaults to i=1, skipping the first GPU.", """
        def try_gpu(i=1):
            if 0 <= i < num_gpus():
                return f"/GPU:{i}"
            return "/CPU:0"
    """),
    # try_all_gpus
    Mutant("try_all_gpus", "Returns [] without GPUs (d2l's current code), not ['/CPU:0'].", """
        def try_all_gpus():
            return [f"/GPU:{i}" for i in range(num_gpus())]
    """),
    Mutant("try_all_gpus", "range(num_gpus() - 1) leaves out the last GPU.", """
        def try_all_gpus():
            return [f"/GPU:{i}" for i in range(num_gpus() - 1)] or ["/CPU:0"]
    """),
    Mutant("try_all_gpus", "Returns '/CPU:0' itself, not a list holding it.", """
        def try_all_gpus():
            return [f"/GPU:{i}" for i in range(num_gpus())] or "/CPU:0"
    """),
    Mutant("try_all_gpus", "Returns the PhysicalDevice objects rather than device names.", """
        def try_all_gpus():
            return tf.config.list_physical_devices("GPU") or ["/CPU:0"]
    """),
    Mutant("try_all_gpus", "Returns tf.device(...) context managers, as the book does.", """
        def try_all_gpus():
            return [tf.device(f"/GPU:{i}") for i in range(num_gpus())] or [tf.device("/CPU:0")]
    """),
    # placement (GPU-marked: only graded where a GPU is present)
    Mutant("placement", "to_device returns its input unchanged (still on the CPU).", """
        def to_device(x, device):
            return x
    """),
    Mutant("placement", "to_device copies under '/CPU:0', ignoring its device argument.", """
        def to_device(x, device):
            with tf.device("/CPU:0"):
                return tf.identity(x)
    """),
    Mutant("placement", "to_device returns a numpy copy (x.numpy()), which lives on no device.", """
        def to_device(x, device):
            with tf.device(device):
                return x.numpy()
    """),
]

VARIANTS = [
    Variant("num_gpus", "Asks the experimental twin of list_physical_devices.", """
        def num_gpus():
            return len(tf.config.experimental.list_physical_devices("GPU"))
    """),
    Variant("num_gpus", "Filters every physical device by device_type.", """
        def num_gpus():
            return sum(1 for d in tf.config.list_physical_devices() if d.device_type == "GPU")
    """),
    Variant("try_gpu", "Full device names '/device:GPU:i' with a membership test on range(num_gpus()).", """
        def try_gpu(i=0):
            return f"/device:GPU:{i}" if i in range(num_gpus()) else "/device:CPU:0"
    """),
    Variant("try_gpu", "tf.DeviceSpec(...).to_string() and lower-case names, counted directly.", """
        def try_gpu(i=0):
            if 0 <= i < len(tf.config.list_physical_devices("GPU")):
                return tf.DeviceSpec(device_type="GPU", device_index=i).to_string()
            return "/cpu:0"
    """),
    Variant("try_all_gpus", "Built from try_gpu(i), with an explicit emptiness check.", """
        def try_all_gpus():
            devices = [try_gpu(i) for i in range(num_gpus())]
            if not devices:
                devices.append("/CPU:0")
            return devices
    """),
    Variant("try_all_gpus", "Names taken from the physical devices' indices, 'GPU:i' without the slash.", """
        def try_all_gpus():
            gpus = tf.config.list_physical_devices("GPU")
            return [f"GPU:{k}" for k, _ in enumerate(gpus)] if gpus else ["CPU:0"]
    """),
    Variant("placement", "tf.identity under the device, returned after the with block.", """
        def to_device(x, device):
            with tf.device(device):
                y = tf.identity(x)
            return y
    """),
    Variant("placement", "A copy made by tf.add(x, 0) under the device.", """
        def to_device(x, device):
            with tf.device(device):
                return tf.add(x, tf.zeros_like(x))
    """),
]

# ---------------------------------------------------------------- issue 11: correct code that was rejected
VARIANTS += [
    Variant("num_gpus", "Counts logical devices, bound at import, and names them /device:GPU:i.", """
        import tensorflow as tf
        from tensorflow.config import list_logical_devices

        def num_gpus():
            return len(list_logical_devices("GPU"))

        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return f"/device:GPU:{i}"
            return "/device:CPU:0"

        def try_all_gpus():
            return [f"/device:GPU:{i}" for i in range(num_gpus())] or ["/device:CPU:0"]
    """),
]
