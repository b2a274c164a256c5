"""Blind batch 3: mutants and variants of pytorch/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    Mutant("CenteredLayer", "[netkind] Subtracts each row's mean (X.mean(dim=-1, keepdim=True)) instead of the mean over all elements, so every row sums to zero but the whole tensor is not centred on its mean.", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def forward(self, X):
                return X - X.mean(dim=-1, keepdim=True)
    """),
    Mutant("MyLinear", "[plain] Creates the bias as (1, units) ('so it broadcasts over the batch'): same outputs, but the contract's bias is (units,).", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(1, units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[netkind] Uses F.linear(X, weight, bias), which computes X @ weight.T: it fails unless in_units == units, and for square layers it silently uses the transposed weight.", """
        import torch
        import torch.nn.functional as F
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(F.linear(X, self.weight, self.bias))
    """),
    Mutant("TensorReduction", "[netkind] Einsum typo 'ijk,ni,mj->nk' (the second x gets its own batch index): right for batch size 1, but for larger batches every row mixes in all the other examples.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,mj->nk", self.weight, X, X)
    """),
    Mutant("FourierHalf", "[type] Returns torch.view_as_real(...) of the coefficients ('real tensors are easier'), an (n, k, 2) float tensor instead of the complex (n, k) coefficients.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                return torch.view_as_real(torch.fft.fft(X, dim=-1)[..., : (d + 1) // 2])
    """),
]

VARIANTS = [
    Variant("MyLinear", "[style] Draws the weight as torch.randn(units, in_units).T (a transposed, non-contiguous view, still standard normal of shape (in_units, units)) and the bias with torch.randn(units).", """
        import torch
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(units, in_units).T)
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return torch.relu(torch.matmul(X, self.weight) + self.bias)
    """),
    Variant("TensorReduction", "[style] Forms the per-example outer products X[:, :, None] * X[:, None, :] and contracts them with the weight by torch.tensordot over both input axes.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                outer = X[:, :, None] * X[:, None, :]
                return torch.tensordot(outer, self.weight, dims=([1, 2], [0, 1]))
    """),
    Variant("FourierHalf", "[style] Gets the coefficients from the inverse half-spectrum: for real x, rfft(x) = d * conj(ihfft(x)), so d * ihfft(X).conj() sliced to (d + 1) // 2 terms is the same complex64 result (to rounding).", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                return (torch.fft.ihfft(X, dim=-1).conj() * d)[..., : (d + 1) // 2]
    """),
]
