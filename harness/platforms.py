"""Course platforms: what Gradescope, PrairieLearn and GitHub Actions run, and the exports that set them up.

- ``drill export gradescope OUT.zip``: an autograder zip (``setup.sh``, ``run_autograder``, the project, and
  ``d2l-autograder.json`` with the instructor's secret seed).
- ``drill export prairielearn OUT``: an external-grading image folder (``Dockerfile``, the project, an entry point)
  and one question folder per module (``info.json``, ``question.html``, ``tests/d2l-autograder.json``).
- ``drill export github OUT``: ``.github/workflows/grade.yml`` for a student repository.
- ``drill autograde gradescope|prairielearn --root R``: what the platform runs per submission; it reads the
  submission from the platform's folder, grades it isolated, and writes the platform's ``results.json``.  A
  failure of the harness itself is written there too, as the autograder's failure (never the student's).

Every file written here comes from ``harness/platform_files/``, with ``@NAME@`` placeholders filled in.
"""

from __future__ import annotations

import json
import os
import random
import re
import stat
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness import CHECKOUT, catalog
from harness.drill.grade import select_units
from harness.core.files import write_atomic
from harness.reports.report import GRADESCOPE_VISIBILITY, first_line, gradescope_results, property_lines, write_json

CONFIG_NAME = "d2l-autograder.json"
FILES = Path(__file__).resolve().parent / "platform_files"
# What an autograder needs of the project: the harness, graders and reference, the stubs (a checkout has them),
# the pins, and what pyproject.toml names (README.md is its readme).
PROJECT_PARTS = ("harness", "graders", "solutions", "exercises", "constraints", "docs", "pyproject.toml",
                 "README.md", "conftest.py")
_SKIPPED_NAMES = ("__pycache__", ".pytest_cache", ".hypothesis")


class ConfigError(Exception):
    """The autograder's configuration cannot be used: the message says which setting and why."""


@dataclass
class AutograderConfig:
    seed: int
    only: list[str] = field(default_factory=list)
    visibility: str = "visible"
    timeout: float = 20.0
    memory: int = 6144

    @classmethod
    def load(cls, path: Path) -> AutograderConfig:
        path = Path(path)
        try:
            data = json.loads(path.read_text())
        except FileNotFoundError:
            raise ConfigError(f"no {path}: the export writes it; keep it next to the autograder's files") from None
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{path} is not readable JSON ({exc})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path} must hold a JSON object")
        unknown = sorted(set(data) - {f for f in cls.__dataclass_fields__})
        if unknown:
            raise ConfigError(f"{path}: unknown setting {', '.join(unknown)} (known: "
                              f"{', '.join(cls.__dataclass_fields__)})")
        seed = data.get("seed")
        if type(seed) is not int:
            raise ConfigError(f"{path}: \"seed\" must be your secret integer seed, not {seed!r}")
        config = cls(seed=seed, only=list(data.get("only", [])), visibility=data.get("visibility", "visible"),
                     timeout=float(data.get("timeout", 20.0)), memory=int(data.get("memory", 6144)))
        config.validate(str(path))
        return config

    def validate(self, where: str = "the settings") -> None:
        if self.visibility not in GRADESCOPE_VISIBILITY:
            raise ConfigError(f"{where}: visibility {self.visibility!r} is not one of {', '.join(GRADESCOPE_VISIBILITY)}")
        if self.timeout <= 0 or self.memory <= 0:
            raise ConfigError(f"{where}: timeout and memory must be positive")
        if not self.units():
            raise ConfigError(f"{where}: no unit id starts with {' or '.join(self.only)}")

    def units(self) -> list[catalog.Unit]:
        return select_units(self.only)

    def text(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"


def _template(name: str, **values: str) -> str:
    text = (FILES / name).read_text()
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = re.search(r"@[A-Z_]+@", text)
    if left:
        raise RuntimeError(f"{name}: placeholder {left.group()} not filled in")
    return text


def project_files(root: Path = CHECKOUT):
    """(path, name inside the export) for every project file an autograder needs; no caches, no bytecode."""
    for part in PROJECT_PARTS:
        path = root / part
        if path.is_file():
            yield path, part
        elif path.is_dir():
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(root)
                if (file.is_file() and not file.is_symlink() and file.suffix not in (".pyc", ".pyo")
                        and not any(p in _SKIPPED_NAMES for p in rel.parts)):
                    yield file, str(rel)


def frameworks_extras(frameworks: list[str]) -> str:
    return ",".join(frameworks)


def new_seed() -> int:
    return random.SystemRandom().getrandbits(32)


def _refuse_existing(out: Path, force: bool) -> None:
    if out.exists() and not force and (out.is_file() or any(out.iterdir())):
        raise ConfigError(f"{out} exists and is not empty: pass --force to replace what is there")


def export_gradescope(out: Path, config: AutograderConfig, frameworks: list[str], torch_index: str = "",
                      force: bool = False) -> list[str]:
    """Write the autograder zip; return its entry names.  Written to a temporary file first, so a failed export
    leaves nothing half-written."""
    out = Path(out)
    config.validate()
    _refuse_existing(out, force)
    scripts = {"setup.sh": _template("gradescope-setup.sh", EXTRAS=frameworks_extras(frameworks),
                                     TORCH_INDEX=torch_index),
               "run_autograder": _template("gradescope-run_autograder")}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    names = []
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, text in scripts.items():
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.external_attr = (stat.S_IFREG | 0o755) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, text)
                names.append(name)
            zf.writestr(CONFIG_NAME, config.text())
            names.append(CONFIG_NAME)
            for path, name in project_files():
                zf.write(path, f"d2l-drill/{name}")
                names.append(f"d2l-drill/{name}")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return names


QUESTION_HTML = """<pl-question-panel>
  <p>Upload your <code>{module}.py</code> for the {track} track of "Deep learning computation"
  ({units}). Before you upload, <code>drill check-submission {module}.py</code> says whether it will be read.</p>
</pl-question-panel>
<pl-file-upload file-names="{module}.py"></pl-file-upload>
<pl-submission-panel>
  <pl-external-grader-results></pl-external-grader-results>
  <pl-file-preview></pl-file-preview>
</pl-submission-panel>
"""


def export_prairielearn(out: Path, config: AutograderConfig, frameworks: list[str], image: str,
                        torch_index: str = "", force: bool = False) -> list[str]:
    """Write ``OUT/image/`` (Dockerfile, entry point, the project) and ``OUT/questions/d2l-<track>-<module>/``
    for every module of the frameworks, each graded with ``config`` restricted to its module."""
    import shutil

    out = Path(out)
    config.validate()
    _refuse_existing(out, force)
    staging = Path(tempfile.mkdtemp(prefix=".d2l-export-", dir=out.parent if out.parent.exists() else None))
    try:
        image_dir = staging / "image"
        (image_dir / "d2l-drill").mkdir(parents=True)
        (image_dir / "Dockerfile").write_text(_template("prairielearn-Dockerfile", EXTRAS=frameworks_extras(frameworks),
                                                        TORCH_INDEX=torch_index))
        (image_dir / "entrypoint").write_text(_template("prairielearn-entrypoint"))
        (image_dir / "entrypoint").chmod(0o755)
        for path, name in project_files():
            target = image_dir / "d2l-drill" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        written = ["image/Dockerfile", "image/entrypoint"]
        for framework in frameworks:
            for module in catalog.MODULES:
                units = [u for u in config.units() if u.framework == framework and u.module == module]
                if not units:
                    continue
                qid = f"d2l-{framework}-{module.replace('_', '-')}"
                folder = staging / "questions" / qid
                (folder / "tests").mkdir(parents=True)
                info = {"uuid": _uuid(qid), "title": f"d2l {framework}: {module}", "topic": "Deep learning computation",
                        "tags": ["d2l", framework], "type": "v3", "singleVariant": True,
                        "gradingMethod": "External",
                        "externalGradingOptions": {"image": image, "entrypoint": "/d2l-drill/entrypoint",
                                                   "timeout": 600}}
                (folder / "info.json").write_text(json.dumps(info, indent=2) + "\n")
                track = "PyTorch" if framework == "pytorch" else "TensorFlow/Keras"
                names = ", ".join(f"<code>{n}</code>" for u in units for n in u.names)
                (folder / "question.html").write_text(QUESTION_HTML.format(module=module, track=track, units=names))
                question = AutograderConfig(seed=config.seed, only=[u.id for u in units], timeout=config.timeout,
                                            memory=config.memory)
                (folder / "tests" / CONFIG_NAME).write_text(question.text())
                written += [f"questions/{qid}/info.json", f"questions/{qid}/question.html",
                            f"questions/{qid}/tests/{CONFIG_NAME}"]
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        staging.rename(out)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _uuid(name: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"d2l-drill/{name}"))


GITHUB_WORKFLOW = Path(".github") / "workflows" / "grade.yml"


def github_workflow(frameworks: list[str], *, release: bool = False) -> str:
    """The workflow's text: the ``ci`` profile in a full repository; in a student release its recorded profile and
    seed (the only ones it can grade)."""
    select = "" if len(frameworks) == len(catalog.FRAMEWORKS) else f"-m {frameworks[0]} "
    return _template("github-grade.yml", EXTRAS=frameworks_extras(frameworks) + ",dev", SELECT=select,
                     PROFILE="" if release else "--hypothesis-profile ci ")


def export_github(out: Path, frameworks: list[str], force: bool = False) -> Path:
    """``OUT/.github/workflows/grade.yml``: grade on push, the table in the job summary, the JSON kept."""
    from harness.core import recorded

    target = Path(out) / GITHUB_WORKFLOW
    if target.exists() and not force:
        raise ConfigError(f"{target} exists: pass --force to replace it")
    write_atomic(target, github_workflow(frameworks, release=recorded.student_release(Path(out)) is not None))
    return target


# ---------------------------------------------------------------- what the platform runs for each submission


def _grade_one(submission: Path, config: AutograderConfig, name: str) -> dict:
    from harness.drill.grade import grade_submissions, limits_for

    return grade_submissions([submission], config.units(), config.seed, limits_for(config.timeout, config.memory),
                             1, names=[name])[0]


def autograde_gradescope(root: Path) -> int:
    """Grade ``root/submission`` and write ``root/results/results.json`` (Gradescope's layout)."""
    root = Path(root)
    results = root / "results" / "results.json"
    start = time.monotonic()
    try:
        config = AutograderConfig.load(root / "source" / CONFIG_NAME)
        document = _grade_one(root / "submission", config, "submission")
    except Exception as exc:  # noqa: BLE001 - whatever broke, Gradescope must get a results.json saying so
        write_json(results, {"score": 0, "output_format": "md", "stdout_visibility": "hidden",
                             "output": f"The autograder itself failed (not your code): {type(exc).__name__}: {exc}. "
                                       "Tell your instructor.", "tests": []})
        print(f"autograde: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    write_json(results, gradescope_results(document, execution_time=time.monotonic() - start,
                                           visibility=config.visibility))
    print(f"graded: {document['score']:g} / {document['max_score']:g} (seed {config.seed})", file=sys.stderr)
    return 0


def prairielearn_results(document: dict) -> dict:
    """PrairieLearn's external-grader results: ``score`` in 0..1, a test per graded unit.  A submission that
    could not be read at all is not gradable (the student is not charged an attempt for a broken upload)."""
    tests, skipped = [], []
    for u in document["units"]:
        if u["status"] == "skipped":
            skipped.append(f"{u['id']} ({first_line(u['message'])})")
            continue
        tests.append({"name": u["id"], "description": catalog.BY_ID[u["id"]].title if u["id"] in catalog.BY_ID else "",
                      "points": u["score"], "max_points": u["max_score"],
                      "message": first_line(u["message"]) if u["status"] != "passed" else "passed",
                      "output": "\n".join([u["message"], *property_lines(u)]) if u["status"] != "passed" else ""})
    maximum = document["max_score"]
    message = f"{document['score']:g} / {maximum:g} points. Read as {document.get('read_as', '')}."
    if skipped:
        message += " Not graded here, and not in the maximum: " + "; ".join(skipped) + "."
    unreadable = str(document.get("read_as", "")).startswith("unreadable")
    return {"gradable": not unreadable, "score": round(document["score"] / maximum, 6) if maximum else 0.0,
            "message": message if not unreadable else f"Your upload could not be read: {document['read_as'][12:]}",
            "output": "\n".join(document.get("read_problems", [])), "tests": tests}


def autograde_prairielearn(root: Path) -> int:
    """Grade ``root/student`` with ``root/tests/d2l-autograder.json``; write ``root/results/results.json``."""
    root = Path(root)
    results = root / "results" / "results.json"
    try:
        config = AutograderConfig.load(root / "tests" / CONFIG_NAME)
        document = _grade_one(root / "student", config, "student")
    except Exception as exc:  # noqa: BLE001 - PrairieLearn must get results saying the grader failed
        write_json(results, {"gradable": False, "score": 0.0,
                             "message": f"The autograder itself failed (not your code): {type(exc).__name__}: {exc}. "
                                        "Tell your instructor.", "tests": []})
        print(f"autograde: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    write_json(results, prairielearn_results(document))
    print(f"graded: {document['score']:g} / {document['max_score']:g} (seed {config.seed})", file=sys.stderr)
    return 0


def self_check() -> int:
    """The image's build step: every installed framework imports, and the reference is here."""
    from harness.core.grading import framework_broken

    problems = []
    installed = [fw for fw in catalog.FRAMEWORKS if catalog.framework_installed(fw)]
    if not installed:
        problems.append("neither torch nor tensorflow is installed")
    for framework in installed:
        broken = framework_broken(framework)
        if broken:
            problems.append(f"{framework}: {broken}")
    if not (CHECKOUT / "solutions").is_dir():
        problems.append(f"no reference at {CHECKOUT / 'solutions'}")
    for problem in problems:
        print(f"autograde --self-check: {problem}", file=sys.stderr)
    if not problems:
        print(f"autograde --self-check: ready ({CHECKOUT})", file=sys.stderr)
    return 1 if problems else 0
