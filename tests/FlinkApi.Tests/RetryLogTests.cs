using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Faults;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>A retried request is worth exactly one warning: what is retried, why, which attempt comes next, and the wait.</summary>
public sealed class RetryLogTests : EmulatorTest
{
    private IEnumerable<string> Warnings => Logs.Lines.Where(l => l.StartsWith("Warning FlinkApiClient", StringComparison.Ordinal));

    [Test]
    public async Task EachRetryOfAnAnsweredRequestIsOneWarningWithMethodPathStatusAttemptAndWait()
    {
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 2, FailStatus = 503 });

        await Client(maxRetries: 3).CreateAsync(Scope, Request("logged"), CancellationToken.None);

        var path = $"/sql/v1/organizations/{Scope.OrganizationId}/environments/{Scope.EnvironmentId}/connections";
        Assert.That(Warnings.ToList(), Has.Count.EqualTo(2));
        Assert.That(Warnings, Has.Exactly(1).Match(
            $@"^Warning FlinkApiClient: Flink API POST {path} failed \(HTTP 503\); retrying: attempt 2 of 4 in \d+ ms"));
        Assert.That(Warnings, Has.Exactly(1).Contain("attempt 3 of 4"));
        Assert.That(Warnings, Has.None.Contain("was told to answer"), "the answer's body stays out of the log");
    }

    [Test]
    public async Task ARetriedTransportFailureIsNamedByItsKind()
    {
        await Admin.SetFaultsAsync(new FaultPlan { DropNext = 1 });

        await Client(maxRetries: 2).ListAsync(Scope, null, CancellationToken.None);

        var warning = Warnings.Single();
        Assert.That(warning, Does.Contain("Flink API GET").And.Contain("attempt 2 of 3").And.Not.Contain("HTTP "));
        Assert.That(warning, Does.Contain("connection closed before the answer").Or.Contain("connection dropped"));
    }

    [Test]
    public async Task ACallThatSucceedsFirstTimeLogsNoWarning()
    {
        await Client().ListAsync(Scope, null, CancellationToken.None);

        Assert.That(Warnings, Is.Empty);
    }
}
