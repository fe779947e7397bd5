// A user program of the TypeScript SDK: connections set with the ConnectionType constants and with plain strings,
// credentials from secret config and in plain, an explicit provider, both forms of the lookup function and the listing.
import * as pulumi from "@pulumi/pulumi";
import * as confluentflink from "@confluentflink/pulumi-confluentflink";

const config = new pulumi.Config();

export const mcp = new confluentflink.FlinkConnection("mcp", {
    type: confluentflink.ConnectionType.McpServer,
    transportType: confluentflink.TransportType.StreamableHttp,
    endpoint: "https://mcp.example.com/mcp",
    oauth: {
        tokenEndpoint: "https://login.example.com/oauth2/token",
        clientId: "flink-client",
        clientSecret: config.requireSecret("oauthClientSecret"),
        scope: "mcp.read",
    },
});

// A credential given in plain still reaches the engine as a secret.
export const openai = new confluentflink.FlinkConnection("openai", {
    displayName: "openai-chat",
    type: "OPENAI",
    endpoint: "https://api.openai.com/v1/chat/completions",
    apiKey: "sk-program-plain-Xy7",
});

export const explicitProvider = new confluentflink.Provider("explicit", {
    organizationId: "org-explicit",
    flinkApiKey: "explicit-key",
});

export const bedrock = new confluentflink.FlinkConnection("bedrock", {
    type: confluentflink.ConnectionType.Bedrock,
    endpoint: "https://bedrock-runtime.us-east-1.amazonaws.com",
    awsAccessKey: config.requireSecret("awsAccessKey"),
    awsSecretKey: config.requireSecret("awsSecretKey"),
    environment: { id: "env-per-resource" },
}, { provider: explicitProvider });

export const lookup = confluentflink.getFlinkConnection({ displayName: "openai-chat" });

export const lookupOutput = confluentflink.getFlinkConnectionOutput(
    { displayName: openai.displayName, environment: { id: "env-lookup" } },
    { dependsOn: [openai] });

export const openaiConnections = confluentflink.getFlinkConnections({ type: confluentflink.ConnectionType.OpenAI });

export const settings = {
    organizationId: confluentflink.config.organizationId,
    environmentId: confluentflink.config.environmentId,
    maxRetries: confluentflink.config.maxRetries,
};
