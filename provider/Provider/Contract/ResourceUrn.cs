namespace ConfluentFlink.Provider.Contract;

/// <summary>
/// A resource's URN, <c>urn:pulumi:stack::project::[parent-type$]type::name</c>. Recent engines also send the name and
/// type as separate fields; older ones only the URN, so both are read from it when absent.
/// </summary>
public sealed record ResourceUrn(string Value)
{
    /// <summary>The resource's name in the program (the last segment), or "" when the URN is empty.</summary>
    public string Name => Parts() is { Length: >= 4 } parts ? string.Join("::", parts[3..]) : "";

    /// <summary>The type token, without the parent types that prefix it; "" when the URN is empty or malformed.</summary>
    public string Type => Parts() is { Length: >= 4 } parts ? parts[2][(parts[2].LastIndexOf('$') + 1)..] : "";

    private string[]? Parts() => Value.Length == 0 ? null : Value.Split("::");

    public override string ToString() => Value;
}
