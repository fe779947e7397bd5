using Pulumi;
using Pulumi.ConfluentFlink;

namespace FlinkConnectionAutomation;

/// <summary>The deployment the Automation API runs in process: one OpenAI connection.</summary>
internal static class ConnectionProgram
{
    /// <summary>Stack config key of the OpenAI key; secret, so rotating it is a config change plus an up.</summary>
    public const string ApiKeyConfig = "openaiApiKey";

    public static IDictionary<string, object?> Run()
    {
        // Pulumi.Config, not the provider's static Pulumi.ConfluentFlink.Config that shares its name.
        var config = new Pulumi.Config();
        var connection = new FlinkConnection("openai", new FlinkConnectionArgs
        {
            DisplayName = "openai-automation",
            Type = "OPENAI",
            Endpoint = "https://api.openai.com/v1/chat/completions",
            ApiKey = config.RequireSecret(ApiKeyConfig),
        });

        return new Dictionary<string, object?>
        {
            ["connectionId"] = connection.Id,
            ["phase"] = connection.Status.Apply(status => status.Phase),
            // Exported only to show that a secret output reaches the program still marked secret.
            ["apiKey"] = connection.ApiKey,
        };
    }
}
