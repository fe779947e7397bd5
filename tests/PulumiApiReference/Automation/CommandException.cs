// Reference declarations of the public Pulumi.Automation API (package "Pulumi.Automation" 3.x; signatures as
// listed in pulumi-dotnet sdk/Pulumi.Automation/PublicAPI.Shipped.txt), limited to the members that
// examples/automation uses; overload sets are cut down to the overloads it calls.
// Bodies are `throw null!` because these files are only compiled against, never run.
// Not a project: tests/Sdk.Tests feeds them to Roslyn together with ../*.cs.

using System;

namespace Pulumi.Automation.Commands.Exceptions
{
    public class CommandException : Exception
    {
        internal CommandException() => throw null!;
    }
}
