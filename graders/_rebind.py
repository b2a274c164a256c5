"""Fakes that reach a module's import-time bindings (both frameworks' GPU graders).

Patching ``torch.cuda.device_count`` changes what ``torch.cuda.device_count()`` calls
find, but not a name bound at import (``from torch.cuda import device_count``): that
name still holds the original function.  :func:`rebinding` patches the framework's
attributes *and* every global of the student's module that holds one of the originals.
"""

from __future__ import annotations

import contextlib
from unittest import mock


@contextlib.contextmanager
def rebinding(module, patches):
    """``patches``: [(owner object, attribute name, fake)]; the attributes are replaced for the duration, and
    so is every global of ``module`` bound to one of the original objects."""
    originals = {}
    with contextlib.ExitStack() as stack:
        for owner, name, fake in patches:
            original = getattr(owner, name, None)
            if original is None:
                continue  # an API this framework version does not have
            originals[id(original)] = fake
            stack.enter_context(mock.patch.object(owner, name, fake))
        bound = {k: originals[id(v)] for k, v in list(vars(module).items()) if id(v) in originals}
        if bound:
            stack.enter_context(mock.patch.dict(vars(module), bound))
        yield
