// One OPENAI connection; the Flink settings come from provider config or env vars (provider settings).
// The SDK is this repository's sdk/nodejs, built to sdk/nodejs/bin (see README).
import * as pulumi from "@pulumi/pulumi";
import * as confluentflink from "@confluentflink/pulumi-confluentflink";

const config = new pulumi.Config();

// No displayName: the provider names the connection "openai-<7 characters>" and keeps that name on later updates.
// A change that replaces it (a new endpoint, say) creates the replacement under a new name before deleting this one.
const openai = new confluentflink.FlinkConnection("openai", {
    // A ConnectionType constant; the plain string "OPENAI" is accepted too.
    type: confluentflink.ConnectionType.OpenAI,
    endpoint: "https://api.openai.com/v1/chat/completions",
    // A secret config value stays encrypted in the stack's config and state.
    apiKey: config.requireSecret("openaiApiKey"),
});

export const connectionId = openai.id;
// The generated name, for Flink SQL statements that use the connection.
export const connectionName = openai.displayName;
export const phase = openai.status.phase;
