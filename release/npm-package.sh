#!/usr/bin/env bash
# The TypeScript SDK as the npm tarball `npm publish` would upload: bash release/npm-package.sh <output folder>
# (`make dist` calls it with dist/). It builds the package the way sdk/nodejs/README.md says, in a copy of sdk/nodejs
# so that a developer's bin/ and node_modules/ there stay as they are: `npm install`, `npm run build` (tsc into bin/),
# package.json and README.md copied beside the output, then `npm pack` of bin/. The package's root is that bin/
# folder (its package.json names no main, types or files: index.js and index.d.ts sit at the root), so the tarball
# holds the compiled .js and .d.ts and none of the .ts sources. Prints the tarball's path.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <output folder>" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root/sdk/nodejs" && tar --exclude=./bin --exclude=./node_modules -cf - .) | tar -xf - -C "$work"
cd "$work"
npm install --no-package-lock --no-audit --no-fund --loglevel=error >&2
npm run build --silent >&2
cp package.json README.md bin/
tarball=$(npm pack ./bin --pack-destination "$out" --loglevel=error)
echo "$out/$tarball"
