using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Demo;

/// <summary>Prints steps the way a person scans them: operation, resource, result, what changed. Secrets never print.</summary>
internal static class StepTable
{
    private const string Row = "  {0,-9} {1,-12} {2,-10} {3}";

    public static void Header(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        Console.WriteLine(Row, "operation", "resource", "result", "what changed");
    }

    public static void Print(string operation, IEnumerable<Step> steps)
    {
        var any = false;
        foreach (var step in steps)
        {
            any = true;
            var result = step.Succeeded ? Verb(step) : "FAILED";
            var detail = step.Error ?? string.Join(", ", step.Changes);
            if (step.Note is not null)
                detail = detail.Length == 0 ? step.Note : $"{detail} [{step.Note}]";
            Console.WriteLine(Row, operation, step.Resource, result, detail.Length == 0 ? "-" : detail);
        }
        if (!any)
            Console.WriteLine(Row, operation, "-", "nothing", "-");
    }

    /// <summary>Outputs of one resource, secrets as [secret], nested objects flattened to paths.</summary>
    public static void Outputs(ResourceState resource)
    {
        Console.WriteLine($"   outputs of {resource.Name} (id {resource.Id}):");
        foreach (var (path, text) in Flatten("", resource.Outputs))
            Console.WriteLine($"     {path,-22} {text}");
    }

    private static IEnumerable<(string Path, string Text)> Flatten(string prefix, Struct properties)
    {
        foreach (var (key, value) in properties.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = prefix + key;
            if (Wire.IsSecret(value))
                yield return (path, "[secret]");
            else if (value.KindCase == Value.KindOneofCase.StructValue)
                foreach (var inner in Flatten(path + ".", value.StructValue))
                    yield return inner;
            else if (value.KindCase == Value.KindOneofCase.StringValue)
                yield return (path, value.StringValue);
        }
    }

    private static string Verb(Step step) => step.Kind switch
    {
        StepKind.Create => step.Preview ? "+ create" : "created",
        StepKind.Update => step.Preview ? "~ update" : "updated",
        StepKind.Replace => step.Preview ? "+- replace" : "replaced",
        StepKind.Delete => step.Preview ? "- delete" : "deleted",
        StepKind.Same => "unchanged",
        StepKind.Refresh => step.Note == MiniEngine.GoneNote ? "dropped" : step.Changes.Count == 0 ? "in sync" : "drifted",
        StepKind.Import => "imported",
        _ => step.Kind.ToString().ToLowerInvariant(),
    };
}
