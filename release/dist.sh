#!/usr/bin/env bash
# `make dist`: the files of a release, in dist/. One archive per platform, named as the engine looks it up in the
# GitHub release that schema.json's pluginDownloadURL points at, with only the executable at its root; the debug
# symbols in an archive of their own; a sha256sum line beside each archive. The version is schema.json's. The SDKs'
# packages (the TypeScript SDK's npm tarball, the Python SDK's sdist and wheel) go to dist/sdk/, apart from the plugin's.
# How each platform is compiled (Native AOT for this machine's, trimmed single-file elsewhere) is the provider
# project's choice; see its RuntimeIdentifier property groups.
set -euo pipefail
cd "$(dirname "$0")/.."

name=pulumi-resource-confluentflink
version=$(grep -m1 -o '"version": *"[^"]*"' schema.json | cut -d'"' -f4)
dist=$PWD/dist
# Build outputs, apart from bin/ and the projects' own obj/ so that a release build leaves the dev build untouched.
work=$PWD/obj/dist
# Pulumi's <os>-<arch> of each platform, and .NET's runtime identifier for it.
platforms=(linux-amd64=linux-x64 linux-arm64=linux-arm64 darwin-amd64=osx-x64 darwin-arm64=osx-arm64 windows-amd64=win-x64 windows-arm64=win-arm64)

rm -rf "$dist" "$work/publish" "$work/symbols"
mkdir -p "$dist" "$work/symbols"
for entry in "${platforms[@]}"; do
  platform=${entry%%=*} rid=${entry#*=}
  out=$work/publish/$platform
  exe=$name; [[ $platform == windows-* ]] && exe=$name.exe
  echo "=== $platform ($rid)"
  start=$SECONDS
  dotnet publish provider/Provider/ConfluentFlink.Provider.csproj -c Release -r "$rid" -o "$out" \
    --artifacts-path "$work/artifacts" -nologo -v quiet -clp:ErrorsOnly
  mkdir -p "$work/symbols/$platform"
  find "$out" -maxdepth 1 -type f \( -name '*.pdb' -o -name '*.dbg' \) -exec mv -t "$work/symbols/$platform" {} +
  # The archive is the executable alone: anything else the publish wrote would be missing after an install.
  extra=$(find "$out" -mindepth 1 ! -name "$exe")
  [ -z "$extra" ] || { echo "unexpected files beside the executable:"$'\n'"$extra" >&2; exit 1; }
  chmod 0755 "$out/$exe"
  tar -czf "$dist/$name-v$version-$platform.tar.gz" --owner=0 --group=0 --numeric-owner -C "$out" "$exe"
  echo "$platform: $(du -h "$dist/$name-v$version-$platform.tar.gz" | cut -f1) in $((SECONDS - start)) s"
done
tar -czf "$dist/$name-v$version-symbols.tar.gz" --owner=0 --group=0 --numeric-owner -C "$work/symbols" $(ls "$work/symbols")
(cd "$dist" && for archive in *.tar.gz; do sha256sum "$archive" > "$archive.sha256"; done)

# The SDKs as packages: the npm tarball for `npm publish`, the sdist and wheel for `twine upload` (each script also runs alone).
echo "=== SDK packages"
bash release/npm-package.sh "$dist/sdk"
bash release/python-package.sh "$dist/sdk"

ls -lR "$dist"
