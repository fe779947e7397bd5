using ConfluentFlink.FlinkApi.Models;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>
/// Base of every test here: collects all client and emulator log lines and every exception a test caught, and after
/// each test asserts that no secret (API secret, connection credential, Basic header) appears in any of them.
/// </summary>
public abstract class LeakCheckedTest
{
    private readonly List<string> _exceptionTexts = new();
    private protected RecordingLoggerProvider Logs { get; private set; } = new();
    private protected ILogger ClientLogger { get; private set; } = null!;

    [SetUp]
    public void StartRecording()
    {
        Logs = new RecordingLoggerProvider();
        ClientLogger = Logs.CreateLogger("FlinkApiClient");
        _exceptionTexts.Clear();
    }

    [TearDown]
    public void AssertNoSecretLeaked()
    {
        Assert.That(TestSecrets.Leaks(Logs.Lines.Concat(_exceptionTexts)), Is.Empty, "a secret appeared in a log line or exception text");
    }

    /// <summary>Runs <paramref name="action"/>, expects <typeparamref name="TException"/>, and keeps its text for the leak scan.</summary>
    private protected async Task<TException> Expect<TException>(Func<Task> action) where TException : Exception
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            Record(ex);
            Assert.That(ex, Is.InstanceOf<TException>(), () => $"unexpected exception: {ex}");
            return (TException)ex;
        }

        Assert.Fail($"expected {typeof(TException).Name}, but the call succeeded");
        throw new InvalidOperationException("unreachable");
    }

    private protected void Record(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            _exceptionTexts.Add(e.Message);
            _exceptionTexts.Add(e.ToString());
        }
    }

    /// <summary>Short delays keep the suite fast; timeouts stay generous unless a test is about them.</summary>
    private protected static FlinkApiSettings Settings(Uri endpoint, int maxRetries = 3, string? secret = null,
        TimeSpan? attemptTimeout = null, TimeSpan? totalTimeout = null, TimeSpan? maxDelay = null, int listPageSize = 100) => new()
    {
        RestEndpoint = endpoint,
        ApiKey = TestSecrets.ApiKey,
        ApiSecret = secret ?? TestSecrets.ApiSecret,
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = maxDelay ?? TimeSpan.FromSeconds(2),
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        TotalTimeout = totalTimeout ?? TimeSpan.FromSeconds(30),
        ListPageSize = listPageSize,
    };

    private protected static readonly ConnectionScope Scope = new("0b6a1b0e-1111-4c2d-9e8f-000000000001", "env-abc123");

    /// <summary>A create of <paramref name="type"/> with <paramref name="authDataJson"/>, else the type's sample credential.</summary>
    private protected static ConnectionRequest Request(string name, string type = "OPENAI",
        string endpoint = "https://api.openai.com/v1/chat/completions", string? authDataJson = null) => new()
    {
        Name = name,
        ConnectionType = type,
        Endpoint = endpoint,
        AuthDataJson = authDataJson ?? AuthDataSamples.For(type),
    };

    /// <summary>A read connection prepared for PUT: the credential set again, as the provider does.</summary>
    private protected static Connection ForUpdate(Connection read, string credentialJson)
    {
        read.Spec!.AuthData = new AuthData { Data = credentialJson };
        return read;
    }
}
