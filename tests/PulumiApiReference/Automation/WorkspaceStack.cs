// Reference declarations of the public Pulumi.Automation API (package "Pulumi.Automation" 3.x; signatures as
// listed in pulumi-dotnet sdk/Pulumi.Automation/PublicAPI.Shipped.txt), limited to the members that
// examples/automation uses; overload sets are cut down to the overloads it calls.
// Bodies are `throw null!` because these files are only compiled against, never run.
// Not a project: tests/Sdk.Tests feeds them to Roslyn together with ../*.cs.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Pulumi.Automation
{
    public sealed class WorkspaceStack : IDisposable
    {
        private WorkspaceStack() => throw null!;

        public Task SetConfigAsync(string key, ConfigValue value, CancellationToken cancellationToken = default) => throw null!;
        public Task SetAllConfigAsync(IDictionary<string, ConfigValue> configMap, CancellationToken cancellationToken = default) => throw null!;
        public Task<PreviewResult> PreviewAsync(PreviewOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<UpResult> UpAsync(UpOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<UpdateResult> DestroyAsync(DestroyOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public void Dispose() => throw null!;
    }

    public sealed class ConfigValue
    {
        public ConfigValue(string value, bool isSecret = false) => throw null!;
    }
}
