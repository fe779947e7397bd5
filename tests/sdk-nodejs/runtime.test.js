'use strict';
// The program in ./program, compiled against the built SDK, runs on @pulumi/pulumi's own Node runtime with its mocks.
// The mock monitor's requests are recorded, so the checks see what the runtime would send the engine: the type tokens,
// the inputs as serialised (secrets wrapped), the secret outputs and replace-on-change paths the SDK asks for, the
// plugin version and download URL, and the provider settings read from config and the environment.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { buildSdk, typeCheck, packageJson } = require('./sdk-build.js');

const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
const SIG = '4dabf18193072939515e22adb298388d';
const RESOURCE = 'confluentflink:index:FlinkConnection';
const PROVIDER = 'pulumi:providers:confluentflink';
const FUNCTION = 'confluentflink:index:getFlinkConnection';
const LIST_FUNCTION = 'confluentflink:index:getFlinkConnections';
const CREDENTIAL_OUTPUTS = ['apiKey', 'awsAccessKey', 'awsSecretKey', 'awsSessionToken', 'bearerToken', 'password', 'serviceKey', 'username'];
const REPLACE_ON_CHANGES = ['displayName', 'endpoint', 'environment', 'organization', 'restEndpoint', 'type'];

const isSecret = (value) => value !== null && typeof value === 'object' && value[SIG] === SECRET_SIG;
const reveal = (value) => (isSecret(value) ? value.value : value);
const known = (output) => new Promise((resolve) => output.apply(resolve));

/** Runs the program once with mocks; resolves to what the monitor received and the program's exports. */
async function runProgram() {
  const build = buildSdk();
  assert.equal(build.compile.status, 0, build.compile.output);
  const programDir = path.join(__dirname, 'program');
  const compiled = typeCheck(build.workspace, 'program', {
    'index.ts': fs.readFileSync(path.join(programDir, 'index.ts'), 'utf8'),
    'tsconfig.json': fs.readFileSync(path.join(programDir, 'tsconfig.json'), 'utf8'),
  });
  assert.equal(compiled.status, 0, compiled.output);

  // Resolved from this folder's node_modules, the same copy the built SDK and the program load.
  const pulumi = require('@pulumi/pulumi');
  const settings = require('@pulumi/pulumi/runtime/settings');
  const registrations = [];
  const invokes = [];
  await pulumi.runtime.setMocks({
    newResource: (args) => ({
      id: `${args.name}-id`,
      state: { ...args.inputs, apiVersion: 'sql/v1', kind: 'Connection', status: { phase: 'READY' } },
    }),
    call: (args) => {
      invokes.push(args);
      const connection = (name) => ({
        id: `org/env/${name}`, displayName: name, type: 'OPENAI', endpoint: 'https://api.openai.com/v1/chat/completions', status: { phase: 'READY' },
      });
      return args.token === LIST_FUNCTION
        ? { connections: [connection('openai-chat'), connection('openai-embed')] }
        : { ...connection(args.inputs.displayName), apiVersion: 'sql/v1', kind: 'Connection' };
    },
  }, 'sdk-nodejs', 'test', false);
  // The mocks hand newResource only the name, type and inputs; the request itself carries the options.
  const monitor = settings.getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    registrations.push(request);
    return register(request, callback);
  };
  pulumi.runtime.setAllConfig({
    'sdk-nodejs:oauthClientSecret': 'oauth-client-secret-Qz1',
    'sdk-nodejs:awsAccessKey': 'AKIA-program-Lm4',
    'sdk-nodejs:awsSecretKey': 'aws-secret-program-Wp8',
    'confluentflink:organizationId': 'org-from-config',
  }, ['sdk-nodejs:oauthClientSecret', 'sdk-nodejs:awsAccessKey', 'sdk-nodejs:awsSecretKey']);
  process.env.CONFLUENT_ENVIRONMENT_ID = 'env-from-environment';
  process.env.FLINK_API_SECRET = 'flink-secret-from-environment-Tn6';

  const program = require(path.join(compiled.dir, 'bin', 'index.js'));
  await Promise.all([program.mcp, program.openai, program.bedrock, program.explicitProvider].map((r) => known(r.urn)));
  const lookup = await program.lookup;
  const lookupOutput = await known(program.lookupOutput);
  const listing = await program.openaiConnections;
  const byName = (type, name) => {
    const found = registrations.filter((r) => r.getType() === type && r.getName() === name);
    assert.equal(found.length, 1, `one registration of ${type} ${name}`);
    return found[0];
  };
  return { registrations, invokes, program, lookup, lookupOutput, listing, byName };
}

let run;
test.before(async () => { run = await runProgram(); });

test('connections register with the resource token and the inputs under their schema names', () => {
  const mcp = run.byName(RESOURCE, 'mcp').getObject().toJavaScript();
  assert.equal(mcp.type, 'MCP_SERVER');
  assert.equal(mcp.transportType, 'STREAMABLE_HTTP');
  assert.equal(mcp.endpoint, 'https://mcp.example.com/mcp');
  assert.deepEqual(Object.keys(mcp.oauth).sort(), ['clientId', 'clientSecret', 'scope', 'tokenEndpoint']);
  assert.equal(reveal(mcp.oauth.clientSecret), 'oauth-client-secret-Qz1');

  const openai = run.byName(RESOURCE, 'openai').getObject().toJavaScript();
  assert.deepEqual(Object.keys(openai).sort(), ['apiKey', 'displayName', 'endpoint', 'type']);
  assert.equal(openai.type, 'OPENAI');
  assert.equal(openai.displayName, 'openai-chat');

  const bedrock = run.byName(RESOURCE, 'bedrock');
  assert.deepEqual(bedrock.getObject().toJavaScript().environment, { id: 'env-per-resource' });
  assert.match(bedrock.getProvider(), new RegExp(`^urn:pulumi:test::sdk-nodejs::${PROVIDER}::explicit::explicit-id$`));
});

test('credential inputs are sent as secrets, even one the program gave in plain', () => {
  const openai = run.byName(RESOURCE, 'openai').getObject().toJavaScript();
  assert.ok(isSecret(openai.apiKey), JSON.stringify(openai.apiKey === undefined ? 'missing' : 'plain'));
  assert.equal(openai.apiKey.value, 'sk-program-plain-Xy7');
  const bedrock = run.byName(RESOURCE, 'bedrock').getObject().toJavaScript();
  assert.ok(isSecret(bedrock.awsAccessKey) && isSecret(bedrock.awsSecretKey));
});

test('the register request asks for every credential output to be secret and sends replaceOnChanges', () => {
  for (const name of ['mcp', 'openai', 'bedrock']) {
    const request = run.byName(RESOURCE, name);
    assert.deepEqual([...request.getAdditionalsecretoutputsList()].sort(), CREDENTIAL_OUTPUTS, name);
    assert.deepEqual([...request.getReplaceonchangesList()].sort(), REPLACE_ON_CHANGES, name);
  }
});

test('every registration pins the SDK version and the plugin download URL', () => {
  for (const request of run.registrations) {
    assert.equal(request.getVersion(), packageJson.version, request.getName());
    assert.equal(request.getPlugindownloadurl(), packageJson.pulumi.server, request.getName());
  }
  assert.ok(packageJson.pulumi.server.startsWith('github://'));
});

test('the provider sends its config, with environment defaults and the secret marked secret', () => {
  const provider = run.byName(PROVIDER, 'explicit').getObject().toJavaScript();
  assert.equal(provider.organizationId, 'org-explicit');
  assert.equal(provider.flinkApiKey, 'explicit-key');
  assert.equal(provider.environmentId, 'env-from-environment');
  assert.ok(isSecret(provider.flinkApiSecret), 'flinkApiSecret from FLINK_API_SECRET is sent as a secret');
  assert.equal(provider.flinkApiSecret.value, 'flink-secret-from-environment-Tn6');
  assert.equal(provider.maxRetries, '4', 'non-string provider config is sent JSON-encoded');
  assert.equal(provider.flinkPrincipalId, undefined, 'an unset variable leaves the input unset');
});

test('the package config keys are read from stack config, then the environment, then the schema default', () => {
  assert.deepEqual(run.program.settings, {
    organizationId: 'org-from-config',
    environmentId: 'env-from-environment',
    maxRetries: 4,
  });
});

test('getFlinkConnection and getFlinkConnectionOutput invoke the function token with its inputs', () => {
  const lookups = run.invokes.filter((i) => i.token !== LIST_FUNCTION);
  assert.deepEqual(lookups.map((i) => i.token), [FUNCTION, FUNCTION]);
  assert.deepEqual(lookups.map((i) => i.inputs.displayName).sort(), ['openai-chat', 'openai-chat']);
  assert.deepEqual(run.invokes.find((i) => i.inputs.environment)?.inputs.environment, { id: 'env-lookup' });
  assert.equal(run.lookup.type, 'OPENAI');
  assert.equal(run.lookupOutput.status.phase, 'READY');
});

test('getFlinkConnections invokes the listing with its filter and reads each connection of the answer', () => {
  assert.deepEqual(run.invokes.filter((i) => i.token === LIST_FUNCTION).map((i) => i.inputs), [{ type: 'OPENAI' }]);
  assert.deepEqual(run.listing.connections.map((c) => [c.displayName, c.id, c.status.phase]),
    [['openai-chat', 'org/env/openai-chat', 'READY'], ['openai-embed', 'org/env/openai-embed', 'READY']]);
});
