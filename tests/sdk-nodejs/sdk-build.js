'use strict';
// Builds sdk/nodejs the way the package is published: tsc --strict over a copy of its sources, with the output in a
// node_modules folder next to the test programs (so `import ... from "@confluentflink/pulumi-confluentflink"` finds it)
// together with its package.json, which getVersion() reads. @pulumi/pulumi, @pulumi/confluentcloud, typescript and
// @types/node come from this folder's node_modules (npm ci, pinned by package-lock.json).
//
// Every folder made here is named by a hash of what it is made from and appears in one rename once complete, so test
// files that run one after another build once, test files that run at the same time do not trip over each other, and
// a stale build is never reused.
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const sdkSource = path.join(repoRoot, 'sdk', 'nodejs');
const buildRoot = path.join(__dirname, '.build');
const tsc = path.join(__dirname, 'node_modules', 'typescript', 'bin', 'tsc');
const packageJson = JSON.parse(fs.readFileSync(path.join(sdkSource, 'package.json'), 'utf8'));

/** Every file of the committed SDK, relative to sdk/nodejs, build output and installed packages excluded. */
function sdkFiles(dir = sdkSource) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return dir === sdkSource && ['bin', 'node_modules'].includes(entry.name) ? [] : sdkFiles(full);
    return [path.relative(sdkSource, full)];
  }).sort();
}

function hashOf(files) {
  const hash = crypto.createHash('sha256');
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) hash.update(name).update('\0').update(text).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Runs tsc (this folder's, unless another is given) with the given arguments; returns its exit status and output. */
function runTsc(args, cwd, compiler = tsc) {
  const result = spawnSync(process.execPath, [compiler, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Makes <target> with fill(tmp) unless it exists; fill returns what is recorded (and returned) as the result. */
function once(target, fill) {
  const resultFile = path.join(target, 'build-result.json');
  if (!fs.existsSync(resultFile)) {
    const tmp = `${target}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'build-result.json'), JSON.stringify(fill(tmp)));
    try {
      fs.renameSync(tmp, target);
    } catch (error) {
      // Another test file made it first.
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
}

/** The built SDK for the current sources: the workspace programs are checked in, and the package folder in it. */
function buildSdk() {
  const sources = Object.fromEntries(sdkFiles().map((f) => [f, fs.readFileSync(path.join(sdkSource, f), 'utf8')]));
  // The toolchain is part of what a build is made from.
  const lockfile = fs.readFileSync(path.join(__dirname, 'package-lock.json'), 'utf8');
  const workspace = path.join(buildRoot, `sdk-${hashOf({ ...sources, '\0package-lock.json': lockfile })}`);
  const packagePath = ['node_modules', ...packageJson.name.split('/')];
  const compile = once(workspace, (dir) => {
    for (const [file, text] of Object.entries(sources)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'src', file)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', file), text);
    }
    const packageDir = path.join(dir, ...packagePath);
    const result = runTsc(['--strict', '-p', path.join(dir, 'src', 'tsconfig.json'), '--outDir', packageDir], dir);
    fs.mkdirSync(packageDir, { recursive: true });
    for (const file of ['package.json', 'README.md']) fs.copyFileSync(path.join(dir, 'src', file), path.join(packageDir, file));
    return result;
  });
  return { workspace, packageDir: path.join(workspace, ...packagePath), compile };
}

/**
 * Type-checks (and compiles, where its tsconfig says so) a TypeScript program inside the build workspace, where it
 * resolves the built SDK by its package name. Returns tsc's status and output, and the program's folder.
 */
function typeCheck(workspace, name, files) {
  const dir = path.join(workspace, `${name}-${hashOf(files)}`);
  const result = once(dir, (tmp) => {
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(tmp, file), text);
    return runTsc(['--strict', '-p', path.join(tmp, 'tsconfig.json')], tmp);
  });
  return { ...result, dir };
}

module.exports = { buildSdk, typeCheck, runTsc, repoRoot, packageJson };
