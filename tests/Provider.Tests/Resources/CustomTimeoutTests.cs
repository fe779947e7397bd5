using ConfluentFlink.FlinkApi;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>
/// customTimeouts reach the REST client as one budget per operation, shared by every call the operation makes, so the
/// whole operation is bounded. How the client keeps to a budget is the client's tests' subject; a held request under a
/// timeout is the lifecycle tests'.
/// </summary>
public class CustomTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(42);

    [Test]
    public async Task EveryCallOfAnOperationSharesTheOneBudgetWithTheOperationsTimeout()
    {
        var fixture = new ProviderFixture();
        var inputs = fixture.Check(ProviderFixture.OpenAi()).Inputs;
        var created = await fixture.Provider.CreateAsync(Requests.Create(inputs, timeout: Timeout), CancellationToken.None);
        AssertOneBudget(fixture, "create");

        var news = fixture.Check(ProviderFixture.OpenAi(apiKey: "rotated")).Inputs;
        await fixture.Provider.UpdateAsync(Requests.Update(created.Id, created.Outputs, inputs, news, timeout: Timeout), CancellationToken.None);
        AssertOneBudget(fixture, "update", expectedCalls: 3);

        await fixture.Provider.ReadAsync(Requests.Read(created.Id, created.Outputs, news, timeout: Timeout), CancellationToken.None);
        AssertOneBudget(fixture, "read");

        await fixture.Provider.DeleteAsync(Requests.Delete(created.Id, created.Outputs, news, timeout: Timeout), CancellationToken.None);
        AssertOneBudget(fixture, "delete");
    }

    [Test]
    public async Task WithoutATimeoutTheBudgetHasNone()
    {
        var fixture = new ProviderFixture();
        await fixture.CreateAsync(ProviderFixture.OpenAi());
        Assert.That(fixture.Api.BudgetsSeen.Single().Timeout, Is.Null);
    }

    private static void AssertOneBudget(ProviderFixture fixture, string operation, int? expectedCalls = null)
    {
        var budgets = new List<OperationBudget>();
        while (fixture.Api.BudgetsSeen.TryDequeue(out var budget)) budgets.Add(budget);
        Assert.That(budgets, Is.Not.Empty, operation);
        if (expectedCalls is { } calls) Assert.That(budgets, Has.Count.EqualTo(calls), operation);
        Assert.That(budgets.Distinct(), Has.Exactly(1).Items, $"every call of the {operation} gets the same budget");
        Assert.That(budgets[0].Timeout, Is.EqualTo(Timeout), operation);
    }
}
