"""Framework glue: what the graders need of PyTorch and of Keras, one module each."""
