"""Blind mutants and variants of pytorch/custom_layers.py, written from CONTRACT.md and the reference only."""

from tests.catalogue import Mutant, Variant, judge

MUTANTS = [
    # ------------------------------------------------------------------ CenteredLayer
    Mutant("CenteredLayer", "[netkind] Subtracts the per-feature mean X.mean(dim=0) instead of the mean over all elements.", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X - X.mean(dim=0)
    """),
    Mutant("CenteredLayer", "[netkind] Computes the mean as X.sum() / (X.shape[0] * X.shape[1]), which is only the mean for rank-2 inputs (wrong on rank-3).", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X - X.sum() / (X.shape[0] * X.shape[1])
    """),
    Mutant("CenteredLayer", "[gradient] Subtracts X.mean().item(), a Python float, so the gradient w.r.t. the input loses its -mean(grad) term.", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X - X.mean().item()
    """),
    Mutant("CenteredLayer", "[repeat] Stores the mean of the first batch and subtracts that same mean on every later call.", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()
                self._mean = None

            def forward(self, X):
                if self._mean is None:
                    m = X.mean()
                    self._mean = m.detach()
                    return X - m
                return X - self._mean
    """),
    Mutant("CenteredLayer", "[mode] BatchNorm-style: centres on the batch mean in train mode but subtracts a running mean (momentum 0.1, starting at 0) after net.eval().", """
        import torch
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("running_mean", torch.zeros(()), persistent=False)

            def forward(self, X):
                if self.training:
                    m = X.mean()
                    with torch.no_grad():
                        self.running_mean.mul_(0.9).add_(0.1 * m.detach())
                    return X - m
                return X - self.running_mean
    """),
    Mutant("CenteredLayer", "[plain] Adds a learnable offset nn.Parameter (initialised to 0), so the layer is no longer parameter-free.", """
        import torch
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()
                self.offset = nn.Parameter(torch.zeros(1))

            def forward(self, X):
                return X - X.mean() + self.offset
    """),
    Mutant("CenteredLayer", "[boundary] 'For speed' estimates the mean from the first 4096 elements only, which is wrong on any input with more elements.", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X - X.reshape(-1)[:4096].mean()
    """),
    Mutant("CenteredLayer", "[plain] Centres in place with X.sub_(X.mean()), overwriting the caller's tensor (and raising on a leaf that requires grad).", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return X.sub_(X.mean())
    """),
    # ------------------------------------------------------------------ MyLinear
    Mutant("MyLinear", "[gradient] Adds self.bias.data in forward, so the bias never receives a gradient (the weight still does).", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias.data)
    """),
    Mutant("MyLinear", "[random] Initialises the bias to zeros (like nn.Linear / Keras) instead of standard normal.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.zeros(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[random] Draws the weight with nn.init.trunc_normal_ (truncated at +-2, std about 0.88) instead of an untruncated standard normal.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(nn.init.trunc_normal_(torch.empty(in_units, units), std=1.0, a=-2.0, b=2.0))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[random] Scales the weight by 1/sqrt(in_units) ('good practice' init), so its std is not 1.", """
        import math
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units) / math.sqrt(in_units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[random] Calls torch.manual_seed(0) in __init__ 'for reproducibility', so every MyLinear of a shape gets the same weights.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                torch.manual_seed(0)
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[netkind] Uses torch.addmm(bias, X, weight), which only accepts rank-2 inputs (a (b, t, in) input raises).", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(torch.addmm(self.bias, X, self.weight))
    """),
    Mutant("MyLinear", "[netkind] Flattens the input with X.reshape(-1, in_units), so a rank-3 input comes back as a rank-2 output.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                X = X.reshape(-1, self.weight.shape[0])
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[plain] Stores the weight nn.Linear-style as (units, in_units) and uses X @ weight.T: right outputs, wrong parameter shape.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(units, in_units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight.T + self.bias)
    """),
    Mutant("MyLinear", "[type] Makes weight and bias plain tensors with requires_grad=True instead of nn.Parameter, so they are not in parameters()/state_dict().", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = torch.randn(in_units, units, requires_grad=True)
                self.bias = torch.randn(units, requires_grad=True)

            def forward(self, X):
                return F.relu(X @ self.weight + self.bias)
    """),
    Mutant("MyLinear", "[mode] Adds an nn.Dropout(0.1) after the ReLU: right after net.eval(), but randomly zeroes and rescales outputs in train mode.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))
                self.drop = nn.Dropout(0.1)

            def forward(self, X):
                return self.drop(F.relu(X @ self.weight + self.bias))
    """),
    Mutant("MyLinear", "[plain] Applies the ReLU before adding the bias: relu(X @ weight) + bias.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.relu(X @ self.weight) + self.bias
    """),
    # ------------------------------------------------------------------ TensorReduction
    Mutant("TensorReduction", "[gradient] Detaches the second copy of X, so the gradient w.r.t. the input misses the W[i, j, k] x[n, i] half.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->nk", self.weight, X, X.detach())
    """),
    Mutant("TensorReduction", "[gradient] Uses self.weight.data in the einsum (the book's habit), so the weight never gets a gradient.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->nk", self.weight.data, X, X)
    """),
    Mutant("TensorReduction", "[plain] Einsum typo 'ijk,ni,ni->nk': sums only the diagonal W[i, i, k] x[n, i]^2.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,ni->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[netkind] Creates the weight as (in, out, out) by a typo: works only when in_features == out_features.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, out_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[plain] Stores the weight as (out, in, in) with einsum 'kij,ni,nj->nk': right outputs, but not the contract's (in, in, out) weight.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(out_features, in_features, in_features))

            def forward(self, X):
                return torch.einsum("kij,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[random] Initialises the weight with torch.rand (uniform [0, 1)) instead of a standard normal.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.rand(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->nk", self.weight, X, X)
    """),
    Mutant("TensorReduction", "[boundary] Calls .squeeze() on the result, so batch size 1 or out_features 1 loses an axis ((1, k) -> (k,), (n, 1) -> (n,)).", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("ijk,ni,nj->nk", self.weight, X, X).squeeze()
    """),
    Mutant("TensorReduction", "[gradient] Computes the reduction in numpy (np.einsum on detached arrays) and wraps it back, so no gradient reaches weight or input.", """
        import numpy as np
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                w = self.weight.detach().cpu().numpy()
                x = X.detach().cpu().numpy()
                return torch.from_numpy(np.einsum("ijk,ni,nj->nk", w, x, x)).to(X.dtype)
    """),
    # ------------------------------------------------------------------ FourierHalf
    Mutant("FourierHalf", "[gradient] Computes the FFT with numpy on X.detach() and converts back to complex64, so no gradient reaches the input.", """
        import numpy as np
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                out = np.fft.fft(X.detach().cpu().numpy(), axis=-1)[..., : (d + 1) // 2]
                return torch.from_numpy(out).to(torch.complex64)
    """),
    Mutant("FourierHalf", "[boundary] Keeps d // 2 coefficients instead of (d + 1) // 2: one too few for odd d.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, dim=-1)[..., : d // 2]
    """),
    Mutant("FourierHalf", "[boundary] Returns torch.fft.rfft(X) unsliced: d // 2 + 1 coefficients, one too many for even d.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                return torch.fft.rfft(X, dim=-1)
    """),
    Mutant("FourierHalf", "[netkind] Uses torch.fft.fftn, transforming the batch axis too: right only for batch size 1.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fftn(X)[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[netkind] Slices the first (batch) axis instead of the last: fft(X)[:(d + 1) // 2].", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, dim=-1)[: (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[type] Returns the magnitudes .abs() of the coefficients, a real tensor, not the complex coefficients.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, dim=-1)[..., : (d + 1) // 2].abs()
    """),
    Mutant("FourierHalf", "[plain] Uses norm='ortho', scaling every coefficient by 1/sqrt(d).", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.fft(X, dim=-1, norm="ortho")[..., : (d + 1) // 2]
    """),
    Mutant("FourierHalf", "[repeat] Remembers the number of kept coefficients from the first call, so a later input of another width d is cut at the old length.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()
                self.half = None

            def forward(self, X):
                if self.half is None:
                    self.half = (X.shape[-1] + 1) // 2
                return torch.fft.fft(X, dim=-1)[..., : self.half]
    """),
]

VARIANTS = [
    # ------------------------------------------------------------------ CenteredLayer
    Variant("CenteredLayer", "[style] No __init__ at all, and the mean written as torch.sub(X, X.sum() / X.numel()): the same mean over every element.", """
        import torch
        from torch import nn

        class CenteredLayer(nn.Module):
            def forward(self, X):
                return torch.sub(X, X.sum() / X.numel())
    """),
    Variant("CenteredLayer", "[style] Reduces explicitly over every axis with keepdim=True; a (1, ..., 1) mean broadcasts exactly like the scalar one.", """
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, inputs):
                mu = inputs.mean(dim=tuple(range(inputs.dim())), keepdim=True)
                return inputs - mu
    """),
    Variant("CenteredLayer", "[style] Flattens a view to take the mean (torch.mean(X.reshape(-1))) and negates-then-adds: -(mu - X) is X - mu.", """
        import torch
        from torch import nn

        class CenteredLayer(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                mu = torch.mean(X.reshape(-1))
                return -(mu - X)
    """),
    # ------------------------------------------------------------------ MyLinear
    Variant("MyLinear", "[style] Registers bias before weight with register_parameter, fills empty tensors with nn.init.normal_ (mean 0, std 1) and uses matmul/add/clamp(min=0).", """
        import torch
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                b = nn.Parameter(torch.empty(units))
                w = nn.Parameter(torch.empty(in_units, units))
                with torch.no_grad():
                    nn.init.normal_(b)
                    nn.init.normal_(w)
                self.register_parameter("bias", b)
                self.register_parameter("weight", w)

            def forward(self, X):
                return torch.matmul(X, self.weight).add(self.bias).clamp(min=0)
    """),
    Variant("MyLinear", "[style] Uses F.linear(X, weight.t(), bias), which computes X @ weight + bias for any number of leading axes, then .relu().", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.in_units, self.units = in_units, units
                self.weight = nn.Parameter(torch.randn(in_units, units))
                self.bias = nn.Parameter(torch.randn(units))

            def forward(self, X):
                return F.linear(X, self.weight.t(), self.bias).relu()
    """),
    Variant("MyLinear", "[style] An einsum '...i,ij->...j' and an nn.ReLU child module (which has no parameters).", """
        import torch
        from torch import nn

        class MyLinear(nn.Module):
            def __init__(self, in_units, units):
                super().__init__()
                self.weight = nn.Parameter(torch.randn((in_units, units), dtype=torch.float32))
                self.bias = nn.Parameter(torch.randn((units,), dtype=torch.float32))
                self.act = nn.ReLU()

            def forward(self, X):
                return self.act(torch.einsum("...i,ij->...j", X, self.weight) + self.bias)
    """),
    # ------------------------------------------------------------------ TensorReduction
    Variant("TensorReduction", "[style] Einsum 'jik,ni,nj->nk' (i and j swapped): x^T W_k^T x equals x^T W_k x, so the quadratic form is unchanged.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return torch.einsum("jik,ni,nj->nk", self.weight, X, X)
    """),
    Variant("TensorReduction", "[style] Uses F.bilinear(X, X, weight.permute(2, 0, 1)), PyTorch's own x1^T A_k x2, on the (in, in, out) Parameter.", """
        import torch
        from torch import nn
        from torch.nn import functional as F

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(in_features, in_features, out_features))

            def forward(self, X):
                return F.bilinear(X, X, self.weight.permute(2, 0, 1))
    """),
    Variant("TensorReduction", "[style] Two matmuls: X @ W.reshape(i, i*k) gives sum_i x_i W[i, j, k], reshaped to (n, i, k), then weighted by x_j and summed over j.", """
        import torch
        from torch import nn

        class TensorReduction(nn.Module):
            def __init__(self, in_features, out_features):
                super().__init__()
                self.i, self.k = in_features, out_features
                self.weight = nn.Parameter(torch.normal(0.0, 1.0, size=(in_features, in_features, out_features)))

            def forward(self, X):
                t = (X @ self.weight.reshape(self.i, self.i * self.k)).reshape(-1, self.i, self.k)
                return (t * X.unsqueeze(-1)).sum(dim=1)
    """),
    # ------------------------------------------------------------------ FourierHalf
    Variant("FourierHalf", "[style] Uses torch.fft.rfft and slices: for real input its first coefficients are exactly fft's first (d + 1) // 2.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                return torch.fft.rfft(X)[..., : (d + 1) // 2]
    """),
    Variant("FourierHalf", "[style] Builds the complex input with torch.complex(X, zeros), keeps -(-d // 2) (= ceil(d / 2)) coefficients via torch.narrow.", """
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def forward(self, X):
                Z = torch.complex(X, torch.zeros_like(X))
                half = -(-Z.size(-1) // 2)
                return torch.narrow(torch.fft.fft(Z, dim=-1), -1, 0, half)
    """),
    Variant("FourierHalf", "[style] Multiplies by an explicit DFT matrix exp(-2 pi i (j k mod d) / d) for the kept frequencies k < (d + 1) // 2 (same values up to float rounding).", """
        import math
        import torch
        from torch import nn

        class FourierHalf(nn.Module):
            def __init__(self):
                super().__init__()

            def forward(self, X):
                d = X.shape[-1]
                half = (d + 1) // 2
                j = torch.arange(d, device=X.device).unsqueeze(1)
                k = torch.arange(half, device=X.device).unsqueeze(0)
                phase = ((j * k) % d).to(torch.float64) * (-2.0 * math.pi / d)
                ctype = torch.complex128 if X.dtype == torch.float64 else torch.complex64
                dft = torch.polar(torch.ones_like(phase), phase).to(ctype)
                return X.to(ctype) @ dft
    """),
]

# ---- judged by the lead after the first run (see tests/catalogue/__init__.py, judge)
MUTANTS, VARIANTS, JUDGED = judge(MUTANTS, VARIANTS, out_of_contract={'[random] Initialises the weight with torch.rand': "the contract fixes TensorReduction's weight shape, not its initial distribution"}, wrong_variants={})
