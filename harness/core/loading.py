"""Load one module of an implementation tree by file path.

Trees have no ``__init__.py`` (docs/units.md, Layout): a folder called ``tensorflow/``
must never shadow the real package, so modules are loaded from their file under
a private, unique module name and the tree is never put on ``sys.path``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


@dataclass
class Loaded:
    status: str  # "ok", "missing" or "error"
    module: ModuleType | None
    message: str
    path: Path


_cache: dict[tuple, Loaded] = {}

display_base: Path | None = None  # a worker shows paths relative to the submission's tree, not its temp copy


def module_path(tree: Path, framework: str, module: str) -> Path:
    return Path(tree) / framework / f"{module}.py"


def display_path(path: Path) -> str:
    """The path as a student would type it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to((display_base or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def load(tree: Path, framework: str, module: str) -> Loaded:
    """Import ``<tree>/<framework>/<module>.py``; reload when the file changed since the last load."""
    path = module_path(tree, framework, module).resolve()
    if not path.is_file():
        return Loaded("missing", None, f"no file `{display_path(path)}`", path)
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key in _cache:
        return _cache[key]
    digest = hashlib.sha1(f"{key}".encode()).hexdigest()[:12]
    name = f"_d2l_impl_{framework}_{module}_{digest}"
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # pickling and dataclasses look classes up here
    try:
        spec.loader.exec_module(mod)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # SystemExit at import time is a broken module too
        sys.modules.pop(name, None)
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result = Loaded("error", None, f"`{display_path(path)}` does not import: {last}{_where(exc, path)}", path)
    else:
        result = Loaded("ok", mod, "", path)
    _cache[key] = result
    return result


def _where(exc: BaseException, path: Path) -> str:
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == path:
            line = lineno
    if line is None and isinstance(exc, SyntaxError) and exc.lineno:
        line = exc.lineno
    return f" (line {line})" if line else ""
