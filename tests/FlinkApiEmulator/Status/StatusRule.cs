namespace ConfluentFlink.FlinkApiEmulator.Status;

/// <summary>
/// Gives connections that match it a phase other than READY. It matches either a credential (<see cref="CredentialValue"/>
/// equals one of the values in auth_data.data, e.g. an API key the provider is to reject) or where the connection points
/// (<see cref="EndpointHost"/> is its endpoint's host, case-insensitive). The detail is the rule's own text, so a credential
/// reaches an answer only if the rule writes it there, which <see cref="Problem"/> refuses.
/// JSON (camelCase): <c>{"credentialValue":"sk-revoked","phase":"INVALID_AUTH","detail":"The API key was revoked."}</c> or
/// <c>{"endpointHost":"llm.example.com","phase":"UNREACHABLE","detail":"Lookup failed: llm.example.com"}</c>.
/// </summary>
public sealed record StatusRule
{
    public string? CredentialValue { get; init; }
    public string? EndpointHost { get; init; }
    public string Phase { get; init; } = "";
    public string? Detail { get; init; }

    /// <summary>Why this rule cannot be used, or null when it can. Never repeats the credential.</summary>
    public string? Problem()
    {
        if (string.IsNullOrEmpty(CredentialValue) == string.IsNullOrEmpty(EndpointHost))
            return "a status rule matches either credentialValue or endpointHost: give exactly one";
        if (string.IsNullOrWhiteSpace(Phase)) return "a status rule needs a phase";
        if (CredentialValue is not null && Detail?.Contains(CredentialValue, StringComparison.Ordinal) == true)
            return "a status rule's detail must not contain its credentialValue: answers never show a credential";
        return null;
    }

    internal bool Matches(string endpoint, IEnumerable<string> credentialValues) =>
        CredentialValue is { Length: > 0 } credential
            ? credentialValues.Contains(credential, StringComparer.Ordinal)
            : Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && string.Equals(uri.Host, EndpointHost, StringComparison.OrdinalIgnoreCase);

    // Records print every member by default; the credential must not reach a log or an assertion message.
    public override string ToString() =>
        $"StatusRule {{ {(CredentialValue is null ? $"EndpointHost = {EndpointHost}" : "CredentialValue = [secret]")}, Phase = {Phase}, Detail = {Detail} }}";
}
