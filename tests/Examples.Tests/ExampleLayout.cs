using System.Xml.Linq;
using ConfluentFlink.Sdk.Tests;

namespace ConfluentFlink.Examples.Tests;

/// <summary>Where the examples and docs live, and what each C# example project declares.</summary>
public static class ExampleLayout
{
    public static string Examples => Path.Combine(RepoPaths.RepoRoot, "examples");

    public static string Docs => Path.Combine(RepoPaths.RepoRoot, "docs");

    public static string ImplicitUsingsFile => Path.Combine(RepoPaths.RepoRoot, "tests", "Examples.Tests", "CompileInputs", "ImplicitUsings.cs");

    public static string AutomationApiReference => Path.Combine(SdkPaths.PulumiApiReference, "Automation");

    /// <summary>Every example folder with a C# project, by folder name.</summary>
    public static IReadOnlyList<string> CSharpExampleNames() =>
        Directory.EnumerateDirectories(Examples)
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Readme => Path.Combine(RepoPaths.RepoRoot, "README.md");

    /// <summary>Every Markdown file of the examples and the docs, and the README that leads to them.</summary>
    public static IReadOnlyList<string> MarkdownFiles() =>
        new[] { Examples, Docs }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.md", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Append(Readme)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every file of the examples and the docs, build output and dependencies excluded.</summary>
    public static IReadOnlyList<string> AllFiles() =>
        new[] { Examples, Docs }
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Relative(string path) => Path.GetRelativePath(RepoPaths.RepoRoot, path);

    private static bool IsBuildOutput(string path) =>
        Path.GetRelativePath(RepoPaths.RepoRoot, path).Split(Path.DirectorySeparatorChar)
            .Any(part => part is "bin" or "obj" or "node_modules" or "sdks");
}

/// <summary>A C# example: its sources and what its project file asks for.</summary>
public sealed class CSharpExample
{
    private readonly XDocument _project;

    public CSharpExample(string name)
    {
        Name = name;
        Folder = Path.Combine(ExampleLayout.Examples, name);
        ProjectFile = Directory.EnumerateFiles(Folder, "*.csproj").Single();
        _project = XDocument.Load(ProjectFile);
    }

    public string Name { get; }

    public string Folder { get; }

    public string ProjectFile { get; }

    public IReadOnlyList<string> Sources =>
        Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Folder, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();

    public bool ImplicitUsings => Property("ImplicitUsings") == "enable";

    public string? Property(string name) => _project.Descendants(name).LastOrDefault()?.Value;

    /// <summary>Package id → version of every PackageReference.</summary>
    public IReadOnlyDictionary<string, string?> PackageReferences =>
        _project.Descendants("PackageReference").ToDictionary(p => (string)p.Attribute("Include")!, p => (string?)p.Attribute("Version"));

    /// <summary>Full paths of the ProjectReferences.</summary>
    public IReadOnlyList<string> ProjectReferences =>
        _project.Descendants("ProjectReference").Select(p => Path.GetFullPath(Path.Combine(Folder, (string)p.Attribute("Include")!))).ToList();

    public bool UsesAutomationApi => PackageReferences.ContainsKey("Pulumi.Automation");

    /// <summary>
    /// What the compile check feeds to Roslyn: the example's sources, the implicit usings its project enables, the
    /// generated SDK sources it references, and the Pulumi.Automation reference declarations if it uses that package.
    /// (RoslynCompile adds the Pulumi reference declarations itself.)
    /// </summary>
    public IReadOnlyList<string> CompileInputs()
    {
        var inputs = new List<string>(Sources);
        if (ImplicitUsings) inputs.Add(ExampleLayout.ImplicitUsingsFile);
        inputs.AddRange(SdkPaths.GeneratedSdkSources());
        if (UsesAutomationApi)
            inputs.AddRange(Directory.EnumerateFiles(ExampleLayout.AutomationApiReference, "*.cs").Order(StringComparer.Ordinal));
        return inputs;
    }
}
