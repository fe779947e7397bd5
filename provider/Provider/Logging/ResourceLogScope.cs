namespace ConfluentFlink.Provider.Logging;

/// <summary>
/// The logging scope of one provider call: records logged inside it, by the resource logic or by the REST client's
/// retries, reach the engine with this URN, so <c>pulumi up</c> shows them under their resource. Empty for calls that
/// concern no single resource.
/// </summary>
internal sealed record ResourceLogScope(string Urn);
