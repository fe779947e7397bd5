namespace ConfluentFlink.Harness;

/// <summary>
/// A third-party document some tests check against. Such files stay out of the repository: a test finds one through
/// its environment variable, else in the reference folder our machines and CI lay beside the clone
/// (<c>../shared/reference</c>), and is skipped, not failed, on a clone that has neither.
/// </summary>
public sealed record ReferenceDocument(string Title, string Variable, string BesideTheClone)
{
    public static readonly ReferenceDocument PulumiPackageMetaschema =
        new("Pulumi's package metaschema", "PULUMI_PACKAGE_METASCHEMA", "pulumi/package-metaschema.json");

    public static readonly ReferenceDocument FlinkOpenApi =
        new("Confluent's Flink Connections OpenAPI excerpt", "FLINK_OPENAPI", "confluent/flink-connections-openapi.yaml");

    public static readonly ReferenceDocument FlinkConnectionTypes =
        new("Confluent's catalog of connection types and their credentials", "FLINK_CONNECTION_TYPES", "confluent/connection-types.md");

    private string DefaultPath => Path.GetFullPath(Path.Combine(RepoPaths.RepoRoot, "..", "shared", "reference", BesideTheClone));

    /// <summary>The document's path, or null when neither the variable nor the folder beside the clone has it.</summary>
    public string? Find()
    {
        var fromVariable = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrEmpty(fromVariable) ? DefaultPath : fromVariable;
        return File.Exists(path) ? path : null;
    }

    /// <summary>Why a test that needs the document did not run: what is missing and how to supply it.</summary>
    public string MissingReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set
            ? $"{Title} is not at {set}, the path {Variable} names"
            : $"{Title} is not available: set {Variable} to its path (looked for at {DefaultPath})";

    /// <summary>
    /// The document's path; when it is missing, calls <paramref name="skip"/> with <see cref="MissingReason"/>, which
    /// must throw (pass NUnit's <c>Assert.Ignore</c>, so the test is reported as skipped).
    /// </summary>
    public string PathOrSkip(Action<string> skip)
    {
        if (Find() is { } path) return path;
        skip(MissingReason);
        throw new InvalidOperationException($"the skip action returned instead of throwing: {MissingReason}");
    }
}
