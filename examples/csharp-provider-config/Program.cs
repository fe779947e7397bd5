// Provider settings: the Flink settings (organization, environment, compute pool, principal, REST endpoint, Flink API
// key) live once in the provider configuration, so every connection in the stack only says what it connects to.
// Rotating the Flink API key is then a config change alone.
using Pulumi;
using Pulumi.ConfluentFlink;
using Pulumi.ConfluentFlink.Inputs;

return await Deployment.RunAsync(() =>
{
    // Pulumi.Config, not the provider's static Pulumi.ConfluentFlink.Config that shares its name.
    var config = new Pulumi.Config();

    var openAi = new FlinkConnection("openai", new FlinkConnectionArgs
    {
        DisplayName = "openai-chat",
        Type = "OPENAI",
        Endpoint = "https://api.openai.com/v1/chat/completions",
        // Read as a secret so it is encrypted in the stack's config and state.
        ApiKey = config.RequireSecret("openaiApiKey"),
    });

    // An MCP server takes one of four credential groups; this one the OAuth client credentials. Moving it to another
    // group later (a bearerToken, say) updates the connection in place.
    var tools = new FlinkConnection("tools", new FlinkConnectionArgs
    {
        DisplayName = "mcp-tools",
        Type = ConnectionType.McpServer,
        Endpoint = config.Require("mcpEndpoint"),
        TransportType = TransportType.StreamableHttp,
        Oauth = new FlinkConnectionOauthArgs
        {
            TokenEndpoint = config.Require("mcpTokenEndpoint"),
            ClientId = config.Require("mcpClientId"),
            ClientSecret = config.RequireSecret("mcpClientSecret"),
            Scope = "mcp:tools",
        },
    });

    return new Dictionary<string, object?>
    {
        ["connectionId"] = openAi.Id,
        ["status"] = openAi.Status,
        ["toolsId"] = tools.Id,
        ["toolsStatus"] = tools.Status,
    };
});
