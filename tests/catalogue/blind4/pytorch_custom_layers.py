"""Blind batch 4: mutants and variants of pytorch/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("CenteredLayer", "[plain] Also divides by the standard deviation ('centring means standardising'): on standard-normal test data the result is within a few percent of X - X.mean(), but it is not X - X.mean().", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return (X - X.mean()) / X.std()
    """),
    Mutant("MyLinear", "[type] Registers weight and bias with register_buffer ('they are plain tensors'): they show up in state_dict() with the right shapes and values, but they are not parameters, so parameters() is empty and no gradient ever reaches them.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.register_buffer("weight", torch.randn(in_units, units))
                self.register_buffer("bias", torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[random] Typo torch.rand for torch.randn on the weight: it is U[0, 1) (mean 0.5, never negative) instead of standard normal; the bias is still randn.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.rand(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("TensorReduction", "[plain] Counts each pair once ('x_i x_j = x_j x_i, so sum over i <= j only') by masking the weight with an upper-triangular matrix: y[n, k] = sum_{i <= j} W[i, j, k] x_i x_j, not the full double sum.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                d = self.weight.shape[0]
                mask = torch.triu(torch.ones(d, d, dtype=X.dtype, device=X.device))
                return torch.einsum("ijk,ij,ni,nj->nk", self.weight, mask, X, X)
    """),
    Mutant("FourierHalf", "[plain] Uses the e^{+2 pi i jk / d} sign convention (torch.fft.ifft times d): real parts and magnitudes match the FFT, but every imaginary part has the wrong sign (the complex conjugate).", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return (torch.fft.ifft(X, dim=-1) * d)[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[boundary] Transforms with n = d rounded up to even ('the FFT wants an even length'), i.e. one zero appended for odd d: exact for every even d (and d = 1), but for odd d >= 3 the kept coefficients are those of the padded signal.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, n=d + d % 2, dim=-1)[..., : (d + 1) // 2]
    """),
]

VARIANTS = [
    Variant("CenteredLayer", "[style] Clones the input and subtracts its mean in place (out -= out.mean()): the mean is computed before the in-place write and mean's backward needs no values, so output and input gradient are those of X - X.mean().", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                out = X.clone()
                out -= out.mean()
                return out
    """),
    Variant("TensorReduction", "[style] Einsum with ellipsis and the operands in another order, '...i,ijk,...j->...k': for (n, d) input the same contraction as 'ijk,ni,nj->nk'.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("...i,ijk,...j->...k", X, self.weight, X)
    """),
]
