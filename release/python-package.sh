#!/usr/bin/env bash
# The Python SDK's release files: an sdist and a wheel of sdk/python, built offline (no build isolation, so nothing is
# downloaded) into OUTDIR, which is created if needed. Prints the two file names; `twine upload` takes exactly these.
# The interpreter is $PYTHON, else the first of python3 and /usr/bin/python3 that has the `build` module and setuptools
# (Debian: python3-build python3-setuptools python3-wheel).
# usage: release/python-package.sh OUTDIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
sdk=sdk/python

if [ -n "${PYTHON:-}" ]; then
  python=$PYTHON
else
  python=
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import build, setuptools, wheel' 2>/dev/null; then python=$candidate; break; fi
  done
  [ -n "$python" ] || { echo "no python3 with the build, setuptools and wheel modules (apt-get install python3-build python3-setuptools python3-wheel)" >&2; exit 1; }
fi

# Built from a copy: setuptools writes build/ and *.egg-info next to the sources, and a copy leaves out whatever a
# previous build or import left in sdk/python (the patterns of its .gitignore).
work=$(mktemp -d -t confluentflink-python-package-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
tar -C "$sdk" --exclude-from="$sdk/.gitignore" -cf - . | tar -C "$work/src" -xf -

"$python" -m build --no-isolation --sdist --wheel --outdir "$work/dist" "$work/src" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "building the Python SDK failed" >&2; exit 1; }

built=("$work"/dist/*)
[ ${#built[@]} -eq 2 ] || { echo "expected an sdist and a wheel, the build wrote: ${built[*]##*/}" >&2; exit 1; }
cp "${built[@]}" "$out/"
for file in "${built[@]}"; do echo "${file##*/}"; done
