#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image (written by `drill export gradescope`).
# It installs a Python >= 3.11 virtual environment with the pinned builds and this project; nothing else is fetched
# beyond the package index (and the Ubuntu archive, only when the image has no Python 3.11+ or no venv module).
set -euo pipefail
ROOT="${D2L_AUTOGRADER_ROOT:-/autograder}"
PROJECT="$ROOT/source/d2l-drill"
EXTRAS="@EXTRAS@"
TORCH_INDEX="@TORCH_INDEX@"

# The first Python >= 3.11 that runs and can make a virtual environment (a pyenv shim or a python without its
# venv package does not count); else python3.11 from the Ubuntu archive (Gradescope's Ubuntu 22.04 has 3.10).
usable() { "$1" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }
PYTHON=""
for candidate in python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 && usable "$candidate"; then PYTHON="$candidate"; break; fi
done
if [ -z "$PYTHON" ]; then
    echo "setup.sh: no Python 3.11+ with venv in this image; installing python3.11 from the Ubuntu archive"
    apt-get update -q && apt-get install -y -q python3.11 python3.11-venv
    PYTHON=python3.11
fi
echo "setup.sh: $("$PYTHON" --version) at $(command -v "$PYTHON")"
"$PYTHON" -m venv "$ROOT/venv"
PIP=("$ROOT/venv/bin/python" -m pip install --quiet --disable-pip-version-check)
if [ -n "$TORCH_INDEX" ] && [[ "$EXTRAS" == *pytorch* ]]; then
    # the CPU build of the pinned torch, from the index given to `drill export gradescope --torch-index`
    "${PIP[@]}" -c "$PROJECT/constraints/ci.txt" --index-url "$TORCH_INDEX" torch
fi
"${PIP[@]}" -c "$PROJECT/constraints/ci.txt" -e "$PROJECT[$EXTRAS]"
# Fail the build now, not on the first submission, if a framework cannot be imported.
cd "$PROJECT" && "$ROOT/venv/bin/python" -m harness.cli autograde --self-check
