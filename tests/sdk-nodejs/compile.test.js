'use strict';
// sdk/nodejs compiles with tsc --strict against the real @pulumi/pulumi, and programs written against it type-check:
// this folder's program, the same program with a type that is neither a string nor a ConnectionType (which must fail),
// and examples/typescript, which depends on the SDK from the repository.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { buildSdk, typeCheck, repoRoot, packageJson } = require('./sdk-build.js');

const programDir = path.join(__dirname, 'program');
const exampleDir = path.join(repoRoot, 'examples', 'typescript');
const read = (dir, file) => fs.readFileSync(path.join(dir, file), 'utf8');

test('sdk/nodejs compiles with tsc --strict against @pulumi/pulumi', () => {
  const build = buildSdk();
  assert.equal(build.compile.status, 0, build.compile.output);
  assert.ok(fs.existsSync(path.join(build.packageDir, 'index.js')));
  assert.ok(fs.existsSync(path.join(build.packageDir, 'index.d.ts')));
  const pulumiVersion = require('@pulumi/pulumi/package.json').version;
  assert.equal(pulumiVersion, '3.248.0');
});

test('a program sets the type as a ConnectionType constant or as its string value', () => {
  const { workspace } = buildSdk();
  const result = typeCheck(workspace, 'program', { 'index.ts': read(programDir, 'index.ts'), 'tsconfig.json': read(programDir, 'tsconfig.json') });
  assert.equal(result.status, 0, result.output);
});

test('a type that is neither a string nor a ConnectionType does not type-check', () => {
  const { workspace } = buildSdk();
  const program = read(programDir, 'index.ts');
  const broken = program.replace('type: "OPENAI",', 'type: 42,');
  assert.notEqual(broken, program, 'the program no longer sets type: "OPENAI"');
  const result = typeCheck(workspace, 'program-wrong-type', { 'index.ts': broken, 'tsconfig.json': read(programDir, 'tsconfig.json') });
  assert.notEqual(result.status, 0);
  assert.match(result.output, /index\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'Input<string>/);
});

test('examples/typescript type-checks against the SDK it depends on', () => {
  const example = JSON.parse(read(exampleDir, 'package.json'));
  assert.equal(example.dependencies[packageJson.name], 'file:../../sdk/nodejs/bin',
    'the example depends on the SDK built from this repository');
  const { workspace } = buildSdk();
  const result = typeCheck(workspace, 'example', { 'index.ts': read(exampleDir, 'index.ts'), 'tsconfig.json': read(exampleDir, 'tsconfig.json') });
  assert.equal(result.status, 0, result.output);
});
