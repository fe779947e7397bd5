'use strict';
// Starts the published plugin and the Flink API emulator the way the Pulumi engine and a user would,
// and wraps @pulumi/pulumi's own generated gRPC stubs in promises.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const providerGrpc = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const engineGrpc = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');

const repoRoot = path.resolve(__dirname, '..', '..');
const pluginBinary = path.join(repoRoot, 'bin', 'pulumi-resource-confluentflink');
const emulatorBinary = path.join(repoRoot, 'bin', 'emulator', 'ConfluentFlink.FlinkApiEmulator');

const SIG = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** Spawns an executable and resolves with its first stdout line; all output is kept on the handle. */
function startProcess(binary, args, env, buildHint) {
  if (!fs.existsSync(binary)) {
    throw new Error(`${binary} does not exist: run \`${buildHint}\` first`);
  }
  const child = spawn(binary, args, { env: { ...process.env, ...env }, cwd: require('node:os').tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  const handle = { child, stdout: '', stderr: '' };
  child.stderr.setEncoding('utf8').on('data', (d) => { handle.stderr += d; });
  const firstLine = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${binary} printed no line within 10 s; stderr:\n${handle.stderr}`)), 10_000);
    child.stdout.setEncoding('utf8').on('data', (d) => {
      handle.stdout += d;
      const newline = handle.stdout.indexOf('\n');
      if (newline >= 0) { clearTimeout(timer); resolve(handle.stdout.slice(0, newline)); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${binary} exited with ${code}; stderr:\n${handle.stderr}`)); });
  });
  handle.firstLine = firstLine;
  handle.stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
  return handle;
}

/** Calls a unary method of a grpc-js client as a promise. */
function call(client, method, request) {
  return new Promise((resolve, reject) => {
    client[method](request, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

/** The plugin, started with the engine address (if any) as its last argument; resolves once its port is read. */
async function startPlugin({ engineAddress, flags = [], env = {} } = {}) {
  const args = [...flags, ...(engineAddress ? [engineAddress] : [])];
  const handle = startProcess(pluginBinary, args, env, 'make provider');
  const line = await handle.firstLine;
  if (!/^\d+$/.test(line)) {
    await handle.stop();
    throw new Error(`the plugin's first stdout line is not a port: ${JSON.stringify(line)}`);
  }
  handle.port = Number(line);
  handle.client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${handle.port}`, grpc.credentials.createInsecure());
  handle.call = (method, request) => call(handle.client, method, request);
  const stopProcess = handle.stop;
  handle.stop = async () => { handle.client.close(); await stopProcess(); };
  return handle;
}

/** The Flink API emulator; resolves with its base URL. */
async function startEmulator(env = {}) {
  const handle = startProcess(emulatorBinary, [], env, 'make emulator-bin');
  handle.baseUrl = await handle.firstLine;
  return handle;
}

/** A pulumirpc.Engine served by @pulumi/pulumi's own stubs, recording Log calls. */
async function startEngine() {
  const server = new grpc.Server();
  const logs = [];
  const unimplemented = (_, callback) => callback({ code: grpc.status.UNIMPLEMENTED });
  server.addService(engineGrpc.EngineService, {
    log: (request, callback) => { logs.push(request.request.toObject()); callback(null, new Empty()); },
    getRootResource: unimplemented,
    setRootResource: unimplemented,
    startDebugging: unimplemented,
    requirePulumiVersion: unimplemented,
  });
  const port = await new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { address: `127.0.0.1:${port}`, logs, stop: () => new Promise((resolve) => server.tryShutdown(resolve)) };
}

/** Pulumi's secret wrapper around a plain JavaScript value. */
const secret = (value) => ({ [SIG]: SECRET_SIG, value });
const isSecret = (value) => value !== null && typeof value === 'object' && value[SIG] === SECRET_SIG;

module.exports = { startPlugin, startEmulator, startEngine, secret, isSecret, UNKNOWN, Empty };
