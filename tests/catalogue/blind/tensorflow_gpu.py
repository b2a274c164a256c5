"""Blind mutants and variants of tensorflow/gpu.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- num_gpus
    Mutant("num_gpus", "[plain] Counts every physical device (list_physical_devices() with no type), so the CPU is counted as well: n + 1 instead of n.", """
        import tensorflow as tf

        def num_gpus():
            return len(tf.config.list_physical_devices())
    """),
    Mutant("num_gpus", "[plain] Asks for device type 'gpu' in lower case; TensorFlow matches device types exactly, so real GPUs are never counted (always 0).", """
        import tensorflow as tf

        def num_gpus():
            return len(tf.config.list_physical_devices("gpu"))
    """),
    Mutant("num_gpus", "[repeat] Lists the GPUs once at import (_GPUS = tf.config.list_physical_devices('GPU')) and returns len(_GPUS), so the count is not read at call time.", """
        import tensorflow as tf

        _GPUS = tf.config.list_physical_devices("GPU")

        def num_gpus():
            return len(_GPUS)
    """),
    Mutant("num_gpus", "[repeat] Memoizes num_gpus with functools.cache, so later calls return the first call's count.", """
        import functools
        import tensorflow as tf

        @functools.cache
        def num_gpus():
            return len(tf.config.list_physical_devices("GPU"))
    """),
    Mutant("num_gpus", "[type] Returns the list of PhysicalDevice objects itself instead of its length.", """
        import tensorflow as tf

        def num_gpus():
            return tf.config.list_physical_devices("GPU")
    """),
    Mutant("num_gpus", "[plain] Returns int(bool(...)): whether any GPU is visible, so 1 instead of n on machines with n >= 2 GPUs.", """
        import tensorflow as tf

        def num_gpus():
            return int(bool(tf.config.list_physical_devices("GPU")))
    """),

    # ----------------------------------------------------------------- try_gpu
    Mutant("try_gpu", "[type] Returns tf.device(...) context managers (the book's code) instead of device name strings.", """
        import tensorflow as tf

        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return tf.device(f"/GPU:{i}")
            return tf.device("/CPU:0")
    """),
    Mutant("try_gpu", "[boundary] Checks only i < num_gpus(), so try_gpu(-1) is the nonexistent '/GPU:-1' instead of '/CPU:0' (for every GPU count).", """
        def try_gpu(i=0):
            if i < num_gpus():
                return f"/GPU:{i}"
            return "/CPU:0"
    """),
    Mutant("try_gpu", "[plain] Off by one: 0 <= i <= num_gpus(), so try_gpu(n) names a GPU that does not exist ('/GPU:0' on a machine without GPUs).", """
        def try_gpu(i=0):
            if 0 <= i <= num_gpus():
                return f"/GPU:{i}"
            return "/CPU:0"
    """),
    Mutant("try_gpu", "[type] Returns the PhysicalDevice name '/physical_device:GPU:i', which tf.device rejects, instead of a device name.", """
        import tensorflow as tf

        def try_gpu(i=0):
            gpus = tf.config.list_physical_devices("GPU")
            if 0 <= i < len(gpus):
                return gpus[i].name
            return "/CPU:0"
    """),
    Mutant("try_gpu", "[boundary] Ignores i: '/GPU:0' whenever any GPU exists, so try_gpu(1) is GPU 0 (or, with one GPU, not the CPU).", """
        def try_gpu(i=0):
            return "/GPU:0" if num_gpus() > 0 else "/CPU:0"
    """),
    Mutant("try_gpu", "[boundary] Picks from the GPU name list with Python indexing, so a negative i returns the last GPUs instead of the CPU when there is a GPU.", """
        def try_gpu(i=0):
            names = [f"/GPU:{k}" for k in range(num_gpus())]
            try:
                return names[i]
            except IndexError:
                return "/CPU:0"
    """),
    Mutant("try_gpu", "[plain] Copy-paste slip: the fallback is f'/CPU:{i}', so try_gpu(1) on a machine without a second GPU names the nonexistent '/CPU:1'.", """
        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return f"/GPU:{i}"
            return f"/CPU:{i}"
    """),
    Mutant("try_gpu", "[repeat] Caches its answers per i with functools.lru_cache, so after the visible GPU count changes it keeps the first answer.", """
        import functools

        @functools.lru_cache(maxsize=None)
        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return f"/GPU:{i}"
            return "/CPU:0"
    """),

    # ------------------------------------------------------------ try_all_gpus
    Mutant("try_all_gpus", "[boundary] Returns [] without GPUs (d2l's current code) instead of ['/CPU:0'].", """
        def try_all_gpus():
            return [f"/GPU:{i}" for i in range(num_gpus())]
    """),
    Mutant("try_all_gpus", "[type] Returns the PhysicalDevice names ('/physical_device:GPU:i'), which tf.device rejects, instead of device names.", """
        import tensorflow as tf

        def try_all_gpus():
            names = [d.name for d in tf.config.list_physical_devices("GPU")]
            return names or ["/CPU:0"]
    """),
    Mutant("try_all_gpus", "[type] Returns a tuple instead of a list (('/CPU:0',) without GPUs).", """
        def try_all_gpus():
            return tuple(f"/GPU:{i}" for i in range(num_gpus())) or ("/CPU:0",)
    """),
    Mutant("try_all_gpus", "[type] Returns tf.device(...) context managers (the book's style) instead of device name strings.", """
        import tensorflow as tf

        def try_all_gpus():
            devices = [tf.device(f"/GPU:{i}") for i in range(num_gpus())]
            return devices if devices else [tf.device("/CPU:0")]
    """),
    Mutant("try_all_gpus", "[plain] Forgets the f prefix, so every entry is the literal string '/GPU:{i}', which is not a device name.", """
        def try_all_gpus():
            devices = ["/GPU:{i}" for i in range(num_gpus())]
            return devices if devices else ["/CPU:0"]
    """),
    Mutant("try_all_gpus", "[plain] Numbers the GPUs from 1 ('/GPU:1' ... '/GPU:n') instead of from 0.", """
        def try_all_gpus():
            devices = [f"/GPU:{i}" for i in range(1, num_gpus() + 1)]
            return devices if devices else ["/CPU:0"]
    """),
    Mutant("try_all_gpus", "[boundary] Caps the list at 8 GPUs, so machines with more than 8 lose the rest.", """
        def try_all_gpus():
            devices = [f"/GPU:{i}" for i in range(min(8, num_gpus()))]
            return devices if devices else ["/CPU:0"]
    """),
    Mutant("try_all_gpus", "[repeat] Appends to one module-level list on every call without clearing it, so from the second call on each GPU appears more than once.", """
        _NAMES = []

        def try_all_gpus():
            for i in range(num_gpus()):
                _NAMES.append(f"/GPU:{i}")
            return _NAMES if _NAMES else ["/CPU:0"]
    """),
]

VARIANTS = [
    # ---------------------------------------------------------------- num_gpus
    Variant("num_gpus", "[style] Counts logical GPU devices (tf.config.list_logical_devices('GPU')), one of the public queries the contract names.", """
        import tensorflow as tf

        def num_gpus():
            return len(tf.config.list_logical_devices("GPU"))
    """),
    Variant("num_gpus", "[style] Binds the query at import (from tensorflow.config import list_physical_devices) and calls it with device_type= on every call.", """
        from tensorflow.config import list_physical_devices

        def num_gpus():
            return len(list_physical_devices(device_type="GPU"))
    """),
    Variant("num_gpus", "[style] Uses the experimental twin tf.config.experimental.list_physical_devices('GPU') and sums over it.", """
        import tensorflow as tf

        def num_gpus():
            return sum(1 for _ in tf.config.experimental.list_physical_devices("GPU"))
    """),

    # ----------------------------------------------------------------- try_gpu
    Variant("try_gpu", "[style] Builds the names with tf.DeviceSpec(...).to_string(), giving '/device:GPU:i' and '/device:CPU:0', the same devices as '/GPU:i' and '/CPU:0'.", """
        import tensorflow as tf

        def try_gpu(i=0):
            if i >= 0 and i < num_gpus():
                return tf.DeviceSpec(device_type="GPU", device_index=i).to_string()
            return tf.DeviceSpec(device_type="CPU", device_index=0).to_string()
    """),
    Variant("try_gpu", "[style] Lower-case names without the leading slash ('gpu:i', 'cpu:0'), read from list_logical_devices; tf.DeviceSpec and tf.device read them as the same devices.", """
        import tensorflow as tf

        def try_gpu(i=0):
            n = len(tf.config.list_logical_devices("GPU"))
            return f"gpu:{i}" if i in range(n) else "cpu:0"
    """),

    # ------------------------------------------------------------ try_all_gpus
    Variant("try_all_gpus", "[style] [try_gpu(i) for i in range(num_gpus())] with try_gpu(-1) (the CPU) as the fallback: only in-range indices are asked, so each is a real GPU.", """
        def try_all_gpus():
            return [try_gpu(i) for i in range(num_gpus())] or [try_gpu(-1)]
    """),
    Variant("try_all_gpus", "[style] Enumerates tf.config.experimental.list_physical_devices('GPU') and names each by tf.DeviceSpec ('/device:GPU:k'); '/device:CPU:0' without GPUs.", """
        import tensorflow as tf

        def try_all_gpus():
            names = [tf.DeviceSpec(device_type="GPU", device_index=k).to_string()
                     for k, _ in enumerate(tf.config.experimental.list_physical_devices("GPU"))]
            if not names:
                names.append("/device:CPU:0")
            return names
    """),
]
