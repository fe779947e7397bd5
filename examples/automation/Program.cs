// Runs a Flink-connection deployment from inside a .NET program with Pulumi's Automation API: no Pulumi
// project on disk, the deployment is ConnectionProgram.Run. It walks the life of a connection —
// preview, up, key rotation by a second up, destroy — and prints what changed at each step.
// Exit codes: 0 success, 1 a Pulumi operation failed, 2 configuration missing.
using System.Collections.Immutable;
using System.Text.Json;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using FlinkConnectionAutomation;

const int Success = 0, OperationFailed = 1, BadConfiguration = 2;

var environment = new RequiredEnvironment();
var stackName = Environment.GetEnvironmentVariable("STACK_NAME") ?? "dev";
// The provider reads the same variables itself; copying them into stack config records them with the
// stack, and marks the secret ones so Pulumi encrypts them.
var stackConfig = new Dictionary<string, ConfigValue>
{
    ["confluentflink:organizationId"] = new ConfigValue(environment.Require("CONFLUENT_ORGANIZATION_ID")),
    ["confluentflink:environmentId"] = new ConfigValue(environment.Require("CONFLUENT_ENVIRONMENT_ID")),
    ["confluentflink:flinkComputePoolId"] = new ConfigValue(environment.Require("FLINK_COMPUTE_POOL_ID")),
    ["confluentflink:flinkPrincipalId"] = new ConfigValue(environment.Require("FLINK_PRINCIPAL_ID")),
    ["confluentflink:flinkRestEndpoint"] = new ConfigValue(environment.Require("FLINK_REST_ENDPOINT")),
    ["confluentflink:flinkApiKey"] = new ConfigValue(environment.Require("FLINK_API_KEY")),
    ["confluentflink:flinkApiSecret"] = new ConfigValue(environment.Require("FLINK_API_SECRET"), isSecret: true),
    [ConnectionProgram.ApiKeyConfig] = new ConfigValue(environment.Require("OPENAI_API_KEY"), isSecret: true),
};
var rotatedApiKey = environment.Require("OPENAI_API_KEY_ROTATED");
if (environment.Missing.Count > 0)
{
    Console.Error.WriteLine($"Missing environment variables: {string.Join(", ", environment.Missing)}");
    return BadConfiguration;
}

var step = "stack selection";
try
{
    using var stack = await LocalWorkspace.CreateOrSelectStackAsync(
        new InlineProgramArgs("confluentflink-automation", stackName, PulumiFn.Create(ConnectionProgram.Run)));
    await stack.SetAllConfigAsync(stackConfig);

    step = "preview";
    var preview = await stack.PreviewAsync(new PreviewOptions { OnStandardOutput = Console.WriteLine });
    Report(step, preview.ChangeSummary);

    step = "up";
    var created = await stack.UpAsync(new UpOptions { OnStandardOutput = Console.WriteLine });
    Report(step, created.Summary.ResourceChanges);
    PrintOutputs(created.Outputs);

    step = "key rotation";
    await stack.SetConfigAsync(ConnectionProgram.ApiKeyConfig, new ConfigValue(rotatedApiKey, isSecret: true));
    var rotated = await stack.UpAsync(new UpOptions { OnStandardOutput = Console.WriteLine });
    Report(step, rotated.Summary.ResourceChanges);

    step = "destroy";
    var destroyed = await stack.DestroyAsync(new DestroyOptions { OnStandardOutput = Console.WriteLine });
    Report(step, destroyed.Summary.ResourceChanges);
    return Success;
}
catch (CommandException e)
{
    // The CLI's own message: Pulumi masks secret values in it.
    Console.Error.WriteLine($"{step} failed: {e.Message}");
    return OperationFailed;
}

static void Report(string step, IImmutableDictionary<OperationType, int>? changes)
{
    var counts = (changes ?? ImmutableDictionary<OperationType, int>.Empty)
        .Where(change => change.Key != OperationType.Same)
        .Select(change => $"{change.Key.ToString().ToLowerInvariant()} {change.Value}");
    Console.WriteLine($"== {step}: {string.Join(", ", counts.DefaultIfEmpty("no changes"))}");
}

static void PrintOutputs(IImmutableDictionary<string, OutputValue> outputs)
{
    foreach (var (name, output) in outputs.OrderBy(output => output.Key))
    {
        Console.WriteLine($"   {name} = {(output.IsSecret ? "[secret]" : JsonSerializer.Serialize(output.Value))}");
    }
}
