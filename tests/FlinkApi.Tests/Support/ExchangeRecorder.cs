using System.Collections.Concurrent;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>One HTTP attempt as it crossed the wire.</summary>
internal sealed record Exchange(HttpMethod Method, string Path, string? RequestBody, int Status, string ResponseBody);

/// <summary>The innermost handler of a client under test: records every attempt's request and response bodies.</summary>
internal sealed class ExchangeRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    public IReadOnlyCollection<Exchange> Exchanges => _exchanges;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        _exchanges.Enqueue(new Exchange(request.Method, request.RequestUri!.AbsolutePath, requestBody, (int)response.StatusCode, responseBody));
        return response;
    }
}
