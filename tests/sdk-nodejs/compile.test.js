'use strict';
// sdk/nodejs compiles with tsc --strict against the real @pulumi/pulumi, and programs written against it type-check:
// this folder's program, the same program with a type that is neither a string nor a ConnectionType (which must fail),
// examples/typescript, which depends on the SDK from the repository, and examples/typescript-confluentcloud, which
// also uses the real @pulumi/confluentcloud (and must fail with a misspelt property of either package).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { stripVTControlCharacters } = require('node:util');
const { buildSdk, typeCheck, repoRoot, packageJson } = require('./sdk-build.js');

const programDir = path.join(__dirname, 'program');
const exampleDir = path.join(repoRoot, 'examples', 'typescript');
const confluentcloudExampleDir = path.join(repoRoot, 'examples', 'typescript-confluentcloud');
const read = (dir, file) => fs.readFileSync(path.join(dir, file), 'utf8');
/** The files typeCheck needs of a program folder, with index.ts replaced when given. */
const programFiles = (dir, index = read(dir, 'index.ts')) => ({ 'index.ts': index, 'tsconfig.json': read(dir, 'tsconfig.json') });

/** The program with `from` (which must occur exactly once) replaced by `to`. */
function replaceOnce(program, from, to) {
  assert.equal(program.split(from).length, 2, `the program holds ${JSON.stringify(from)} exactly once`);
  return program.replace(from, to);
}

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
  const result = typeCheck(workspace, 'program', programFiles(programDir));
  assert.equal(result.status, 0, result.output);
});

test('a type that is neither a string nor a ConnectionType does not type-check', () => {
  const { workspace } = buildSdk();
  const broken = replaceOnce(read(programDir, 'index.ts'), 'type: "OPENAI",', 'type: 42,');
  const result = typeCheck(workspace, 'program-wrong-type', programFiles(programDir, broken));
  assert.notEqual(result.status, 0);
  assert.match(result.output, /index\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'Input<string>/);
});

test('examples/typescript type-checks against the SDK it depends on', () => {
  const example = JSON.parse(read(exampleDir, 'package.json'));
  assert.equal(example.dependencies[packageJson.name], 'file:../../sdk/nodejs/bin',
    'the example depends on the SDK built from this repository');
  const { workspace } = buildSdk();
  const result = typeCheck(workspace, 'example', programFiles(exampleDir));
  assert.equal(result.status, 0, result.output);
});

test('examples/typescript-confluentcloud type-checks against the @pulumi/confluentcloud it names and the SDK', () => {
  const example = JSON.parse(read(confluentcloudExampleDir, 'package.json'));
  assert.equal(example.dependencies[packageJson.name], 'file:../../sdk/nodejs/bin',
    'the example depends on the SDK built from this repository');
  const confluentcloudVersion = require('@pulumi/confluentcloud/package.json').version;
  assert.equal(confluentcloudVersion, '2.82.0');
  assert.equal(example.dependencies['@pulumi/confluentcloud'], confluentcloudVersion,
    'the example names the @pulumi/confluentcloud it is checked against');
  const { workspace } = buildSdk();
  const result = typeCheck(workspace, 'example-confluentcloud', programFiles(confluentcloudExampleDir));
  assert.equal(result.status, 0, result.output);
});

test('in examples/typescript-confluentcloud, a misspelt property of either package does not type-check', () => {
  const { workspace } = buildSdk();
  const program = read(confluentcloudExampleDir, 'index.ts');
  // The Terraform name of a Flink setting, in the object both the connection and the statement take.
  const terraformName = replaceOnce(program, 'restEndpoint: flinkRegion.restEndpoint,', 'rest_endpoint: flinkRegion.restEndpoint,');
  // The shape of the Flink API key example in @pulumi/confluentcloud's own doc comment; its type has `environment`.
  const broken = replaceOnce(terraformName,
    'kind: flinkRegion.kind,\n        environment: { id: environment.id },',
    'kind: flinkRegion.kind,\n        environments: [{ id: environment.id }],');
  const result = typeCheck(workspace, 'example-confluentcloud-misspelt', programFiles(confluentcloudExampleDir, broken));
  const output = stripVTControlCharacters(result.output);
  assert.notEqual(result.status, 0);
  assert.match(output, /index\.ts:\d+:\d+ - error TS2561: Object literal may only specify known properties, but 'rest_endpoint' does not exist in type 'Partial<FlinkConnectionArgs>'\. Did you mean to write 'restEndpoint'\?/);
  assert.match(output, /index\.ts:\d+:\d+ - error TS2353: Object literal may only specify known properties, and 'environments' does not exist in type 'ApiKeyManagedResource/);
  assert.match(output, /Found 2 errors/);
});
