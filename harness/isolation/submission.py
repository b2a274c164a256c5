"""Read a submission in whatever form it was uploaded, as a tree with the contract's layout.

Accepted, per submission:

- the contract's tree: a folder holding ``pytorch/`` and/or ``tensorflow/`` with the module files, or a clone
  of a student's repository, whose ``exercises/`` is one;
- flat module files (``blocks.py``, ``gpu.py``, ... at the top, as Gradescope stores an upload): each file's
  framework is told from its imports (``torch`` or ``tensorflow``/``keras``); a file importing both, or
  neither, is an error naming the file;
- notebooks (``.ipynb``): the code cells joined, IPython magics (``%``, ``%%``) and shell lines (``!``) dropped;
  ``blocks.ipynb`` is the module ``blocks``, and a notebook with another name supplies every module whose unit
  names it defines;
- a ``.zip`` of any of these (a single top folder inside is looked through), unpacked safely: no absolute paths,
  no ``..``, no links, at most :data:`MAX_UNPACKED` bytes and :data:`MAX_FILES` files.

Limits, each refused with a one-line reason naming the file: a module file over :data:`MAX_MODULE_BYTES`, a
notebook over :data:`MAX_NOTEBOOK_BYTES`, source that is not UTF-8 (or the encoding its PEP 263 line declares), a
notebook that is not a notebook.  Such a file is left out (its units are reported with the reason); a whole
submission that cannot be read (a broken zip, a zip bomb, a path outside the archive, too many files) raises
:class:`SubmissionError`, and ``drill grade`` reports that submission's units with the reason and grades the others.

Nothing here imports or runs the submission: imports are read with ``ast``.  :func:`read` returns a
:class:`Reading`: the tree to grade (the folder itself, or a fresh folder the files were copied into), a line per
module saying where it came from, and the problems found (a file that does not parse, an ambiguous framework, a
name that looks like a module's).
"""

from __future__ import annotations

import ast
import difflib
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from harness import catalog
from harness.core.exercise_source import definitions, parse

MAX_UNPACKED = 200 * 2**20  # what a zip may unpack to, in all
MAX_FILES = 2000  # files in a submission (a folder, or a zip's entries)
MAX_MODULE_BYTES = 2 * 2**20  # a contract module larger than this is not a Python exercise
MAX_NOTEBOOK_BYTES = 50 * 2**20  # notebooks carry their outputs (images) as well
_FRAMEWORK_IMPORTS = {"torch": "pytorch", "tensorflow": "tensorflow", "keras": "tensorflow"}


class SubmissionError(Exception):
    """The submission cannot be read at all (not there, a broken zip): the message says what to fix."""


@dataclass
class Reading:
    tree: Path  # a folder with the contract's layout
    form: str  # "the contract's layout", "flat files", "notebooks", ... (", from a zip" added)
    sources: list[str] = field(default_factory=list)  # "pytorch/blocks.py from blocks.py"
    problems: list[str] = field(default_factory=list)  # what a student should fix (file:line where known)
    left_out: dict[str, str] = field(default_factory=dict)  # "pytorch/blocks.py" or a flat file's stem -> why
    _scratch: tempfile.TemporaryDirectory | None = None

    failure: str = ""  # why the whole submission could not be read (then the tree is empty)

    def describe(self) -> str:
        if self.failure:
            return f"unreadable: {self.failure}"
        found = "; ".join(self.sources) if self.sources else "no module found"
        return f"{self.form}: {found}"

    def why_missing(self, unit_id: str) -> str:
        """Why the module of a unit reported missing was not read, if the reading knows ("" if not)."""
        framework, module, _ = unit_id.split(".", 2)
        return self.failure or self.left_out.get(f"{framework}/{module}.py") or self.left_out.get(module, "")

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


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n // 1024} KiB"


def source_text(file: Path, shown: str) -> tuple[str | None, str]:
    """The Python source of a module file or notebook, or None and a one-line reason it cannot be read."""
    size = file.stat().st_size
    limit = MAX_NOTEBOOK_BYTES if file.suffix == ".ipynb" else MAX_MODULE_BYTES
    if size > limit:
        return None, f"{shown}: {_size(size)}, over the {_size(limit)} a {'notebook' if file.suffix == '.ipynb' else 'module file'} may have"
    if file.suffix == ".ipynb":
        try:
            return notebook_code(file), ""
        except Exception as exc:  # noqa: BLE001 - nbformat's errors for JSON, schema and encoding differ
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return None, f"{shown}: not a readable notebook ({reason[:120]})"
    import io
    import tokenize

    data = file.read_bytes()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding), ""
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        where = f" (byte {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
        return None, f"{shown}: not UTF-8 text{where}; save it as UTF-8"


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
            entries = zf.infolist()
            if len(entries) > MAX_FILES:
                raise SubmissionError(f"{archive.name} holds {len(entries)} files; a submission may hold {MAX_FILES}")
            for info in entries:
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


def _is_ignored(name: str) -> bool:
    """Folders no submission's modules live in: hidden ones (.git, .venv, .ipynb_checkpoints), caches, macOS'."""
    return name.startswith(".") or name in ("__pycache__", "__MACOSX", "node_modules")


def _files(folder: Path, name: str) -> list[Path]:
    """Every file under ``folder`` outside ignored folders, sorted; :class:`SubmissionError` past MAX_FILES."""
    import os

    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _is_ignored(d)]
        found += [Path(root) / f for f in files]
        if len(found) > MAX_FILES:
            raise SubmissionError(f"{name} holds more than {MAX_FILES} files; a submission holds the exercise modules")
    return sorted(found)


def read(path) -> Reading:
    """The submission at ``path`` as a contract tree (see the module docstring); :class:`SubmissionError` when it
    cannot be read at all.  Close the reading (or use it as a context manager) to remove any copy made."""
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{path} does not exist")
    scratch = None
    via = ""
    folder = path
    if path.is_dir() and not _is_contract_tree(path):
        inside = _files(path, path.name)
        if len(inside) == 1 and inside[0].suffix == ".zip":  # a platform that stored the uploaded zip as it came
            path = inside[0]
    if path.is_file():
        if path.suffix == ".zip":
            scratch = tempfile.TemporaryDirectory(prefix="d2l-submission-")
            folder = _unzip(path, Path(scratch.name) / "unpacked")
            via = ", from a zip"
        elif path.suffix in (".py", ".ipynb"):
            folder = None
        else:
            raise SubmissionError(f"{path.name}: a submission is a folder, a .zip, .py files or .ipynb notebooks")
    if folder is not None and not _is_contract_tree(folder) and _is_contract_tree(folder / "exercises"):
        folder, via = folder / "exercises", " (exercises/ of a repository)" + via  # a student's clone
    listed = _files(folder, path.name) if folder is not None else [path]
    if folder is not None and _is_contract_tree(folder):
        reading = Reading(folder, "the contract's layout" + via, _scratch=scratch)
        readable = []
        for fw in catalog.FRAMEWORKS:
            for module in catalog.MODULES:
                file = folder / fw / f"{module}.py"
                if not file.is_file():
                    continue
                shown = f"{fw}/{module}.py"
                source, problem = source_text(file, shown)
                if source is None:
                    reading.problems.append(problem)
                    reading.left_out[shown] = problem
                    continue
                readable.append((file, shown))
                reading.sources.append(shown)
                problem = _syntax_problem(source, shown)
                if problem:
                    reading.problems.append(problem)
        if reading.left_out:  # grade a copy without the files that cannot be read
            reading._scratch = reading._scratch or tempfile.TemporaryDirectory(prefix="d2l-submission-")
            reading.tree = Path(reading._scratch.name) / "tree"
            for file, shown in readable:
                (reading.tree / shown).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, reading.tree / shown)
        return reading
    files = [p for p in listed if p.suffix in (".py", ".ipynb") and not p.is_symlink()]
    scratch = scratch or tempfile.TemporaryDirectory(prefix="d2l-submission-")
    tree = Path(scratch.name) / "tree"
    tree.mkdir()
    kinds = {p.suffix for p in files}
    form = ("notebooks" if kinds == {".ipynb"} else "flat files" if kinds == {".py"} else
            "flat files and notebooks" if kinds else "an empty upload")
    reading = Reading(tree, form + via, _scratch=scratch)
    base = path.parent if folder is None else folder
    for file in files:
        shown = str(file.relative_to(base))
        source, problem = source_text(file, shown)
        if source is None:
            reading.problems.append(problem)
            reading.left_out[file.stem] = problem
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
            target.write_text(source, encoding="utf-8")
            reading.sources.append(f"{framework}/{module}.py from {shown}")
    return reading


def read_or_explain(path) -> Reading:
    """:func:`read`, or, for a submission that cannot be read at all, an empty tree with the reason as its
    ``failure``: graded, every unit is missing and says why, and the other submissions of a batch are untouched."""
    try:
        return read(path)
    except SubmissionError as exc:
        scratch = tempfile.TemporaryDirectory(prefix="d2l-submission-")
        (Path(scratch.name) / "tree").mkdir()
        return Reading(Path(scratch.name) / "tree", "unreadable", problems=[str(exc)], failure=str(exc),
                       _scratch=scratch)


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
                names = defined_names(file.read_text(encoding="utf-8", errors="replace"))
                absent = sorted(_module_names(fw, module) - names)
                if absent:
                    lines.append(f"  {fw}/{module}.py defines no {', '.join(absent)}")
                    ok = False
        if not tracks:
            lines.append("  no module of either track found")
        lines += [f"  problem: {p}" for p in reading.problems]
        lines.append("Every module is there: ready to upload." if ok else "Fix the lines above before you upload.")
        return (0 if ok else 1), lines
