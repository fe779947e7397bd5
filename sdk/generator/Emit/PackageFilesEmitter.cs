using System.Security;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfluentFlink.SdkGen.Emit;

/// <summary>The non-code files of the SDK: project file, plugin manifest and README.</summary>
public sealed class PackageFilesEmitter(SdkContext ctx)
{
    private string PackageId => ctx.Namespace;

    public IEnumerable<(string Path, string Content)> EmitAll()
    {
        yield return ($"{PackageId}.csproj", Project());
        yield return ("pulumi-plugin.json", PluginManifest());
        yield return ("README.md", Readme());
    }

    /// <summary>Tells the Pulumi .NET host which plugin, at which version, this SDK needs.</summary>
    private string PluginManifest()
    {
        var manifest = new JsonObject
        {
            ["resource"] = true,
            ["name"] = ctx.Package.Name,
            ["version"] = ctx.Package.Version,
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return manifest.ToJsonString(options).Replace("\r\n", "\n") + "\n";
    }

    private string Project()
    {
        var p = ctx.Package;
        string X(string? s) => SecurityElement.Escape(s ?? "");
        var references = string.Join("\n", p.CSharp.PackageReferences.Select(r =>
            $"    <PackageReference Include=\"{X(r.Key)}\" Version=\"{X(r.Value)}\" />"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">

              <PropertyGroup>
                <GeneratePackageOnBuild>true</GeneratePackageOnBuild>
                <PackageId>{X(PackageId)}</PackageId>
                <Version>{X(p.Version)}</Version>
                <Authors>{X(p.Publisher)}</Authors>
                <Company>{X(p.Publisher)}</Company>
                <Description>{X(p.Description)}</Description>
                <PackageLicenseExpression>{X(p.License)}</PackageLicenseExpression>
                <PackageProjectUrl>{X(p.Homepage)}</PackageProjectUrl>
                <RepositoryUrl>{X(p.Repository)}</RepositoryUrl>
                <PackageTags>{X(string.Join(";", p.Keywords))}</PackageTags>
                <PackageReadmeFile>README.md</PackageReadmeFile>

                <TargetFramework>net6.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>1701;1702;1591</NoWarn>
                <!-- A published package pins its own dependency versions, whatever the repository around it manages centrally. -->
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>

              <ItemGroup>
                <EmbeddedResource Include="pulumi-plugin.json" />
                <None Include="pulumi-plugin.json" Pack="True" PackagePath="content" />
                <None Include="README.md" Pack="True" PackagePath="\" />
              </ItemGroup>

              <ItemGroup>
            {references}
              </ItemGroup>

            </Project>

            """.Replace("\r\n", "\n");
    }

    private string Readme()
    {
        var p = ctx.Package;
        var contents = p.Resources.Select(r => Naming.Names.TypeName(r.Token))
            .Select(n => $"`{n}` (with `{Naming.Names.ResourceArgs(n)}`, `{Naming.Names.ResourceState(n)}`)")
            .Concat(p.Functions.Select(f => $"`{Naming.Names.TypeName(f.Token)}`"))
            .Concat(["`Provider` (with `ProviderArgs`)", "`Config`"])
            .Concat(p.EnumTypes.Select(e => $"`{Naming.Names.TypeName(e.Token)}`"));
        var example = p.Resources.Select(r => CSharpSnippet(r.Description)).FirstOrDefault(s => s is not null);
        var exampleSection = example is null ? "" : $"## Example\n\n```csharp\n{example}\n```\n\n";
        return $"""
            # {PackageId}

            {p.Description}

            The .NET SDK of the `{p.Name}` Pulumi package, generated from the package's `schema.json` by
            `ConfluentFlink.SdkGen` (`make sdk`). Do not edit these files by hand.

            ## Install

            ```sh
            dotnet add package {PackageId} --version {p.Version}
            ```

            The SDK talks to the resource plugin `pulumi-resource-{p.Name}` {p.Version}, which must be installed
            (on `PATH`, or with `pulumi plugin install resource {p.Name} {p.Version} --file <binary>`).
            The schema sets no `pluginDownloadURL`: the plugin is not downloaded automatically.

            {exampleSection}## Contents

            Namespace `{ctx.Namespace}`: {string.Join(", ", contents)}; nested types in `{ctx.Namespace}.Inputs`
            and `{ctx.Namespace}.Outputs`.

            """.Replace("\r\n", "\n");
    }

    /// <summary>The first C# snippet of a description's examples, so the README shows the same example as the API docs.</summary>
    private static string? CSharpSnippet(string? description)
    {
        if (description is null) return null;
        var lines = DocComment.ForCSharp(description).ToList();
        var start = lines.FindIndex(l => l.Trim() == "```csharp");
        if (start < 0) return null;
        var end = lines.FindIndex(start + 1, l => l.Trim() == "```");
        return end < 0 ? null : string.Join("\n", lines.Skip(start + 1).Take(end - start - 1));
    }
}
