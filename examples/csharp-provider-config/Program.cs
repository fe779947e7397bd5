// Option #2 of the Terraform provider: the Flink settings (organization, environment, compute pool,
// principal, REST endpoint, Flink API key) live once in the provider configuration, so every connection
// in the stack only says what it connects to. Rotating the Flink API key is then a config change alone.
using Pulumi;
using Pulumi.ConfluentFlink;

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

    return new Dictionary<string, object?>
    {
        ["connectionId"] = openAi.Id,
        ["status"] = openAi.Status,
    };
});
