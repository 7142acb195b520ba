#!/usr/bin/env bash
# Create the three peer venvs with pinned versions. Idempotent: a venv whose
# requirements file has not changed since its last successful install is left alone.
#
#   Benchmarks/peers/setup.sh            # every venv
#   Benchmarks/peers/setup.sh --ann      # only .venv-ann (hnswlib, faiss-cpu), for make bench-ann
#   PYTHON=python3.11 Benchmarks/peers/setup.sh
#
# Needs Python >= 3.11 (scikit-learn 1.9) with the venv module, and PyPI.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "setup.sh: $python is $("$python" --version 2>&1); scikit-learn 1.9 needs Python >= 3.11 (set PYTHON=...)" >&2
    exit 1
fi

# make_venv NAME REQUIREMENTS IMPORT_CHECK [PIP ARGUMENTS...]: the optional arguments are a second `pip install`
# run after the requirements (a package that must be built against them).
make_venv() {
    local name="$1" file="$2" venv="$here/.venv-$1" requirements="$here/$2" check="$3"
    shift 3
    local stamp="$venv/.requirements.sha256"
    local wanted
    wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] \
        && "$venv/bin/python" -c "$check" 2>/dev/null; then
        echo "setup.sh: .venv-$name is up to date"
        return
    fi
    if [ ! -x "$venv/bin/python" ]; then
        echo "setup.sh: creating .venv-$name with $("$python" --version 2>&1)"
        "$python" -m venv "$venv"
    fi
    echo "setup.sh: installing $file into .venv-$name"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    if [ "$#" -gt 0 ]; then
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    fi
    (cd "$here" && "$venv/bin/python" -c "$check")
    echo "$wanted" > "$stamp"
}

if [ "${1:-}" = "--ann" ]; then
    make_venv ann requirements-ann.txt 'import hnswlib, faiss, numpy'
    echo "setup.sh: done ($here/.venv-ann)"
    exit 0
fi
make_venv sklearn requirements-sklearn.txt \
    'import sklearn, skrebate, pylmnn_shim; assert sklearn.__version__.startswith("1.9")'
make_venv metric-learn requirements-metric-learn.txt \
    'import metric_learn, sklearn; assert metric_learn.__version__ == "0.7.0" and sklearn.__version__.startswith("1.4")'
make_venv pydml requirements-pydml.txt \
    'import dml, numpy; assert numpy.__version__ == "1.23.5"' \
    --no-build-isolation pyDML==0.1.0
echo "setup.sh: done ($here/.venv-sklearn, $here/.venv-metric-learn, $here/.venv-pydml)"
