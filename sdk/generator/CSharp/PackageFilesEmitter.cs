using System.Security;
using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>The non-code files of the C# SDK: project file, embedded version, plugin manifest and README.</summary>
public sealed class PackageFilesEmitter(SdkContext ctx)
{
    private string PackageId => ctx.Namespace;

    public IEnumerable<GeneratedFile> EmitAll()
    {
        yield return new GeneratedFile($"{PackageId}.csproj", Project());
        // Read by Utilities.Version at run time; no newline, as Pulumi writes it.
        yield return new GeneratedFile(UtilitiesEmitter.VersionFile, ctx.Package.Version);
        yield return new GeneratedFile("pulumi-plugin.json", PluginManifest.Json(PluginManifest.For(ctx.Package), indentSize: 2));
        yield return new GeneratedFile("README.md", Readme());
    }

    private string Project()
    {
        var p = ctx.Package;
        string X(string? s) => SecurityElement.Escape(s ?? "");
        // ExcludeAssets keeps a referenced Pulumi package's own version.txt out of this package, as Pulumi's template does.
        var references = string.Join("\n", p.CSharp.PackageReferences.Select(r =>
            $"    <PackageReference Include=\"{X(r.Key)}\" Version=\"{X(r.Value)}\"{(r.Key.StartsWith("Pulumi.", StringComparison.Ordinal) ? " ExcludeAssets=\"contentFiles\"" : "")} />"));
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
                <EmbeddedResource Include="{UtilitiesEmitter.VersionFile}" />
                <None Include="{UtilitiesEmitter.VersionFile}" Pack="True" PackagePath="content" />
              </ItemGroup>

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
        var contents = p.Resources.Select(r => Names.TypeName(r.Token))
            .Select(n => $"`{n}` (with `{CSharpNames.ResourceArgs(n)}`, `{CSharpNames.ResourceState(n)}`)")
            .Concat(p.Functions.Select(f => $"`{Names.TypeName(f.Token)}`"))
            .Concat(["`Provider` (with `ProviderArgs`)", "`Config`"])
            .Concat(p.EnumTypes.Select(e => $"`{Names.TypeName(e.Token)}`"));
        var example = p.Resources.Select(r => ExampleFilter.FirstSnippet(r.Description, ExampleFilter.CSharp)).FirstOrDefault(s => s is not null);
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

            {PluginInstallNote.Text(p)}

            {exampleSection}## Contents

            Namespace `{ctx.Namespace}`: {string.Join(", ", contents)}; nested types in `{ctx.Namespace}.Inputs`
            and `{ctx.Namespace}.Outputs`.

            """.Replace("\r\n", "\n");
    }
}
