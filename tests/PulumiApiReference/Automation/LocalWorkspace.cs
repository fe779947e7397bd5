// Reference declarations of the public Pulumi.Automation API (package "Pulumi.Automation" 3.x; signatures as
// listed in pulumi-dotnet sdk/Pulumi.Automation/PublicAPI.Shipped.txt), limited to the members that
// examples/automation uses; overload sets are cut down to the overloads it calls.
// Bodies are `throw null!` because these files are only compiled against, never run.
// Not a project: tests/Sdk.Tests feeds them to Roslyn together with ../*.cs.

using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Pulumi.Automation
{
    public abstract class Workspace
    {
        internal Workspace() => throw null!;
    }

    public sealed class LocalWorkspace : Workspace
    {
        private LocalWorkspace() => throw null!;

        public static Task<WorkspaceStack> CreateOrSelectStackAsync(InlineProgramArgs args) => throw null!;
    }

    public class LocalWorkspaceOptions
    {
    }

    public class InlineProgramArgs : LocalWorkspaceOptions
    {
        public InlineProgramArgs(string projectName, string stackName, PulumiFn program) => throw null!;
    }

    public abstract class PulumiFn
    {
        internal PulumiFn() => throw null!;

        public static PulumiFn Create(Func<IDictionary<string, object?>> program) => throw null!;
    }
}
