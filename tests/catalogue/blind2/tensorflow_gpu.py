"""Blind batch 2: mutants and variants of tensorflow/gpu.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ---------------------------------------------------------------- num_gpus
    Mutant("num_gpus", "[repeat] Binds the GPU list as a default argument, num_gpus(_gpus=tf.config.list_physical_devices('GPU')), which Python evaluates once at import, so the count is not read at call time.", """
        import tensorflow as tf

        def num_gpus(_gpus=tf.config.list_physical_devices("GPU")):
            return len(_gpus)
    """),
    Mutant("num_gpus", "[plain] Counts 'XLA_GPU' devices (an old tutorial's device type), which current TensorFlow never lists, so it always returns 0.", """
        import tensorflow as tf

        def num_gpus():
            return len(tf.config.list_physical_devices("XLA_GPU"))
    """),
    Mutant("num_gpus", "[plain] Returns int(tf.test.is_built_with_cuda()): whether this TensorFlow build supports CUDA, not how many GPUs it sees.", """
        import tensorflow as tf

        def num_gpus():
            return int(tf.test.is_built_with_cuda())
    """),
    # ---------------------------------------------------------------- try_gpu
    Mutant("try_gpu", "[type] Returns tf.DeviceSpec objects instead of device name strings.", """
        import tensorflow as tf

        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return tf.DeviceSpec(device_type="GPU", device_index=i)
            return tf.DeviceSpec(device_type="CPU", device_index=0)
    """),
    Mutant("try_gpu", "[boundary] Returns None when GPU i does not exist ('no GPU'), instead of the CPU.", """
        def try_gpu(i=0):
            if 0 <= i < num_gpus():
                return f"/GPU:{i}"
            return None
    """),
    Mutant("try_gpu", "[plain] Checks i against the number of all logical devices (the CPU included), so try_gpu(n) on a machine with n GPUs, and try_gpu(0) on one without, name a GPU that does not exist.", """
        import tensorflow as tf

        def try_gpu(i=0):
            if 0 <= i < len(tf.config.list_logical_devices()):
                return f"/GPU:{i}"
            return "/CPU:0"
    """),
    # ---------------------------------------------------------------- try_all_gpus
    Mutant("try_all_gpus", "[plain] Always puts the CPU first ('as a fallback'), so with GPUs the list is ['/CPU:0', '/GPU:0', ...] instead of the GPUs only.", """
        def try_all_gpus():
            return ["/CPU:0"] + [f"/GPU:{i}" for i in range(num_gpus())]
    """),
    Mutant("try_all_gpus", "[boundary] Collects try_gpu(i) for i in range(num_gpus() + 1) 'to include the fallback': right without GPUs, but with n GPUs it appends '/CPU:0' after them.", """
        def try_all_gpus():
            return [try_gpu(i) for i in range(num_gpus() + 1)]
    """),
    Mutant("try_all_gpus", "[type] Returns a generator of device names instead of a list.", """
        def try_all_gpus():
            n = num_gpus()
            return (f"/GPU:{i}" for i in range(n)) if n else (d for d in ["/CPU:0"])
    """),
    # ---------------------------------------------------------------- placement
    Mutant("placement", "[device] Uses tf.convert_to_tensor(x) under tf.device: for a tensor that already exists this returns x itself, so nothing is copied and it stays where it was.", """
        import tensorflow as tf

        def to_device(x, device):
            with tf.device(device):
                return tf.convert_to_tensor(x)
    """),
    Mutant("placement", "[device] Ignores its device argument and copies to try_gpu() ('the best device'), so to_device(x, '/CPU:0') puts x on the GPU.", """
        import tensorflow as tf

        def to_device(x, device):
            with tf.device(try_gpu()):
                return tf.identity(x)
    """),
    Mutant("placement", "[type] Casts to float32 under the device ('GPUs want floats'), so integer and bool tensors come back with another dtype: not a copy of x.", """
        import tensorflow as tf

        def to_device(x, device):
            with tf.device(device):
                return tf.cast(x, tf.float32)
    """),
]

VARIANTS = [
    Variant("num_gpus", "[style] Counts logical devices of every type whose device_type is 'GPU' (list_logical_devices with no argument, one of the public queries).", """
        import tensorflow as tf

        def num_gpus():
            return sum(1 for d in tf.config.list_logical_devices() if d.device_type == "GPU")
    """),
    Variant("try_all_gpus", "[style] list(map('/GPU:{}'.format, range(num_gpus()))) or ['/CPU:0'].", """
        def try_all_gpus():
            return list(map("/GPU:{}".format, range(num_gpus()))) or ["/CPU:0"]
    """),
    Variant("placement", "[style] The copy is made with tf.raw_ops.Identity under the device scope.", """
        import tensorflow as tf

        def to_device(x, device):
            with tf.device(device):
                y = tf.raw_ops.Identity(input=x)
            return y
    """),
]
