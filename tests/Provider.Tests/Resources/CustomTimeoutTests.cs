using ConfluentFlink.Provider.Contract;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>customTimeouts bound a whole operation against a service that holds the request, and the error names the timeout.</summary>
public class CustomTimeoutTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Test]
    public async Task A_create_that_outlasts_its_timeout_names_the_timeout_and_the_import_command()
    {
        var fixture = new ProviderFixture();
        fixture.Api.HoldEveryCall = true;
        var inputs = fixture.Check(ProviderFixture.OpenAi()).Inputs;
        var error = Assert.ThrowsAsync<ProviderUserException>(() => fixture.Provider.CreateAsync(Requests.Create(inputs, timeout: Short), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("custom timeout of 0.3 s").And.Contain("pulumi import confluentflink:index:FlinkConnection conn org-1/env-1/conn1"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Update_read_and_delete_are_bounded_the_same_way()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        fixture.Api.HoldEveryCall = true;
        var news = fixture.Check(ProviderFixture.OpenAi(apiKey: "rotated")).Inputs;

        var update = Assert.ThrowsAsync<ProviderUserException>(() => fixture.Provider.UpdateAsync(Requests.Update(id, outputs, inputs, news, timeout: Short), CancellationToken.None));
        var read = Assert.ThrowsAsync<ProviderUserException>(() => fixture.Provider.ReadAsync(Requests.Read(id, outputs, inputs, timeout: Short), CancellationToken.None));
        var delete = Assert.ThrowsAsync<ProviderUserException>(() => fixture.Provider.DeleteAsync(Requests.Delete(id, outputs, inputs, timeout: Short), CancellationToken.None));

        Assert.That(update!.Message, Does.Contain("update did not finish within its custom timeout"));
        Assert.That(read!.Message, Does.Contain("read did not finish within its custom timeout"));
        Assert.That(delete!.Message, Does.Contain("delete did not finish within its custom timeout").And.Contain("may still exist"));
    }

    [Test]
    public void A_cancelled_call_is_a_cancellation_not_a_timeout()
    {
        var fixture = new ProviderFixture();
        fixture.Api.HoldEveryCall = true;
        var inputs = fixture.Check(ProviderFixture.OpenAi()).Inputs;
        using var cancel = new CancellationTokenSource(Short);
        Assert.That(() => fixture.Provider.CreateAsync(Requests.Create(inputs, timeout: TimeSpan.FromMinutes(5)), cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Without_a_timeout_an_operation_is_not_cut_short()
    {
        var fixture = new ProviderFixture();
        var (id, _, _) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        Assert.That(id, Is.EqualTo("org-1/env-1/conn1"));
    }
}
