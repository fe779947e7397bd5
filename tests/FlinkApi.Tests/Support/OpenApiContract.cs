using ConfluentFlink.Harness;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>
/// Confluent's OpenAPI excerpt (<see cref="ReferenceDocument.FlinkOpenApi"/>) as a validator. Microsoft.OpenApi (with its YAML reader) parses the document and answers
/// which operation and responses exist; the document, written back as OpenAPI 3.1 JSON (whose schemas are JSON Schema
/// 2020-12), is registered with JsonSchema.Net so every <c>#/components/schemas/...</c> reference resolves inside it.
/// No schema is copied by hand.
/// </summary>
internal sealed class OpenApiContract
{
    private const string Json = "application/json";
    private static readonly Lazy<Task<OpenApiContract>> Shared = new(LoadAsync);
    private static readonly Uri DocumentUri = new("https://contract.test/flink-connections-openapi.json");

    private readonly OpenApiDocument _document;
    private readonly BuildOptions _build;
    private readonly List<(Regex Pattern, string Template)> _paths;

    private OpenApiContract(OpenApiDocument document, BuildOptions build)
    {
        _document = document;
        _build = build;
        _paths = document.Paths.Keys
            .Select(t => (new Regex("^" + Regex.Replace(Regex.Escape(t), @"\\\{[^}]+}", "[^/]+") + "$"), t))
            .ToList();
    }

    /// <summary>The document, loaded once; a test that asks for it on a clone without it is skipped.</summary>
    public static Task<OpenApiContract> LoadSharedAsync() => Shared.Value;

    /// <summary>Problems of a request body for the operation at (method, concrete path); empty when it conforms.</summary>
    public IReadOnlyList<string> CheckRequest(HttpMethod method, string path, string body)
    {
        var (template, operation) = Operation(method, path);
        if (operation.RequestBody?.Content?.ContainsKey(Json) != true)
            return [$"{method} {template} documents no JSON request body, but one was sent"];
        return Validate($"/paths/{Escape(template)}/{Lower(method)}/requestBody/content/{Escape(Json)}/schema", body);
    }

    /// <summary>Problems of an answer: an undocumented success status, or a body outside the documented schema.</summary>
    public IReadOnlyList<string> CheckResponse(HttpMethod method, string path, int status, string body)
    {
        var (template, operation) = Operation(method, path);
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses?.TryGetValue(code, out var response) == true)
        {
            return response.Content?.ContainsKey(Json) == true
                ? Validate($"/paths/{Escape(template)}/{Lower(method)}/responses/{code}/content/{Escape(Json)}/schema", body)
                : [];
        }

        // Some errors the service really answers are not listed per operation (409 and 422 on PUT); they still
        // come as the API's one error document.
        return status >= 400
            ? Validate("/components/schemas/Failure", body)
            : [$"{method} {template} does not document status {status}"];
    }

    private (string Template, OpenApiOperation Operation) Operation(HttpMethod method, string path)
    {
        foreach (var (pattern, template) in _paths)
            if (pattern.IsMatch(path) && _document.Paths[template].Operations?.TryGetValue(method, out var operation) == true)
                return (template, operation);
        throw new AssertionException($"{method} {path} is not an operation of the OpenAPI document");
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
        var schema = JsonSchema.Build(reference, _build, new Uri($"https://contract.test/check/{Guid.NewGuid():N}"));
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
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
            throw new InvalidOperationException("The OpenAPI file did not load: " +
                string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));

        var json = await read.Document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(JsonDocument.Parse(json).RootElement, DocumentUri));
        // OpenAPI 3.1 schemas are 2020-12 plus annotations (example, discriminator, x-...), which that dialect tolerates.
        return new OpenApiContract(read.Document, new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 });
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static string Lower(HttpMethod method) => method.Method.ToLowerInvariant();
}
