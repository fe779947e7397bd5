using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// Diff for a FlinkConnection. The schema's replaceOnChanges properties (name, type, endpoint, and where the
/// connection lives) cannot change in place; everything sent in auth_data (credentials, MCP options) updates in place.
/// A replacement deletes first only when the program chose the name, because a name is unique in its environment: a
/// generated one is generated anew for the replacement, so the new connection can exist before the old one goes.
/// Only paths and kinds are reported, never values.
/// </summary>
public sealed class FlinkConnectionDiffer(ResourceSchema schema)
{
    public DiffResult Diff(DiffRequest request, SettingResolver settings)
    {
        var (olds, oldInputs, news, ignoreChanges) = (request.OldState, request.OldInputs, request.NewInputs, request.IgnoreChanges);
        var detailed = new Dictionary<string, PropertyDiff>(StringComparer.Ordinal);
        bool Ignored(string path) => ignoreChanges.Any(i => path == i || path.StartsWith(i + ".", StringComparison.Ordinal));

        var previous = RecordedInputs.Of(oldInputs, olds);

        foreach (var property in schema.InputProperties)
        {
            if (IsSetting(property) || Ignored(property))
                continue;
            CompareInputs(property, previous, news, detailed);
        }

        // Settings are compared by their effective values, wherever they come from (resource, config, environment).
        // Where the connection lives is recorded in its outputs; a Flink key set only in config is not, so that side
        // is resolved from the old inputs under today's config (rotating the key in config is then no change at all).
        foreach (var setting in Setting.All.Where(s => !Ignored(s.ResourcePath)))
        {
            var now = settings.Resolve(setting, news);
            var before = olds.GetPath(setting.ResourcePath) is not NullValue and var recorded ? recorded : settings.Resolve(setting, previous);
            if (!Equals(now, before))
                detailed[setting.ResourcePath] = new PropertyDiff(KindFor(setting.ResourceProperty, before, now));
        }

        var replaces = detailed.Where(d => d.Value.Kind is PropertyDiffKind.AddReplace or PropertyDiffKind.UpdateReplace or PropertyDiffKind.DeleteReplace)
            .Select(d => d.Key.Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        var changed = detailed.Keys.Select(k => k.Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        return detailed.Count == 0
            ? DiffResult.NoChanges
            : new DiffResult(true, changed, replaces,
                DeleteBeforeReplace: replaces.Count > 0 && ConnectionInputs.NameOriginOf(news) == NameOrigin.Program, detailed);
    }

    private static bool IsSetting(string property) => Setting.All.Any(s => s.ResourceProperty == property);

    /// <summary>Compares one input by value; nested objects are compared field by field so paths are precise.</summary>
    private void CompareInputs(string property, PropertyMap before, PropertyMap after, Dictionary<string, PropertyDiff> detailed)
    {
        var old = before.Get(property).Unwrapped;
        var now = after.Get(property).Unwrapped;
        if (old is ObjectValue oldObject && now is ObjectValue newObject)
        {
            foreach (var field in oldObject.Properties.Keys.Union(newObject.Properties.Keys))
            {
                var o = oldObject.Properties.Get(field).Unwrapped;
                var n = newObject.Properties.Get(field).Unwrapped;
                if (!Equals(o, n))
                    detailed[$"{property}.{field}"] = new PropertyDiff(KindFor(property, o, n));
            }
        }
        else if (!Equals(old, now))
        {
            detailed[property] = new PropertyDiff(KindFor(property, old, now));
        }
    }

    private PropertyDiffKind KindFor(string property, PropertyValue before, PropertyValue after)
    {
        var replaces = schema.ReplaceOnChanges.Contains(property);
        return (before, after) switch
        {
            (NullValue, _) => replaces ? PropertyDiffKind.AddReplace : PropertyDiffKind.Add,
            (_, NullValue) => replaces ? PropertyDiffKind.DeleteReplace : PropertyDiffKind.Delete,
            _ => replaces ? PropertyDiffKind.UpdateReplace : PropertyDiffKind.Update,
        };
    }
}
