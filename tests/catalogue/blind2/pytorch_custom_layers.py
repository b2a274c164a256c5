"""Blind batch 2: mutants and variants of pytorch/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant

MUTANTS = [
    # ------------------------------------------------------------ CenteredLayer
    Mutant("CenteredLayer", "[boundary] Divides the sum by numel - 1 (the variance's n - 1 habit), so the subtracted value is not the mean and the output does not sum to 0.", """
        import torch
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X - X.sum() / (X.numel() - 1)
    """),
    Mutant("CenteredLayer", "[plain] Sign slip: returns X.mean() - X instead of X - X.mean().", """
        import torch
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X.mean() - X
    """),
    Mutant("CenteredLayer", "[netkind] Computes the mean in half precision ('faster'), so the subtracted mean is off by up to about 1e-3 relative and large inputs overflow to inf.", """
        import torch
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X - X.half().mean().to(X.dtype)
    """),

    # ---------------------------------------------------------------- MyLinear
    Mutant("MyLinear", "[plain] Parenthesis slip: relu(X @ (weight + bias)), so the bias is scaled by the sum of each input row instead of added once.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ (self.weight + self.bias))
    """),
    Mutant("MyLinear", "[gradient] Creates the bias as nn.Parameter(..., requires_grad=False) ('a bias needs no training'), so no gradient reaches it.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units), requires_grad=False)

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[random] Draws one standard-normal number and repeats it for the whole bias (torch.randn(1) * ones(units)), so every unit gets the same bias.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(1) * torch.ones(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),

    # ------------------------------------------------------------ TensorReduction
    Mutant("TensorReduction", "[plain] The einsum output is written '->kn', so the result is (out, n), transposed: right shape only when n == out_features, and then wrong values.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->kn", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[netkind] tensordot gives T[n, j, k] = sum_i x_i W[i, j, k], then multiplies by X.unsqueeze(1) (broadcast on k, not j): runs only when in == out, and then computes sum_j T[n, j, k] x[n, k].", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                T = torch.tensordot(X, self.weight, dims=([1], [0]))
                return (T * X.unsqueeze(1)).sum(1)
    """),

    # ------------------------------------------------------------ FourierHalf
    Mutant("FourierHalf", "[boundary] Keeps round(d / 2) coefficients; Python rounds half to even, so d = 1, 5, 9, ... keep one too few.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, dim=-1)[..., : round(d / 2)]
    """),
    Mutant("FourierHalf", "[plain] Passes n=(d + 1) // 2 to torch.fft.fft, which truncates the input to that length before transforming instead of keeping the first coefficients of the full FFT.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, n=(d + 1) // 2, dim=-1)
    """),
    Mutant("FourierHalf", "[type] Casts the input to complex128 first, so a float32 input gives complex128 coefficients instead of complex64.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X.to(torch.complex128), dim=-1)[..., : (d + 1) // 2]
    """),
]

VARIANTS = [
    Variant("MyLinear", "[style] Draws weight and bias from one torch.randn(in_units + 1, units) and splits it into two separate Parameters (clones): still independent standard normals.", """
        import torch
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                both = torch.randn(in_units + 1, units)
                self.weight = nn.Parameter(both[:-1].clone())
                self.bias = nn.Parameter(both[-1].clone())

            def forward(self, X):
                return torch.relu(torch.matmul(X, self.weight) + self.bias)
    """),
    Variant("TensorReduction", "[style] Uses the symmetrised weight (W + W^T over i, j) / 2 in the einsum: x^T W_k x equals x^T ((W_k + W_k^T) / 2) x, and the gradient to W is the same.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                sym = (self.weight + self.weight.transpose(0, 1)) / 2
                return torch.einsum("ijk,ni,nj->nk", sym, X, X)
    """),
    Variant("FourierHalf", "[style] Slices with a negative stop, [..., :-(d // 2) or None]: d - d // 2 equals (d + 1) // 2, and `or None` keeps everything when d = 1.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X)[..., : -(d // 2) or None]
    """),
]
