// One OPENAI connection; the Flink settings come from provider config or env vars (Option #2).
// The SDK is this repository's sdk/nodejs, built to sdk/nodejs/bin (see README).
import * as pulumi from "@pulumi/pulumi";
import * as confluentflink from "@confluentflink/pulumi-confluentflink";

const config = new pulumi.Config();

const openai = new confluentflink.FlinkConnection("openai", {
    displayName: "openai-typescript",
    // A ConnectionType constant; the plain string "OPENAI" is accepted too.
    type: confluentflink.ConnectionType.OpenAI,
    endpoint: "https://api.openai.com/v1/chat/completions",
    // A secret config value stays encrypted in the stack's config and state.
    apiKey: config.requireSecret("openaiApiKey"),
});

export const connectionId = openai.id;
export const phase = openai.status.phase;
