"""``drill``: work through the chapter alone (list, next, check, watch, hint, solution, reset), or grade a tree.

Importing this module is cheap (argparse and the catalog): frameworks are
imported only when something is graded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from harness import catalog

DESCRIPTION = """Self-study for d2l "Deep learning computation": every unit in chapter order,
graded on your machine. Start with `drill next`, edit the file it names, then `drill check`
(or leave `drill watch` running). Progress is kept in .drill-state.json."""


def _common(suppress: bool) -> argparse.ArgumentParser:
    # Subcommands repeat the global options; their defaults are SUPPRESS so `drill --framework tensorflow list`
    # is not overwritten by the subcommand's default.
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--framework", choices=catalog.FRAMEWORKS, default=default,
                        help="the track to work on (remembered in .drill-state.json; default pytorch)")
    common.add_argument("--root", default=default, metavar="PATH",
                        help="the exercise repository (default: the nearest folder upwards holding exercises/)")
    return common


def _seed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=None,
                        help="Hypothesis seed (each check prints the one it used, so a run can be repeated)")


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="drill", description=DESCRIPTION, parents=[_common(False)])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common(True)

    p = sub.add_parser("list", parents=[common], help="every unit in chapter order, its status and points")
    p.add_argument("--check", action="store_true", help="grade every unit first (otherwise the last results are "
                                                        "shown, marked 'unchecked' where the code changed since)")
    _seed(p)
    sub.add_parser("next", parents=[common], help="the first unfinished unit: what, where, which rule")
    p = sub.add_parser("check", parents=[common], help="grade one unit: the one named, else the current one")
    p.add_argument("unit", nargs="?", help="e.g. MLP, blocks.MLP or pytorch.blocks.MLP (default: the unit `drill "
                                           "next` shows)")
    p.add_argument("--all", dest="everything", action="store_true", help="grade every unit of the track")
    _seed(p)
    p = sub.add_parser("watch", parents=[common],
                       help="re-grade the current unit on every save; move on when it passes")
    _seed(p)
    p = sub.add_parser("hint", parents=[common],
                       help="the next hint stage for a unit (a nudge, what to read, the steps in words)")
    p.add_argument("unit", nargs="?", help="default: the next unfinished unit")
    p = sub.add_parser("solution", parents=[common], help="the reference code, once the unit has passed")
    p.add_argument("unit")
    p.add_argument("--force", action="store_true", help="show it after a failing attempt (not before one)")
    p = sub.add_parser("check-submission", parents=[common],
                       help="read a submission exactly as grading will (folder, flat files, notebooks, .zip) and "
                            "say what was found and what to fix; grades nothing")
    p.add_argument("path", metavar="PATH")
    p = sub.add_parser("reset", parents=[common], help="restore a unit's pristine stub (a backup is kept)")
    p.add_argument("unit", nargs="?")
    p.add_argument("--all", dest="everything", action="store_true",
                   help="restore every exercise file of the track")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask before discarding work")

    p = sub.add_parser("export", help="set a course platform up: a Gradescope autograder zip, PrairieLearn "
                                      "questions and grading image, or a GitHub Actions workflow (instructors)")
    p.add_argument("platform", choices=("gradescope", "prairielearn", "github"))
    p.add_argument("out", metavar="OUT", help="gradescope: the zip to write; prairielearn: a folder (image/ and "
                                             "questions/); github: the repository to put .github/workflows/grade.yml in")
    p.add_argument("--track", action="append", choices=catalog.FRAMEWORKS, default=[],
                   help="the track(s) to grade (repeatable; default both)")
    p.add_argument("--seed", type=int, default=None, help="your secret seed (default: a fresh one, printed)")
    p.add_argument("--only", action="append", default=[], metavar="PREFIX",
                   help="grade only unit ids starting with PREFIX (repeatable)")
    p.add_argument("--visibility", default="visible", help="Gradescope: when students see each unit's result "
                   "(visible, after_due_date, after_published, hidden)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="per call into student code (default 20)")
    p.add_argument("--memory", type=int, default=6144, metavar="MB", help="a worker's address space (default 6144)")
    p.add_argument("--torch-index", default="", metavar="URL",
                   help="a package index to take torch from (e.g. PyTorch's CPU-only wheels, much smaller)")
    p.add_argument("--image", default="YOUR-ORG/d2l-drill-grader", help="PrairieLearn: the grading image's name")
    p.add_argument("--force", action="store_true", help="replace what OUT holds")
    p = sub.add_parser("release", help="write the student repository: exercises, graders, harness, README, CI "
                                       "workflow, and the reference only as recorded answers (instructors)")
    p.add_argument("out", metavar="OUT", help="the folder to write (new or empty)")
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help="the public seed the answers are recorded at (default %(default)s: the release's own); "
                        "grade with another, secret one")
    p.add_argument("--force", action="store_true", help="replace what OUT holds (only once the new release is complete)")
    p = sub.add_parser("autograde", help="what a platform runs for each submission (written by `drill export`)")
    p.add_argument("platform", nargs="?", choices=("gradescope", "prairielearn"))
    p.add_argument("--root", dest="platform_root", metavar="DIR",
                   help="the platform's folder (default /autograder for Gradescope, /grade for PrairieLearn)")
    p.add_argument("--self-check", action="store_true", help="check the frameworks import and the reference is here")

    p = sub.add_parser("dev", help="for maintainers: `drill dev check` checks every unit is complete")
    dev = p.add_subparsers(dest="dev_command", metavar="DEV_COMMAND", required=True)
    p = dev.add_parser("check", help="every unit: metadata, stub, reference, one grader, enough mutants and "
                                     "variants; the stub fails and the reference passes (in-process and isolated)")
    p.add_argument("--static", action="store_true", help="no grading: metadata, files, graders, catalogue only")
    p.add_argument("--seed", type=int, default=None, metavar="N", help="session seed of the grading (default 0)")
    grade = sub.add_parser("grade", help="grade a whole implementation tree (instructors; JSON report)")
    if _wants_grade(argv):
        from harness.drill import grade as grade_cmd

        grade_cmd.add_arguments(grade)
        grade.set_defaults(run=grade_cmd.run)
    else:
        grade.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def _wants_grade(argv: list[str]) -> bool:
    """Import the instructor's grading command only when it is the command given (keeps `drill list` light)."""
    skip_value = False
    for arg in argv:
        if skip_value:
            skip_value = False
            continue
        if arg in ("--framework", "--root"):
            skip_value = True
            continue
        if arg.startswith("-"):
            continue
        return arg == "grade"
    return False


def _platform(args) -> int:
    from harness import platforms

    if args.command == "autograde":
        if args.self_check:
            return platforms.self_check()
        if args.platform is None:
            print("drill autograde: name the platform (gradescope or prairielearn) or pass --self-check",
                  file=sys.stderr)
            return 2
        run = platforms.autograde_gradescope if args.platform == "gradescope" else platforms.autograde_prairielearn
        return run(args.platform_root or ("/autograder" if args.platform == "gradescope" else "/grade"))
    tracks = [fw for fw in catalog.FRAMEWORKS if fw in args.track] or list(catalog.FRAMEWORKS)
    from harness import CHECKOUT
    from harness.core import recorded

    if args.platform != "github" and recorded.student_release(CHECKOUT) is not None:
        print(f"drill export: {CHECKOUT} is a student release (no reference solutions): an autograder grades with "
              "the reference and your secret seed, so export it from the instructor's repository", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else platforms.new_seed()
    only = args.only or (list(tracks) if len(tracks) < len(catalog.FRAMEWORKS) else [])
    config = platforms.AutograderConfig(seed=seed, only=only,
                                        visibility=args.visibility, timeout=args.timeout, memory=args.memory)
    try:
        if args.platform == "gradescope":
            platforms.export_gradescope(args.out, config, tracks, args.torch_index, args.force)
            done = f"wrote {args.out}: upload it as the assignment's autograder (setup.sh, run_autograder at its root)"
        elif args.platform == "prairielearn":
            written = platforms.export_prairielearn(args.out, config, tracks, args.image, args.torch_index, args.force)
            count = sum(w.endswith("info.json") for w in written)
            done = (f"wrote {args.out}: build image/ as {args.image}, copy questions/ ({count} "
                    f"question{'s' if count != 1 else ''}) into your course")
        else:
            done = f"wrote {platforms.export_github(args.out, tracks, args.force)}"
    except platforms.ConfigError as exc:
        print(f"drill export: {exc}", file=sys.stderr)
        return 2
    if args.platform != "github":
        print(f"drill export: secret seed {seed} (kept in the export; pass --seed {seed} to rebuild it)",
              file=sys.stderr)
    print(done)
    return 0


def _release(args) -> int:
    from harness import release
    from harness.reports.report import first_line

    seed = release.DEFAULT_SEED if args.seed is None else args.seed

    def progress(unit, result, calls):
        shown = (f"{calls} answers recorded" if result.status == "passed"
                 else f"{result.status}, not recorded: {first_line(result.message or '')}")
        print(f"  {unit.id}: {shown}", file=sys.stderr)

    print(f"drill release: recording the reference's answers at seed {seed} (profile {release.PROFILE!r})",
          file=sys.stderr)
    try:
        done = release.write(Path(args.out), seed=seed, force=args.force, progress=progress)
    except release.ReleaseError as exc:
        print(f"drill release: {exc}", file=sys.stderr)
        return 2
    for framework, why in done.left_out.items():
        print(f"drill release: the {framework} track is left out: {why}", file=sys.stderr)
    print(f"wrote {done.out}: the {' and '.join(done.frameworks)} track{'s' * (len(done.frameworks) > 1)}, "
          f"{len(done.recorded)} units recorded ({done.bytes / 1e6:.1f} MB), no reference code"
          + (f"; not recorded (graded by you only): {', '.join(done.not_recorded)}" if done.not_recorded else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    from harness.core import knobs

    try:
        knobs.overridden()  # a bad D2L_* value is said once, here, not as a traceback from inside a grader
    except knobs.SettingsError as exc:
        print(f"drill: {exc}", file=sys.stderr)
        return 2
    if args.command == "grade":
        return int(args.run(args) or 0)

    if args.command in ("export", "autograde"):
        return _platform(args)

    if args.command == "release":
        return _release(args)

    if args.command == "dev":
        from harness import dev

        return dev.check(static=args.static, seed=dev.SEED if args.seed is None else args.seed)

    if args.command == "check-submission":  # no exercise repository, no reference needed
        from harness.isolation.submission import check

        code, lines = check(args.path)
        print("\n".join(lines))
        return code

    from harness.drill.session import Drill, DrillError, find_root

    try:
        drill = Drill(find_root(args.root), framework=args.framework)
        if args.command in (None, "next"):
            code = drill.cmd_next()
            if args.command is None:
                drill.out.line("`drill --help` lists every command.", "dim")
            return code
        if args.command == "list":
            return drill.cmd_list(check=args.check, seed=args.seed)
        if args.command == "check":
            return drill.cmd_check(args.unit, seed=args.seed, everything=args.everything)
        if args.command == "watch":
            return drill.cmd_watch(seed=args.seed)
        if args.command == "hint":
            return drill.cmd_hint(args.unit)
        if args.command == "solution":
            return drill.cmd_solution(args.unit, force=args.force)
        if args.command == "reset":
            return drill.cmd_reset(args.unit, everything=args.everything, yes=args.yes)
    except DrillError as exc:
        print(f"drill: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("drill: interrupted", file=sys.stderr)
        return 130
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
