'use strict';
// The npm tarball that `make dist` writes (release/npm-package.sh), as a user meets it: packed into an empty folder,
// installed with `npm install ./<tgz>` into an empty project together with @pulumi/pulumi, typescript and @types/node
// from the registry (the versions this folder pins), then ./program compiled against the installed package with that
// project's own tsc --strict, and the package loaded by Node from its entry point.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTsc, repoRoot, packageJson } = require('./sdk-build.js');

const toolchain = require('./package.json').dependencies;
const script = path.join(repoRoot, 'release', 'npm-package.sh');
// npm's file name for a scoped package: the scope without its @, a dash, the name.
const tarballName = `${packageJson.name.replace(/^@/, '').replace('/', '-')}-${packageJson.version}.tgz`;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

let tmp;
let packed;
let project;
test.before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'confluentflink-npm-package-'));
  packed = path.join(tmp, 'packed');
  project = path.join(tmp, 'project');
  run('bash', [script, packed], tmp);
  fs.mkdirSync(project);
  fs.copyFileSync(path.join(packed, tarballName), path.join(project, tarballName));
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-the-tarball', private: true }));
  const fromRegistry = ['@pulumi/pulumi', 'typescript', '@types/node'].map((name) => `${name}@${toolchain[name]}`);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${tarballName}`, ...fromRegistry], project);
});
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the script writes one tarball, named by npm after the package and its version', () => {
  assert.deepEqual(fs.readdirSync(packed), [tarballName]);
});

test('the tarball holds the compiled package: .js and .d.ts, package.json and README, and no .ts source', () => {
  const entries = run('tar', ['-tzf', path.join(packed, tarballName)], tmp).split('\n').filter(Boolean);
  assert.deepEqual(entries.filter((e) => e.endsWith('.ts') && !e.endsWith('.d.ts')), []);
  for (const file of ['package.json', 'README.md', 'index.js', 'index.d.ts', 'flinkConnection.js', 'flinkConnection.d.ts', 'types/input.d.ts']) {
    assert.ok(entries.includes(`package/${file}`), `package/${file} in ${entries.join(', ')}`);
  }
});

test('the installed package keeps the plugin manifest the engine reads', () => {
  const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', ...packageJson.name.split('/'), 'package.json'), 'utf8'));
  assert.equal(installed.version, packageJson.version);
  assert.deepEqual(installed.pulumi, packageJson.pulumi);
});

test('a program compiles with tsc --strict against the package installed from the tarball', () => {
  const programDir = path.join(__dirname, 'program');
  for (const file of ['index.ts', 'tsconfig.json']) fs.copyFileSync(path.join(programDir, file), path.join(project, file));
  const projectTsc = path.join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = runTsc(['--strict', '-p', path.join(project, 'tsconfig.json')], project, projectTsc);
  assert.equal(result.status, 0, result.output);
  assert.ok(fs.existsSync(path.join(project, 'bin', 'index.js')));
});

test('Node loads the installed package from its entry point, with the resource, provider, function and enums', () => {
  const exported = run(process.execPath, ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(packageJson.name)}))))`], project);
  const names = JSON.parse(exported);
  for (const name of ['FlinkConnection', 'Provider', 'getFlinkConnection', 'getFlinkConnectionOutput', 'getFlinkConnections', 'ConnectionType', 'TransportType', 'config', 'types']) {
    assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  }
});
