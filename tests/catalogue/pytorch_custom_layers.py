"""Catalogue for pytorch/custom_layers.py: CenteredLayer, MyLinear, TensorReduction, FourierHalf."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # CenteredLayer
    Mutant("CenteredLayer", "Subtracts the mean over dim 0 (per column) instead of over all elements.", """
        class CenteredLayer(nn.Module):
            def forward(self, X):
                return X - X.mean(dim=0)
    """),
    Mutant("CenteredLayer", "Subtracts the mean over the last dim (per row).", """
        class CenteredLayer(nn.Module):
            def forward(self, X):
                return X - X.mean(dim=-1, keepdim=True)
    """),
    Mutant("CenteredLayer", "Also divides by the standard deviation (standardizes instead of centering).", """
        class CenteredLayer(nn.Module):
            def forward(self, X):
                return (X - X.mean()) / X.std()
    """),
    Mutant("CenteredLayer", "Centers in place with -=, overwriting the caller's input.", """
        class CenteredLayer(nn.Module):
            def forward(self, X):
                X -= X.mean()
                return X
    """),
    Mutant("CenteredLayer", "Subtracts X.mean().item(), a constant to autograd: gradients ignore the mean.", """
        class CenteredLayer(nn.Module):
            def forward(self, X):
                return X - X.mean().item()
    """),
    Mutant("CenteredLayer", "Keeps a learnable shift parameter the layer should not have.", """
        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()
                self.shift = nn.Parameter(torch.zeros(1))

            def forward(self, X):
                return X - X.mean() + self.shift
    """),
    # MyLinear
    Mutant("MyLinear", "Uses self.weight.data and self.bias.data in forward (the book's code): no gradients.", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(torch.matmul(X, self.weight.data) + self.bias.data)
    """),
    Mutant("MyLinear", "Initializes with torch.rand (uniform [0, 1)) instead of torch.randn.", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.rand(in_units, units))
                self.bias = nn.Parameter(torch.rand(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "Initializes the bias with zeros instead of a standard normal.", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.zeros(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "Forgets the ReLU.", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return X @ self.weight + self.bias
    """),
    Mutant("MyLinear", "Keeps plain tensors with requires_grad instead of nn.Parameter: nothing is registered.", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = torch.randn(in_units, units, requires_grad=True)
                self.bias = torch.randn(units, requires_grad=True)

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "Scales the initial weights by 0.01 instead of using a standard normal.", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units) * 0.01)
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    # TensorReduction
    Mutant("TensorReduction", "einsum 'ijk,ni,ni->nk' multiplies x_i by itself instead of x_i x_j.", """
        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,ni->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "Drops the second factor of x: y[n, k] = sum_ij W[i, j, k] x[n, i].", """
        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni->nk", self.weight, X)
    """),
    Mutant("TensorReduction", "Sums the rows of X W_k X^T instead of taking its diagonal (mixes batch rows).", """
        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                cols = [(X @ self.weight[:, :, k] @ X.T).sum(dim=1) for k in range(self.weight.shape[2])]
                return torch.stack(cols, dim=1)
    """),
    Mutant("TensorReduction", "The weight is a plain tensor, not an nn.Parameter: not registered, never trained.", """
        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = torch.randn(in_features, in_features, out_features)

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "Uses self.weight.data in forward: the weight gets no gradient.", """
        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->nk", self.weight.data, X, X)
    """),
    # FourierHalf
    Mutant("FourierHalf", "Uses torch.fft.rfft, which keeps d // 2 + 1 coefficients.", """
        class FourierHalf(nn.Module):
            def forward(self, X):
                return torch.fft.rfft(X, dim=-1)
    """),
    Mutant("FourierHalf", "Keeps d // 2 coefficients instead of (d + 1) // 2.", """
        class FourierHalf(nn.Module):
            def forward(self, X):
                return torch.fft.fft(X)[..., : X.shape[-1] // 2]
    """),
    Mutant("FourierHalf", "Transforms along dim 0 (the batch) instead of the last axis.", """
        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, dim=0)[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "Returns the magnitudes (.abs()) instead of the complex coefficients.", """
        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X)[..., : (d + 1) // 2].abs()
    """),
    Mutant("FourierHalf", "Uses the orthonormal FFT (norm='ortho'), which scales the coefficients.", """
        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, norm="ortho")[..., : (d + 1) // 2]
    """),
]

VARIANTS = [
    Variant("CenteredLayer", "Mean over every dim given as a tuple, kept as a broadcastable shape.", """
        class CenteredLayer(nn.Module):
            def forward(self, X):
                return X - X.mean(dim=tuple(range(X.dim())), keepdim=True)
    """),
    Variant("CenteredLayer", "Mean computed as sum / numel on a flattened view, via torch.sub.", """
        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return torch.sub(X, X.reshape(-1).sum() / X.numel())
    """),
    Mutant("MyLinear", "torch.addmm takes rank-2 inputs only: X @ weight maps the last axis of any input (was listed as a variant).", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.b = nn.Parameter(nn.init.normal_(torch.empty(units)))
                self.w = nn.Parameter(nn.init.normal_(torch.empty(in_units, units)))

            def forward(self, X):
                return torch.addmm(self.b, X, self.w).clamp(min=0)
    """),
    Variant("MyLinear", "register_parameter and F.linear with the transposed weight.", """
        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.register_parameter("weight", nn.Parameter(torch.randn(in_units, units)))
                self.register_parameter("bias", nn.Parameter(torch.randn(units)))

            def forward(self, X):
                return torch.relu(F.linear(X, self.weight.T, self.bias))
    """),
    Variant("TensorReduction", "One matmul with the weight reshaped to (in, in * out), then a product and a sum.", """
        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                i, _, o = self.weight.shape
                XW = (X @ self.weight.reshape(i, i * o)).reshape(-1, i, o)  # sum_i x_i W[i, j, k]
                return (XW * X[:, :, None]).sum(dim=1)
    """),
    Variant("TensorReduction", "A loop over output features, each a bilinear form (X @ W_k * X).sum(-1).", """
        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.stack([((X @ self.weight[:, :, k]) * X).sum(-1)
                                    for k in range(self.weight.shape[-1])], dim=-1)
    """),
    Variant("FourierHalf", "torch.fft.fft(X)[..., :math.ceil(d / 2)].", """
        import math

        class FourierHalf(nn.Module):
            def forward(self, X):
                return torch.fft.fft(X)[..., : math.ceil(X.shape[-1] / 2)]
    """),
    Variant("FourierHalf", "An explicit DFT matrix (complex64) restricted to the first (d + 1) // 2 frequencies.", """
        import math

        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                t = torch.arange(d, dtype=torch.float64)
                k = torch.arange((d + 1) // 2, dtype=torch.float64)
                W = torch.exp(-2j * math.pi * torch.outer(t, k) / d).to(torch.complex64)
                return X.to(torch.complex64) @ W
    """),
    Variant("FourierHalf", "rfft keeps the same leading coefficients for real input; it is sliced to (d + 1) // 2.", """
        class FourierHalf(nn.Module):
            def forward(self, X):
                return torch.fft.rfft(X)[..., : (X.shape[-1] + 1) // 2]
    """),
]

# ---------------------------------------------------------------- issue 11: classes that escaped a blind batch
MUTANTS += [
    Mutant("TensorReduction", "Uses X.data in forward: right values, no gradient to the input.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                X = X.data
                return torch.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("FourierHalf", "Computes the FFT in numpy: right values, cut off from autograd.", """
        import numpy as np
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                return torch.from_numpy(np.fft.fft(X.detach().numpy(), axis=-1)[..., :(d + 1) // 2].astype(np.complex64))
    """),
]
