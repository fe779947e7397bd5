// Reference declarations of the public Pulumi.Automation API (package "Pulumi.Automation" 3.x; signatures as
// listed in pulumi-dotnet sdk/Pulumi.Automation/PublicAPI.Shipped.txt), limited to the members that
// examples/automation uses; overload sets are cut down to the overloads it calls.
// Bodies are `throw null!` because these files are only compiled against, never run.
// Not a project: tests/Sdk.Tests feeds them to Roslyn together with ../*.cs.

using System.Collections.Immutable;

namespace Pulumi.Automation
{
    public class UpdateResult
    {
        internal UpdateResult() => throw null!;

        public UpdateSummary Summary => throw null!;
    }

    public sealed class UpResult : UpdateResult
    {
        private UpResult() => throw null!;

        public IImmutableDictionary<string, OutputValue> Outputs => throw null!;
    }

    public sealed class PreviewResult
    {
        private PreviewResult() => throw null!;

        public IImmutableDictionary<OperationType, int> ChangeSummary => throw null!;
    }

    public sealed class UpdateSummary
    {
        private UpdateSummary() => throw null!;

        public IImmutableDictionary<OperationType, int>? ResourceChanges => throw null!;
    }

    public sealed class OutputValue
    {
        private OutputValue() => throw null!;

        public object Value => throw null!;
        public bool IsSecret => throw null!;
    }

    public enum OperationType
    {
        Unknown = -1,
        Same = 0,
        Create = 1,
        Update = 2,
        Delete = 3,
        Replace = 4,
        CreateReplacement = 5,
        DeleteReplaced = 6,
        Read = 7,
        ReadReplacement = 8,
        Refresh = 9,
        ReadDiscard = 10,
        DiscardReplaced = 11,
        RemovePendingReplace = 12,
        Import = 13,
        ImportReplacement = 14,
    }
}
