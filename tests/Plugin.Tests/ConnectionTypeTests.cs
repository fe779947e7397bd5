namespace ConfluentFlink.Plugin.Tests;

/// <summary>
/// Every connection type of the catalog, with each of its credential groups, through the published plugin against the
/// emulator, whose own credential rules are independent of the provider's: what trimming could break in the binary's
/// serialization shows here. Credentials are passed in plain, as a careless program would, and come back secret.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class ConnectionTypeTests
{
    private static readonly ConnectionCatalog Catalog = ConnectionCatalog.Embedded;
    private static readonly IReadOnlySet<string> SecretPaths = PackageSpec.Embedded.SecretPaths(PackageSpec.Embedded.Resource(Tokens.FlinkConnection).Inputs);

    public static IEnumerable<TestCaseData> Types => Catalog.Types.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    [TestCaseSource(nameof(Types))]
    public async Task EachGroupIsCreatedRefreshedSwitchedInPlaceAndDeleted(ConnectionTypeRule type)
    {
        await using var stack = await PluginStack.StartAsync();
        var secrets = new Secrets(stack.FlinkSecret);
        var groups = type.AuthGroups;
        var names = groups.Select(g => Slug($"{type.Name}-{g.Name}")).ToList();
        // Resource i authenticates with group i, then with the group before it: a type with a choice switches groups
        // (MCP_SERVER and A2A from OAuth to a bearer token), a type without one rotates its values.
        ResourceGoal[] Program(int shift) => names.Select((name, i) => new ResourceGoal(name, Inputs(name, type, groups[(i + shift) % groups.Count], secrets))).ToArray();

        var preview = await stack.Engine.PreviewAsync(Program(0));
        Assert.That(preview.Select(s => s.Error ?? s.Kind.ToString()), Has.All.EqualTo(nameof(StepKind.Create)));
        Assert.That(stack.Emulator.Store.Count, Is.Zero, "a preview changes nothing");

        var up = await stack.Engine.UpAsync(Program(0));
        Assert.That(up.Select(s => s.Error ?? s.Kind.ToString()), Has.All.EqualTo(nameof(StepKind.Create)));
        AssertHolds(stack, type, names.Select((name, i) => (name, groups[i])));
        var listed = (await stack.Engine.InvokeAsync(Tokens.GetFlinkConnections, Wire.Struct(("type", type.Name)))).Return.Fields["connections"];
        Assert.That(listed.ListValue.Values.Select(c => $"{Wire.Text(c.StructValue, "displayName")} {Wire.Text(c.StructValue, "type")}"),
            Is.EquivalentTo(names.Select(n => $"{n} {type.Name}")), "the list the API answers, read back");

        var refresh = await stack.Engine.RefreshAsync();
        Assert.That(refresh.Select(s => $"{s.Error}{string.Join(",", s.Changes)}"), Has.All.Empty, "refreshed in sync");

        var before = names.ToDictionary(n => n, n => stack.Stored(n)!);
        var shift = groups.Count - 1;
        var rotate = await stack.Engine.UpAsync(Program(shift));
        Assert.That(rotate.Select(s => s.Error ?? s.Kind.ToString()), Has.All.EqualTo(nameof(StepKind.Update)));
        AssertHolds(stack, type, names.Select((name, i) => (name, groups[(i + shift) % groups.Count])));
        Assert.That(names.Select(n => stack.Stored(n)!.Uid), Is.EqualTo(names.Select(n => before[n].Uid)), "the same connections");
        Assert.That(names.Where(n => stack.Stored(n)!.ResourceVersion == before[n].ResourceVersion), Is.Empty, "each was written");

        var destroy = await stack.Engine.DestroyAsync();
        Assert.That(destroy.Select(s => s.Error), Has.All.Null);
        Assert.That(stack.Emulator.Store.Count, Is.Zero);
        secrets.AssertNoneLeaked(stack, preview.Concat(up).Concat(refresh).Concat(rotate).Concat(destroy));
    }

    /// <summary>The emulator holds exactly each group's keys (and its AUTH_TYPE where the type offers a choice); the outputs keep every credential secret.</summary>
    private static void AssertHolds(TestStack stack, ConnectionTypeRule type, IEnumerable<(string Name, AuthGroup Group)> resources)
    {
        foreach (var (name, group) in resources)
        {
            var stored = stack.Stored(name)!;
            var keys = group.Members.Select(m => m.Key).Concat(type.OffersChoice ? [Catalog.AuthTypeKey] : []).Order(StringComparer.Ordinal);
            Assert.That(stored.AuthDataKeys, Is.EqualTo(keys), $"{name}: only the group given travels");
            Assert.That(stored.AuthType, Is.EqualTo(type.OffersChoice ? group.Name : null), name);
            var outputs = stack.Engine.State[name].Outputs;
            Assert.That(group.Members.Select(m => m.Property).Where(SecretPaths.Contains).Where(p => !PluginStack.IsSecretAt(outputs, p)), Is.Empty,
                $"{name}: credentials that are not secret in the outputs");
        }
    }

    /// <summary>A connection of <paramref name="type"/> with every value of <paramref name="group"/>: credentials fresh, other values plain.</summary>
    private static Struct Inputs(string name, ConnectionTypeRule type, AuthGroup group, Secrets secrets)
    {
        var inputs = Wire.Struct(("displayName", name), ("type", type.Name), ("endpoint", $"https://{name}.example.com/v1"));
        foreach (var member in group.Members)
        {
            var value = Value.ForString(Catalog.Urls.Contains(member.Property) ? $"https://login.{name}.example.com/token"
                : SecretPaths.Contains(member.Property) ? secrets.New(Slug(member.Key)) : $"{Slug(member.Key)}-of-{name}");
            // A value of an object (oauth.clientId) goes into that object.
            var (parent, field) = member.Property.Split('.') is [var top, var nested] ? (top, nested) : ("", member.Property);
            var target = parent.Length == 0 ? inputs : (inputs.Fields.TryGetValue(parent, out var obj) ? obj : inputs.Fields[parent] = Value.ForStruct(new Struct())).StructValue;
            target.Fields[field] = value;
        }
        return inputs;
    }

    private static string Slug(string text) => text.ToLowerInvariant().Replace('_', '-');
}
