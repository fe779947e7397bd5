using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>
/// <c>utilities.ts</c>, with the members Pulumi's nodejs template exports (whether or not this SDK calls them, since
/// user code and other tooling may): environment readers, the package version read from <c>package.json</c>, the
/// default resource options (version and plugin download URL), lazy module loading, and the plain method-call helper.
/// </summary>
public sealed class UtilitiesEmitter(NodeContext ctx)
{
    public GeneratedFile Emit()
    {
        var w = CodeWriter.WithHeader();
        w.Line("import * as runtime from \"@pulumi/pulumi/runtime\";");
        w.Line("import * as pulumi from \"@pulumi/pulumi\";");
        w.Line();
        w.Line("/** The value of the first of these environment variables that is set and not empty. */");
        using (w.Block("export function getEnv(...vars: string[]): string | undefined {"))
        {
            w.Line("return vars.map(v => process.env[v]).find(value => value !== undefined && value !== \"\");");
        }
        w.Line();
        // The spellings Go's strconv.ParseBool accepts, which Pulumi's SDKs in every language share.
        w.Line("const trueValues = [\"1\", \"t\", \"T\", \"true\", \"TRUE\", \"True\"];");
        w.Line("const falseValues = [\"0\", \"f\", \"F\", \"false\", \"FALSE\", \"False\"];");
        w.Line();
        using (w.Block("export function getEnvBoolean(...vars: string[]): boolean | undefined {"))
        {
            w.Line("const value = getEnv(...vars);");
            w.Line("return value === undefined ? undefined : trueValues.includes(value) ? true : falseValues.includes(value) ? false : undefined;");
        }
        w.Line();
        using (w.Block("export function getEnvNumber(...vars: string[]): number | undefined {"))
        {
            w.Line("const value = getEnv(...vars);");
            w.Line("const parsed = value === undefined ? NaN : parseFloat(value);");
            w.Line("return isNaN(parsed) ? undefined : parsed;");
        }
        w.Line();
        w.Line("/** This package's version, from its package.json; semver has no leading \"v\", which npm allows. */");
        using (w.Block("export function getVersion(): string {"))
        {
            w.Line("const version: string = require(\"./package.json\").version;");
            w.Line("return version.startsWith(\"v\") ? version.slice(1) : version;");
        }
        w.Line();
        w.Line("/** @internal */");
        using (w.Block("export function resourceOptsDefaults(): any {"))
        {
            var download = ctx.Package.PluginDownloadUrl is { } url ? $", pluginDownloadURL: {TsLiteral.String(url)}" : "";
            w.Line($"return {{ version: getVersion(){download} }};");
        }
        w.Line();
        w.Line("/** @internal */");
        using (w.Block("export function lazyLoad(exports: any, props: string[], loadModule: any) {"))
        {
            using (w.Block("for (const property of props) {"))
            {
                w.Line("Object.defineProperty(exports, property, { enumerable: true, get: () => loadModule()[property] });");
            }
        }
        w.Line();
        w.Line("/** @internal */");
        using (w.Block("export async function callAsync<T>(tok: string, props: pulumi.Inputs, res?: pulumi.Resource, opts?: {property?: string}): Promise<T> {"))
        {
            w.Line("const result: any = runtime.call<T>(tok, props, res);");
            w.Line("const value = await result.promise(true /*withUnknowns*/);");
            w.Line("// A method whose result is plain must not return what a plain value cannot carry.");
            w.Line("const problem = !(await result.isKnown) ? \"an unknown value\" : (await result.isSecret) ? \"a secret value\" : undefined;");
            using (w.Block("if (problem) {"))
            {
                w.Line("throw new Error(`Plain resource method \"${tok}\" incorrectly returned ${problem}. ` +");
                w.Line("    \"This is an error in the provider, please report this to the provider developer.\");");
            }
            w.Line("return opts?.property ? value[opts.property] : value;");
        }
        return new GeneratedFile("utilities.ts", w.ToString());
    }
}
