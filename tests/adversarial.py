"""Hostile and broken submissions for isolated grading (``drill grade``), with the outcome each must get.

Every submission is ``pytorch/blocks.py`` of the reference with ``code`` appended
(so the units it does not attack stay correct), plus any ``extra`` files.  It
is graded on ``pytorch.blocks`` only.  ``expect`` maps unit names to the status
they must get; every unit not named must pass (one broken unit never costs the
others anything).  ``check(tmp, report)`` asserts what the attack must not have
achieved outside the report (a marker file, a changed reference, ...).

Placeholders in code: ``{MARK}`` a path the attack tries to create (it must not
exist afterwards), ``{ROOT}`` the repository root, ``{REPORT}`` the path the
report of the batch is written to.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attack:
    name: str
    why: str
    code: str
    expect: dict  # unit name -> status ("failed" / "error"); others must pass
    extra: dict = field(default_factory=dict)  # relative path -> content, next to pytorch/
    message: str = ""  # must appear in the first named unit's message
    mark_must_not_exist: bool = False


_WRONG_MLP = '''
class MLP(nn.Module):
    def __init__(self, in_features=20, hidden=256, out_features=10):
        super().__init__()
        self.hidden = nn.Linear(in_features, hidden)
        self.out = nn.Linear(hidden, out_features)

    def forward(self, X):
        return self.out(self.hidden(X))  # no ReLU: wrong
'''

ATTACKS = [
    Attack("exit-in-forward", "os._exit in the middle of a call", '''
import os
class MLP(MLP):
    def forward(self, X):
        os._exit(0)
''', {"MLP": "error"}, message="crashed the worker process"),
    Attack("segfault", "a segmentation fault through ctypes", '''
import ctypes
class MLP(MLP):
    def forward(self, X):
        ctypes.string_at(0)
''', {"MLP": "error"}, message="SIGSEGV"),
    Attack("hang", "an endless loop in forward", '''
class MLP(MLP):
    def forward(self, X):
        while True:
            pass
''', {"MLP": "error"}, message="ran longer than"),
    Attack("memory-bomb", "allocating far more memory than allowed", '''
class MLP(MLP):
    def forward(self, X):
        hog = bytearray(64 * 2**30)
        return hog
''', {"MLP": "error"}, message="memory"),
    Attack("exit-at-import", "sys.exit while the module is imported", '''
import sys
sys.exit(0)
''', {n: "error" for n in ("MLP", "MySequential", "FixedHiddenMLP", "NestMLP", "chimera", "ParallelBlock",
                           "repeat_block")}, message="SystemExit"),
    Attack("hard-exit-at-import", "os._exit while the module is imported", '''
import os
os._exit(3)
''', {n: "error" for n in ("MLP", "MySequential", "FixedHiddenMLP", "NestMLP", "chimera", "ParallelBlock",
                           "repeat_block")}, message="exited with code 3"),
    Attack("frame-peeking", "walks the caller's frames looking for the reference's answer", _WRONG_MLP + '''
import sys
class MLP(MLP):
    def forward(self, X):
        frame = sys._getframe(1)
        while frame is not None:
            for value in list(frame.f_locals.values()):
                if isinstance(value, dict) and "out" in value and hasattr(value["out"], "values"):
                    return torch.as_tensor(value["out"].values)
                if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict) and "out" in value[1]:
                    return torch.as_tensor(value[1]["out"].values)
            frame = frame.f_back
        return super().forward(X)
''', {"MLP": "failed"}),
    Attack("import-solutions", "imports the reference instead of writing the code", '''
import importlib.util, pathlib, sys
_path = pathlib.Path("{ROOT}") / "solutions" / "pytorch" / "blocks.py"
_spec = importlib.util.spec_from_file_location("stolen", _path)
_stolen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_stolen)
MLP = _stolen.MLP
''', {n: "error" for n in ("MLP", "MySequential", "FixedHiddenMLP", "NestMLP", "chimera", "ParallelBlock",
                           "repeat_block")}, message="not allowed while grading"),
    Attack("import-solutions-package", "puts the repository on sys.path and imports solutions as a package", '''
import sys
sys.path.insert(0, "{ROOT}")
try:
    from solutions.pytorch.blocks import MLP
except Exception:
    pass
''' + _WRONG_MLP, {"MLP": "failed"}),
    Attack("fake-report", "writes a perfect report where the real one goes, and a marker beside it", '''
import json
for _target in ("{REPORT}", "{MARK}"):
    try:
        with open(_target, "w") as _f:
            json.dump({"submission": "fake-report", "score": 999, "max_score": 1, "units": []}, _f)
    except OSError:
        pass
''' + _WRONG_MLP, {"MLP": "failed"}, mark_must_not_exist=True),
    Attack("patch-comparisons", "monkeypatches numpy's and torch's comparison functions", '''
import numpy as np
np.allclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), bool)
torch.allclose = lambda *a, **k: True
torch.equal = lambda *a, **k: True
''' + _WRONG_MLP, {"MLP": "failed"}),
    Attack("global-torch-state", "changes torch's global state at import (dtype, grad mode, Linear itself)", '''
torch.set_default_dtype(torch.float64)
torch.set_grad_enabled(False)
torch.manual_seed = lambda *a, **k: None
nn.Linear.forward = lambda self, X: X.new_zeros(X.shape[:-1] + (self.out_features,))
''', {n: "failed" for n in ("MLP", "MySequential", "FixedHiddenMLP", "NestMLP", "chimera", "ParallelBlock",
                            "repeat_block")}),
    Attack("lying-tensor", "returns a Tensor subclass whose comparisons and numpy() lie", _WRONG_MLP + '''
import numpy as np
class _Liar(np.ndarray):
    def __eq__(self, other):
        return True
class _LyingTensor(torch.Tensor):
    def __eq__(self, other):
        return True
    def numpy(self, *a, **k):
        return super().numpy(*a, **k).view(_Liar)
class MLP(MLP):
    def forward(self, X):
        return super().forward(X).as_subclass(_LyingTensor)
''', {"MLP": "failed"}),
    Attack("raise-skip", "raises the harness's own Skip and KeyboardInterrupt to dodge grading", '''
class MLP(MLP):
    def forward(self, X):
        from harness.core.grading import Skip
        raise Skip("no GPU")
class MySequential(MySequential):
    def forward(self, X):
        raise KeyboardInterrupt
''', {"MLP": "failed", "MySequential": "failed"}),
    Attack("subprocess", "starts a shell command and a process", '''
import os, subprocess
for _run in (lambda: os.system("touch {MARK}"), lambda: subprocess.run(["touch", "{MARK}"])):
    try:
        _run()
    except Exception:
        pass
''', {}, mark_must_not_exist=True),
    Attack("kill-parent", "signals its parent and its process group", '''
import os, signal
for _kill in (lambda: os.kill(os.getppid(), signal.SIGKILL), lambda: os.killpg(0, signal.SIGTERM)):
    try:
        _kill()
    except Exception:
        pass
''', {}),
    Attack("overwrite-reference", "overwrites the reference solution on disk", '''
try:
    with open("{ROOT}/solutions/pytorch/blocks.py", "a") as _f:
        _f.write("\\nraise SystemExit('sabotaged')\\n")
except OSError:
    pass
''', {}),
    Attack("output-flood", "prints more than the output cap", '''
import sys
class MLP(MLP):
    def forward(self, X):
        for _ in range(100):
            sys.stdout.write("x" * 2**20)
        return super().forward(X)
''', {"MLP": "failed"}),
    Attack("slow-import", "sleeps at import for longer than a module may take", '''
import time
time.sleep(600)
''', {n: "error" for n in ("MLP", "MySequential", "FixedHiddenMLP", "NestMLP", "chimera", "ParallelBlock",
                           "repeat_block")}, message="ran longer than"),
    Attack("config-files", "ships conftest.py, pytest.ini, pyproject.toml, sitecustomize.py, a .pth and a fake "
           "harness package", _WRONG_MLP, {"MLP": "failed"}, extra={
               "conftest.py": "open('{MARK}', 'w').write('conftest ran')\n",
               "pytest.ini": "[pytest]\naddopts = -p no:harness.plugin\n",
               "pyproject.toml": "[tool.pytest.ini_options]\naddopts = '-x'\n",
               "sitecustomize.py": "open('{MARK}', 'w').write('sitecustomize ran')\n",
               "usercustomize.py": "open('{MARK}', 'w').write('usercustomize ran')\n",
               "evil.pth": "import os; open('{MARK}', 'w').write('pth ran')\n",
               "harness/__init__.py": "open('{MARK}', 'w').write('fake harness imported')\n",
               "harness/core/grading.py": "open('{MARK}', 'w').write('fake grading imported')\n",
               "harness/core/__init__.py": "open('{MARK}', 'w').write('fake core imported')\n",
               "pytorch/numpy.py": "open('{MARK}', 'w').write('shadow numpy imported')\n",
               "pytorch/torch.py": "open('{MARK}', 'w').write('shadow torch imported')\n",
               "d2l_drill-9.9.dist-info/entry_points.txt": "[pytest11]\nevil = evil_plugin\n",
           }, mark_must_not_exist=True),
]
