'use strict';
// Wire compatibility: the plugin driven through @pulumi/pulumi's own generated stubs (provider_grpc_pb.js,
// provider_pb.js, engine_grpc_pb.js) and google-protobuf's Struct, so our .proto files are checked against
// Pulumi's encoding rather than against themselves.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js');
const provider = require('@pulumi/pulumi/proto/provider_pb.js');
const { startPlugin, startEmulator, startEngine, secret, isSecret, UNKNOWN, Empty } = require('./support.js');

const TYPE = 'confluentflink:index:FlinkConnection';
const urnOf = (name) => `urn:pulumi:dev::wire::${TYPE}::${name}`;
const PROVIDER_URN = 'urn:pulumi:dev::wire::pulumi:providers:confluentflink::default';
// Organization ids are UUIDs; the plugin refuses any other form.
const ORG = '1111aaaa-11aa-11aa-11aa-111111aaaaaa';
const API_KEY = 'emulator-key';
const API_SECRET = 'emulator-secret';
const OPENAI_KEY = 'sk-wire-test-openai-Vb7';
const ROTATED_KEY = 'sk-wire-test-rotated-Qm3';

const struct = (object) => Struct.fromJavaScript(object);

function checkRequest(urn, olds, news) {
  const request = new provider.CheckRequest();
  request.setUrn(urn);
  request.setType(urn === PROVIDER_URN ? 'pulumi:providers:confluentflink' : TYPE);
  request.setOlds(struct(olds));
  request.setNews(struct(news));
  return request;
}

function diffRequest(id, olds, oldInputs, news) {
  const request = new provider.DiffRequest();
  request.setId(id);
  request.setUrn(urnOf('c1'));
  request.setType(TYPE);
  request.setOlds(struct(olds));
  request.setOldInputs(struct(oldInputs));
  request.setNews(struct(news));
  return request;
}

function configureRequest(args) {
  const request = new provider.ConfigureRequest();
  request.setArgs(struct(args));
  request.setAcceptsecrets(true);
  request.setAcceptresources(true);
  return request;
}

test('boot: stdout is only the port, Log calls reach an engine served by Pulumi\'s stubs', async (t) => {
  const engine = await startEngine();
  const plugin = await startPlugin({ engineAddress: engine.address, flags: ['--logtostderr', '-v=9'] });
  t.after(async () => { await plugin.stop(); await engine.stop(); });

  await plugin.call('cancel', new Empty());
  for (let i = 0; i < 100 && !engine.logs.some((l) => l.message.includes('cancelled')); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }

  assert.equal(plugin.stdout, `${plugin.port}\n`);
  const log = engine.logs.find((l) => l.message.includes('cancelled'));
  assert.ok(log, `no Log call; received ${JSON.stringify(engine.logs)}`);
  assert.equal(log.severity, 1); // INFO
  assert.equal(log.ephemeral, false);
});

test('GetPluginInfo, GetSchema, Handshake, CheckConfig and Configure', async (t) => {
  const plugin = await startPlugin();
  t.after(() => plugin.stop());

  const info = await plugin.call('getPluginInfo', new Empty());
  assert.match(info.getVersion(), /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);

  const schema = JSON.parse((await plugin.call('getSchema', new provider.GetSchemaRequest())).getSchema());
  assert.equal(schema.name, 'confluentflink');
  assert.ok(schema.resources[TYPE], 'the schema declares FlinkConnection');

  const handshake = await plugin.call('handshake', new provider.ProviderHandshakeRequest());
  assert.deepEqual([handshake.getAcceptSecrets(), handshake.getAcceptResources(), handshake.getAcceptOutputs()], [true, true, false]);

  const config = { organizationId: ORG, flinkApiSecret: secret(API_SECRET), version: '0.1.0' };
  const checked = await plugin.call('checkConfig', checkRequest(PROVIDER_URN, {}, config));
  assert.deepEqual(checked.getFailuresList(), []);
  assert.ok(isSecret(checked.getInputs().toJavaScript().flinkApiSecret), 'a secret config input stays secret');

  const badConfig = await plugin.call('checkConfig', checkRequest(PROVIDER_URN, {}, { maxRetries: 'many' }));
  assert.deepEqual(badConfig.getFailuresList().map((f) => f.getProperty()), ['maxRetries']);

  const configured = await plugin.call('configure', configureRequest(config));
  assert.deepEqual(
    [configured.getAcceptsecrets(), configured.getSupportspreview(), configured.getAcceptresources(), configured.getAcceptoutputs()],
    [true, true, true, false]);
});

test('Check reports every failure on its property path and accepts unknowns', async (t) => {
  const plugin = await startPlugin({ env: { FLINK_API_KEY: '', FLINK_API_SECRET: '' } });
  t.after(() => plugin.stop());
  await plugin.call('configure', configureRequest({
    organizationId: ORG, environmentId: 'env-1', flinkComputePoolId: 'lfcp-1', flinkPrincipalId: 'sa-1',
    flinkRestEndpoint: 'http://127.0.0.1:9', flinkApiKey: API_KEY, flinkApiSecret: secret(API_SECRET),
  }));

  const bad = await plugin.call('check', checkRequest(urnOf('c1'), {}, { displayName: 'c1', type: 'NOPE', endpoint: 'not a url' }));
  const paths = bad.getFailuresList().map((f) => f.getProperty());
  assert.ok(paths.includes('type'), `failures: ${paths}`);
  assert.ok(paths.includes('endpoint'), `failures: ${paths}`);

  const unknowns = await plugin.call('check', checkRequest(urnOf('c2'), {},
    { displayName: 'c2', type: 'OPENAI', endpoint: UNKNOWN, apiKey: secret(UNKNOWN) }));
  assert.deepEqual(unknowns.getFailuresList().map((f) => f.getReason()), []);
});

test('autonaming: the capability, and the name, seed and options as Pulumi\'s stubs encode them', async (t) => {
  const plugin = await startPlugin();
  t.after(() => plugin.stop());

  const handshake = await plugin.call('handshake', new provider.ProviderHandshakeRequest());
  assert.equal(handshake.getSupportsAutonamingConfiguration(), true);
  const configured = await plugin.call('configure', configureRequest({
    organizationId: ORG, environmentId: 'env-1', flinkComputePoolId: 'lfcp-1', flinkPrincipalId: 'sa-1',
    flinkRestEndpoint: 'http://127.0.0.1:9', flinkApiKey: API_KEY, flinkApiSecret: secret(API_SECRET),
  }));
  assert.equal(configured.getSupportsAutonamingConfiguration(), true);

  const Mode = provider.CheckRequest.AutonamingOptions.Mode;
  const unnamed = { type: 'OPENAI', endpoint: 'https://api.openai.com/v1/chat/completions', apiKey: secret(OPENAI_KEY) };
  async function check(name, seed, mode, proposed) {
    const request = checkRequest(urnOf(name), {}, unnamed);
    request.setName(name);
    request.setRandomseed(Uint8Array.from(seed));
    if (mode !== undefined) {
      const options = new provider.CheckRequest.AutonamingOptions();
      options.setMode(mode);
      options.setProposedName(proposed);
      request.setAutonaming(options);
    }
    const response = await plugin.call('check', request);
    return { name: response.getInputs()?.toJavaScript().displayName, failures: response.getFailuresList().map((f) => f.getProperty()) };
  }

  const generated = await check('Wire_Conn', [1, 2, 3]);
  assert.match(generated.name, /^wire-conn-[a-z0-9]{7}$/);
  assert.equal((await check('Wire_Conn', [1, 2, 3])).name, generated.name, 'the same seed, the same name');
  assert.notEqual((await check('Wire_Conn', [4, 5, 6])).name, generated.name, 'another seed, another name');
  assert.equal((await check('c', [1], Mode.ENFORCE, 'wire-enforced')).name, 'wire-enforced');
  assert.equal((await check('c', [1], Mode.PROPOSE, 'Wire Proposed')).name, 'wire-proposed');
  assert.deepEqual((await check('c', [1], Mode.DISABLE, '')).failures, ['displayName']);
});

test('create, read, diff, import and delete against the emulator', async (t) => {
  const emulator = await startEmulator();
  // API_KEY is the variable an import reads an OPENAI credential from: the API never returns it.
  const plugin = await startPlugin({ env: { FLINK_API_KEY: '', FLINK_API_SECRET: '', API_KEY: OPENAI_KEY } });
  t.after(async () => { await plugin.stop(); await emulator.stop(); });

  await plugin.call('configure', configureRequest({
    organizationId: ORG, environmentId: 'env-wire', flinkComputePoolId: 'lfcp-wire', flinkPrincipalId: 'sa-wire',
    flinkRestEndpoint: emulator.baseUrl, flinkApiKey: API_KEY, flinkApiSecret: secret(API_SECRET),
  }));
  const news = { displayName: 'wire-c1', type: 'OPENAI', endpoint: 'https://api.openai.com/v1/chat/completions', apiKey: OPENAI_KEY };

  const checked = await plugin.call('check', checkRequest(urnOf('c1'), {}, news));
  assert.deepEqual(checked.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`), []);
  const inputs = checked.getInputs().toJavaScript();

  const preview = new provider.CreateRequest();
  preview.setUrn(urnOf('c1')); preview.setType(TYPE); preview.setProperties(struct(inputs)); preview.setPreview(true);
  await plugin.call('create', preview);

  const create = new provider.CreateRequest();
  create.setUrn(urnOf('c1')); create.setType(TYPE); create.setProperties(struct(inputs));
  const created = await plugin.call('create', create);
  const id = created.getId();
  assert.equal(id, `${ORG}/env-wire/wire-c1`);
  const outputs = created.getProperties().toJavaScript();
  assert.ok(isSecret(outputs.apiKey), 'apiKey comes back as a secret although it was sent in plain');
  assert.equal(outputs.displayName, 'wire-c1');

  const read = new provider.ReadRequest();
  read.setId(id); read.setUrn(urnOf('c1')); read.setType(TYPE);
  read.setProperties(struct(outputs)); read.setInputs(struct(inputs));
  const refreshed = await plugin.call('read', read);
  assert.equal(refreshed.getId(), id);
  assert.equal(refreshed.getProperties().toJavaScript().endpoint, news.endpoint);

  const same = await plugin.call('diff', diffRequest(id, outputs, inputs, inputs));
  assert.equal(same.getChanges(), provider.DiffResponse.DiffChanges.DIFF_NONE);

  const rotated = await plugin.call('diff', diffRequest(id, outputs, inputs, { ...inputs, apiKey: ROTATED_KEY }));
  assert.equal(rotated.getChanges(), provider.DiffResponse.DiffChanges.DIFF_SOME);
  assert.deepEqual(rotated.getReplacesList(), []);

  const moved = await plugin.call('diff', diffRequest(id, outputs, inputs, { ...inputs, endpoint: 'https://example.com/v2' }));
  assert.equal(moved.getChanges(), provider.DiffResponse.DiffChanges.DIFF_SOME);
  assert.deepEqual(moved.getReplacesList(), ['endpoint']);
  assert.equal(moved.getDeletebeforereplace(), true);
  assert.equal(moved.getHasdetaileddiff(), true);
  assert.equal(moved.getDetaileddiffMap().get('endpoint').getKind(), provider.PropertyDiff.Kind.UPDATE_REPLACE);

  // Import: only the id, properties and inputs absent; the credential comes from its import variable.
  const imported = new provider.ReadRequest();
  imported.setId(id); imported.setUrn(urnOf('c1')); imported.setType(TYPE);
  const importResult = await plugin.call('read', imported);
  assert.equal(importResult.getId(), id);
  assert.ok(importResult.getInputs(), 'import returns inputs');
  assert.equal(importResult.getInputs().toJavaScript().displayName, 'wire-c1');
  const afterImport = await plugin.call('diff', diffRequest(id, importResult.getProperties().toJavaScript(),
    importResult.getInputs().toJavaScript(), inputs));
  assert.equal(afterImport.getChanges(), provider.DiffResponse.DiffChanges.DIFF_NONE, 'the program matches the import');

  const del = new provider.DeleteRequest();
  del.setId(id); del.setUrn(urnOf('c1')); del.setType(TYPE);
  del.setProperties(struct(outputs)); del.setOldInputs(struct(inputs));
  await plugin.call('delete', del);

  const gone = await plugin.call('read', read);
  assert.equal(gone.getId(), '', 'a deleted connection reads as gone');

  for (const value of [API_SECRET, OPENAI_KEY, ROTATED_KEY]) {
    assert.ok(!plugin.stdout.includes(value) && !plugin.stderr.includes(value), 'a secret reached the plugin output');
    assert.ok(!JSON.stringify(moved.toObject()).includes(value), 'a secret reached a diff');
  }
});
