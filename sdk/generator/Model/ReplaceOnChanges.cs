using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Model;

/// <summary>
/// The property paths of a resource whose change must replace it, as Pulumi's codegen sends them in the
/// <c>replaceOnChanges</c> resource option: flagged outputs by name, and flagged fields of object types as
/// <c>outer.inner</c>.
/// </summary>
public static class ReplaceOnChanges
{
    public static IReadOnlyList<string> Paths(ResourceSpec resource, PackageSpec package)
    {
        var paths = new List<string>();
        foreach (var p in resource.Outputs) Collect(p, "", package, [], paths);
        return paths;
    }

    private static void Collect(PropertySpec p, string prefix, PackageSpec package, HashSet<string> visiting, List<string> paths)
    {
        var path = prefix + p.WireName;
        if (p.ReplaceOnChanges)
        {
            paths.Add(path);
            return;
        }
        if (p.Type.TypeToken is not { } token || package.IsEnum(token) || !visiting.Add(token)) return;
        foreach (var nested in package.ObjectType(token).Properties) Collect(nested, path + ".", package, visiting, paths);
        visiting.Remove(token);
    }
}
