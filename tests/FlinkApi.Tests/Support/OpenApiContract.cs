using ConfluentFlink.Harness;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>
/// Confluent's OpenAPI excerpt (<see cref="ReferenceDocument.FlinkOpenApi"/>) as a validator: Microsoft.OpenApi finds the
/// operation and responses; the document, written back as OpenAPI 3.1 JSON (JSON Schema 2020-12), is registered with
/// JsonSchema.Net so every schema reference resolves inside it. No schema is copied by hand.
/// </summary>
internal sealed class OpenApiContract(OpenApiDocument document, BuildOptions build)
{
    private const string Json = "application/json";
    private static readonly Lazy<Task<OpenApiContract>> Shared = new(LoadAsync);
    private static readonly Uri DocumentUri = new("https://contract.test/flink-connections-openapi.json");

    /// <summary>The document, loaded once; a test that asks for it on a clone without it is skipped.</summary>
    public static Task<OpenApiContract> LoadSharedAsync() => Shared.Value;

    /// <summary>Problems of one exchange: a request or an answer outside the documented schema, or an undocumented success status.</summary>
    public IEnumerable<string> Check(HttpMethod method, string path, string? sent, int status, string answer)
    {
        var (template, operation) = document.Paths
            .Where(p => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"))
            .Select(p => (p.Key, p.Value.Operations?.GetValueOrDefault(method))).FirstOrDefault(p => p.Item2 is not null);
        if (operation is null) throw new AssertionException($"{method} {path} is not an operation of the OpenAPI document");
        var at = $"/paths/{Escape(template)}/{method.Method.ToLowerInvariant()}";
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlyList<string> request = sent is not { Length: > 0 } ? []
            : operation.RequestBody?.Content?.ContainsKey(Json) == true ? Validate($"{at}/requestBody/content/{Escape(Json)}/schema", sent)
            : ["no JSON request body is documented, but one was sent"];
        // Some errors the service really answers are not listed per operation (409 and 422 on PUT); they still come as the
        // API's one error document.
        IReadOnlyList<string> response = operation.Responses?.TryGetValue(code, out var documented) == true
            ? documented.Content?.ContainsKey(Json) == true ? Validate($"{at}/responses/{code}/content/{Escape(Json)}/schema", answer) : []
            : status >= 400 ? Validate("/components/schemas/Failure", answer) : ["status not documented"];
        return request.Select(p => $"request {method} {path}: {p}").Concat(response.Select(p => $"answer {method} {path} {status}: {p}"));
    }

    private IReadOnlyList<string> Validate(string pointer, string body)
    {
        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException ex)
        {
            return [$"not JSON: {ex.Message}"];
        }

        // A one-line schema pointing into the registered document; the fragment is percent-encoded as a URI requires.
        var reference = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["$ref"] = $"{DocumentUri}#{Uri.EscapeDataString(pointer).Replace("%2F", "/")}",
        });
        var result = JsonSchema.Build(reference, build, new Uri($"https://contract.test/check/{Guid.NewGuid():N}"))
            .Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    private static async Task<OpenApiContract> LoadAsync()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var file = File.OpenRead(ReferenceDocument.FlinkOpenApi.PathOrSkip(Assert.Ignore));
        var read = await OpenApiDocument.LoadAsync(file, "yaml", settings);
        // The excerpt says "security: null" at the top, which the reader flags; no body schema depends on it.
        var errors = read.Diagnostic?.Errors.Where(e => e.Pointer != "#/security").ToList() ?? [];
        if (read.Document is null || errors.Count > 0)
            throw new InvalidOperationException("The OpenAPI file did not load: " + string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));

        var json = await read.Document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(JsonDocument.Parse(json).RootElement, DocumentUri));
        // OpenAPI 3.1 schemas are 2020-12 plus annotations (example, discriminator, x-...), which that dialect tolerates.
        return new OpenApiContract(read.Document, new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 });
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
