"""What a worker process does to itself before it runs any student code.

Called in the freshly forked worker, before the student's module is imported:
own process group (so the grading side can kill it and anything it started),
resource limits (CPU time, file size, address space, no core files), a fresh
working directory and HOME under a private temp folder, a scrubbed
environment, stdout/stderr into a capped file, and an audit hook that refuses
the obvious escapes (starting processes, network, writing outside the temp
folder, reading the reference solutions).  The hook is defence in depth: the
guarantees that matter are that only plain data leaves the worker and that
the report is written by the grading process.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Limits:
    call_seconds: float = 20.0  # wall clock per probe call
    module_seconds: float = 300.0  # wall clock per worker (one module of one submission)
    cpu_seconds: int = 300  # CPU time per worker
    file_bytes: int = 64 * 2**20  # largest file a worker may write (output included)
    memory_bytes: int = 6 * 2**30  # address space on top of what the pre-imported frameworks use
    output_bytes: int = 1 * 2**20  # stdout/stderr kept per worker

    def as_dict(self) -> dict:
        return dict(self.__dict__)


_BLOCKED_EVENTS = {
    "os.system": "running a shell command",
    "os.exec": "replacing the process",
    "os.fork": "starting a process",
    "os.forkpty": "starting a process",
    "os.posix_spawn": "starting a process",
    "os.spawn": "starting a process",
    "subprocess.Popen": "starting a process",
    "pty.spawn": "starting a process",
    "socket.connect": "opening a network connection",
    "socket.bind": "opening a network socket",
    "socket.getaddrinfo": "looking up a network address",
    "os.kill": "signalling another process",
    "os.killpg": "signalling another process",
    "signal.pthread_kill": "signalling a thread",
    "os.setuid": "changing user",
}
_PATH_EVENTS = {"os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.link", "os.symlink",
                "os.truncate", "os.utime", "shutil.rmtree", "shutil.move", "shutil.copyfile", "shutil.copytree"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _install_audit_hook(home: Path, forbidden: tuple[str, ...]) -> None:
    allowed = (os.path.realpath(home) + os.sep,)
    devices = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")

    def is_inside(path: str, roots) -> bool:
        return any(path == r.rstrip(os.sep) or path.startswith(r) for r in roots)

    def refuse(what: str):
        raise PermissionError(f"not allowed while grading: {what}")

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if not isinstance(path, (str, bytes, os.PathLike)):
                return
            real = os.path.realpath(os.fsdecode(path))
            if is_inside(real, forbidden):
                refuse(f"reading {real}")
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & _WRITE_FLAGS)
            if writing and real not in devices and not is_inside(real, allowed):
                refuse(f"writing {real} (write under the working directory)")
        elif event in _BLOCKED_EVENTS:
            refuse(_BLOCKED_EVENTS[event])
        elif event in _PATH_EVENTS:
            for arg in args[:2]:
                if isinstance(arg, (str, bytes, os.PathLike)):
                    real = os.path.realpath(os.fsdecode(arg))
                    if not is_inside(real, allowed):
                        refuse(f"{event} on {real}")

    sys.addaudithook(hook)


def _limit(kind: int, soft: int) -> None:
    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    try:
        resource.setrlimit(kind, (soft, hard if hard == resource.RLIM_INFINITY else max(soft, hard)))
    except (ValueError, OSError):
        pass  # the platform does not support this limit: the outside wall-clock kill still applies


def _address_space_now() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# The only variables of the grading process's environment that reach the fork server and its workers (the server's
# TensorFlow settings are added to these by harness.core.tf_settings); the rest (tokens, proxies, PYTHON*) never do.
KEPT_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "OMP_NUM_THREADS", "TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS")


def enter(home: Path, limits: Limits, forbidden: tuple[str, ...], keep_paths: tuple[str, ...] = ()) -> Path:
    """Confine this (freshly forked) process.  Returns the file that holds its stdout and stderr."""
    os.setsid()  # own process group: the grading side kills the whole group
    work, user_home, tmp = home / "work", home / "home", home / "tmp"
    for folder in (work, user_home, tmp):
        folder.mkdir(parents=True, exist_ok=True)
    keep = {k: os.environ[k] for k in KEPT_ENVIRONMENT if k in os.environ}
    os.environ.clear()
    os.environ.update(keep, HOME=str(user_home), TMPDIR=str(tmp), PWD=str(work))
    os.chdir(work)
    import tempfile

    tempfile.tempdir = str(tmp)
    sys.path[:] = [p for p in sys.path if p in keep_paths]  # no cwd, no submission, no repository root

    output = home / "output.txt"
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _limit(resource.RLIMIT_CORE, 0)
    _limit(resource.RLIMIT_CPU, int(limits.cpu_seconds))
    _limit(resource.RLIMIT_FSIZE, int(limits.file_bytes))
    if limits.memory_bytes:
        _limit(resource.RLIMIT_AS, _address_space_now() + int(limits.memory_bytes))
    _install_audit_hook(home, forbidden)
    return output
