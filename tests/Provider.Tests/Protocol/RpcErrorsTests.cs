using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Protocol;
using ConfluentFlink.Provider.Contract;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfluentFlink.Provider.Tests.Protocol;

public class RpcErrorsTests
{
    [Test]
    public void UserMistakesAreInvalidArgumentWithTheirMessage()
    {
        var error = RpcErrors.From(new ProviderUserException("id must be <org>/<env>/<name>"), NullLogger.Instance);

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Is.EqualTo("id must be <org>/<env>/<name>"));
    }

    [TestCase(HttpStatusCode.BadRequest, StatusCode.InvalidArgument)]
    [TestCase(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [TestCase(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [TestCase(HttpStatusCode.NotFound, StatusCode.NotFound)]
    [TestCase(HttpStatusCode.Conflict, StatusCode.AlreadyExists)]
    [TestCase(HttpStatusCode.TooManyRequests, StatusCode.ResourceExhausted)]
    [TestCase(HttpStatusCode.InternalServerError, StatusCode.Unavailable)]
    [TestCase(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    public void FlinkApiFailuresMapByHttpStatus(HttpStatusCode http, StatusCode expected)
    {
        var error = RpcErrors.From(new FlinkApiException("the API said no", http), NullLogger.Instance);

        Assert.That(error.StatusCode, Is.EqualTo(expected));
        Assert.That(error.Status.Detail, Is.EqualTo("the API said no"));
    }

    [Test]
    public void TransportFailuresAreUnavailable()
    {
        Assert.That(RpcErrors.From(new FlinkApiException("timed out"), NullLogger.Instance).StatusCode, Is.EqualTo(StatusCode.Unavailable));
    }

    [Test]
    public void CancellationIsCancelled()
    {
        Assert.That(RpcErrors.From(new OperationCanceledException(), NullLogger.Instance).StatusCode, Is.EqualTo(StatusCode.Cancelled));
        Assert.That(RpcErrors.From(new TaskCanceledException(), NullLogger.Instance).StatusCode, Is.EqualTo(StatusCode.Cancelled));
    }

    [Test]
    public void UnexpectedExceptionsHideTheirMessageAndLogOnlyTypeAndStack()
    {
        var logger = new RecordingLogger();
        Exception thrown;
        try
        {
            throw new InvalidOperationException("contains secret-value-123");
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        var error = RpcErrors.From(thrown, logger);

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Internal));
        Assert.That(error.Status.Detail, Is.EqualTo(RpcErrors.InternalMessage));
        Assert.That(logger.Messages, Has.Some.Contains("System.InvalidOperationException").And.Contains(nameof(UnexpectedExceptionsHideTheirMessageAndLogOnlyTypeAndStack)));
        Assert.That(logger.Messages, Has.None.Contains("secret-value-123"));
    }

    [Test]
    public void RpcExceptionsPassThrough()
    {
        var original = new RpcException(new Status(StatusCode.FailedPrecondition, "x"));

        Assert.That(RpcErrors.From(original, NullLogger.Instance), Is.SameAs(original));
    }

    private sealed class RecordingLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Messages { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) => Messages.Add(formatter(state, exception));
    }
}
