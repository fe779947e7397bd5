namespace ConfluentFlink.SdkGen.Model;

/// <summary>One file of a generated SDK: its path relative to the SDK folder (with '/') and its exact text.</summary>
public sealed record GeneratedFile(string Path, string Content);
