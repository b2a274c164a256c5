"""Read a submission in whatever form it was uploaded, as a tree with the contract's layout.

Accepted, per submission:

- the contract's tree: a folder holding ``pytorch/`` and/or ``tensorflow/`` with the module files;
- flat module files (``blocks.py``, ``gpu.py``, ... at the top, as Gradescope stores an upload): each file's
  framework is told from its imports (``torch`` or ``tensorflow``/``keras``); a file importing both, or
  neither, is an error naming the file;
- notebooks (``.ipynb``): the code cells joined, IPython magics (``%``, ``%%``) and shell lines (``!``) dropped;
  ``blocks.ipynb`` is the module ``blocks``, and a notebook with another name supplies every module whose unit
  names it defines;
- a ``.zip`` of any of these (a single top folder inside is looked through), unpacked safely: no absolute paths,
  no ``..``, no links, at most :data:`MAX_UNPACKED` bytes.

Nothing here imports or runs the submission: imports are read with ``ast``.  :func:`read` returns a
:class:`Reading`: the tree to grade (the folder itself, or a fresh folder the files were copied into), a line per
module saying where it came from, and the problems found (a file that does not parse, an ambiguous framework, a
name that looks like a module's).
"""

from __future__ import annotations

import ast
import difflib
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog
from .exercise_source import definitions, parse

MAX_UNPACKED = 200 * 2**20
_FRAMEWORK_IMPORTS = {"torch": "pytorch", "tensorflow": "tensorflow", "keras": "tensorflow"}


class SubmissionError(Exception):
    """The submission cannot be read at all (not there, a broken zip): the message says what to fix."""


@dataclass
class Reading:
    tree: Path  # a folder with the contract's layout
    form: str  # "the contract's layout", "flat files", "notebooks", ... (", from a zip" added)
    sources: list[str] = field(default_factory=list)  # "pytorch/blocks.py from blocks.py"
    problems: list[str] = field(default_factory=list)  # what a student should fix (file:line where known)
    _scratch: tempfile.TemporaryDirectory | None = None

    def describe(self) -> str:
        found = "; ".join(self.sources) if self.sources else "no module found"
        return f"{self.form}: {found}"

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def frameworks_imported(source: str) -> set[str]:
    """The frameworks a module imports (by its ``import`` statements; nothing is run)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top in _FRAMEWORK_IMPORTS:
                found.add(_FRAMEWORK_IMPORTS[top])
    return found


def defined_names(source: str) -> set[str]:
    """The top-level names ``source`` defines (as the grader's loader sees them), none if it does not parse."""
    module = parse(source)
    return set(definitions(module)) if module is not None else set()


def notebook_code(path: Path) -> str:
    """The code cells of a notebook joined, without IPython magics and shell lines (they are not Python)."""
    import nbformat

    notebook = nbformat.read(str(path), as_version=4)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        lines = cell.source.splitlines()
        if lines and lines[0].lstrip().startswith("%%"):
            magic = lines[0].split()[0]
            if magic not in ("%%time", "%%timeit", "%%capture"):
                continue  # %%writefile, %%bash, ...: not this module's Python
            lines = lines[1:]
        kept = [("# " + line) if line.lstrip().startswith(("%", "!")) else line for line in lines]
        cells.append("\n".join(kept))
    return "\n\n".join(cells) + "\n"


def _syntax_problem(source: str, shown: str) -> str:
    try:
        compile(source, shown, "exec")
    except SyntaxError as exc:
        return f"{shown}:{exc.lineno}: does not parse: {exc.msg}"
    return ""


def _module_names(framework: str, module: str) -> set[str]:
    return {n for u in catalog.units_for(framework, module) for n in u.names}


def _is_contract_tree(folder: Path) -> bool:
    return any((folder / fw).is_dir() and any((folder / fw / f"{m}.py").is_file() for m in catalog.MODULES)
               for fw in catalog.FRAMEWORKS)


def _unzip(archive: Path, into: Path) -> Path:
    try:
        with zipfile.ZipFile(archive) as zf:
            total = 0
            for info in zf.infolist():
                name = info.filename
                if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name.split("/")[0]:
                    raise SubmissionError(f"{archive.name} holds {name!r}, a path outside the archive's folder")
                if (info.external_attr >> 16) & 0o170000 == 0o120000:
                    raise SubmissionError(f"{archive.name} holds a symbolic link, {name!r}")
                total += info.file_size
                if total > MAX_UNPACKED:
                    raise SubmissionError(f"{archive.name} unpacks to more than {MAX_UNPACKED // 2**20} MB")
            zf.extractall(into)
    except zipfile.BadZipFile as exc:
        raise SubmissionError(f"{archive.name} is not a readable zip file ({exc})") from None
    entries = [p for p in into.iterdir() if p.name != "__MACOSX"]
    if len(entries) == 1 and entries[0].is_dir():
        return entries[0]
    return into


def read(path) -> Reading:
    """The submission at ``path`` as a contract tree (see the module docstring); :class:`SubmissionError` when it
    cannot be read at all.  Close the reading (or use it as a context manager) to remove any copy made."""
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{path} does not exist")
    scratch = None
    via = ""
    folder = path
    if path.is_file():
        if path.suffix == ".zip":
            scratch = tempfile.TemporaryDirectory(prefix="d2l-submission-")
            folder = _unzip(path, Path(scratch.name) / "unpacked")
            via = ", from a zip"
        elif path.suffix in (".py", ".ipynb"):
            folder = None
        else:
            raise SubmissionError(f"{path.name}: a submission is a folder, a .zip, .py files or .ipynb notebooks")
    if folder is not None and _is_contract_tree(folder):
        reading = Reading(folder, "the contract's layout" + via, _scratch=scratch)
        for fw in catalog.FRAMEWORKS:
            for module in catalog.MODULES:
                file = folder / fw / f"{module}.py"
                if file.is_file():
                    reading.sources.append(f"{fw}/{module}.py")
                    problem = _syntax_problem(file.read_text(errors="replace"), f"{fw}/{module}.py")
                    if problem:
                        reading.problems.append(problem)
        return reading
    files = [path] if folder is None else sorted(p for p in folder.rglob("*")
                                                 if p.is_file() and p.suffix in (".py", ".ipynb")
                                                 and "__MACOSX" not in p.parts and ".ipynb_checkpoints" not in p.parts)
    scratch = scratch or tempfile.TemporaryDirectory(prefix="d2l-submission-")
    tree = Path(scratch.name) / "tree"
    tree.mkdir()
    kinds = {p.suffix for p in files}
    form = ("notebooks" if kinds == {".ipynb"} else "flat files" if kinds == {".py"} else "flat files and notebooks")
    reading = Reading(tree, form + via, _scratch=scratch)
    base = path.parent if folder is None else folder
    for file in files:
        shown = str(file.relative_to(base))
        try:
            source = notebook_code(file) if file.suffix == ".ipynb" else file.read_text(errors="replace")
        except Exception as exc:  # noqa: BLE001 - a notebook nbformat cannot read
            reading.problems.append(f"{shown}: cannot be read as a notebook ({type(exc).__name__}: {exc})")
            continue
        problem = _syntax_problem(source, shown)
        if problem:
            reading.problems.append(problem)
            continue
        used = frameworks_imported(source)
        if len(used) != 1:
            if file.stem in catalog.MODULES or defined_names(source) & {n for u in catalog.UNITS for n in u.names}:
                reading.problems.append(
                    f"{shown}: imports {'both torch and tensorflow/keras' if used else 'neither torch nor tensorflow'}"
                    ", so its track cannot be told: a module imports one framework")
            continue
        (framework,) = used
        names = defined_names(source)
        if file.stem in catalog.MODULES:
            modules = [file.stem]
        elif file.suffix == ".ipynb":
            modules = [m for m in catalog.MODULES if names & _module_names(framework, m)]
        else:
            close = difflib.get_close_matches(file.stem.lower(), catalog.MODULES, n=1, cutoff=0.6)
            if close or names & {n for u in catalog.units_for(framework) for n in u.names}:
                suggestion = f"rename it {close[0]}.py (or put it at {framework}/{close[0]}.py)" if close else (
                    "name it after the module it holds (" + ", ".join(f"{m}.py" for m in catalog.MODULES) + ")")
                reading.problems.append(f"{shown}: not a module name of the exercises: {suggestion}")
            continue
        for module in modules:
            target = tree / framework / f"{module}.py"
            if target.exists():
                reading.problems.append(f"{shown}: a second source for {framework}/{module}.py (the first is kept)")
                continue
            target.parent.mkdir(exist_ok=True)
            target.write_text(source)
            reading.sources.append(f"{framework}/{module}.py from {shown}")
    return reading


def check(path) -> tuple[int, list[str]]:
    """``drill check-submission``: (exit status, lines to print).  0 only when every module of each track found
    is there, every unit's names are defined and nothing failed to parse."""
    try:
        reading = read(path)
    except SubmissionError as exc:
        return 1, [f"cannot read the submission: {exc}"]
    with reading:
        lines = [f"Read as {reading.form}."]
        tracks = [fw for fw in catalog.FRAMEWORKS if (reading.tree / fw).is_dir()]
        ok = bool(tracks) and not reading.problems
        for line in reading.sources:
            lines.append(f"  found {line}")
        for fw in tracks:
            for module in catalog.MODULES:
                file = reading.tree / fw / f"{module}.py"
                if not file.is_file():
                    lines.append(f"  missing {fw}/{module}.py")
                    ok = False
                    continue
                names = defined_names(file.read_text(errors="replace"))
                absent = sorted(_module_names(fw, module) - names)
                if absent:
                    lines.append(f"  {fw}/{module}.py defines no {', '.join(absent)}")
                    ok = False
        if not tracks:
            lines.append("  no module of either track found")
        lines += [f"  problem: {p}" for p in reading.problems]
        lines.append("Every module is there: ready to upload." if ok else "Fix the lines above before you upload.")
        return (0 if ok else 1), lines
