using Newtonsoft.Json;

namespace ConfluentFlink.FlinkApi.Models;

/// <summary>The API's <c>Failure</c> error body.</summary>
public sealed class Failure
{
    [JsonProperty("errors")] public List<ApiError> Errors { get; set; } = new();
}

public sealed class ApiError
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("status")] public string? Status { get; set; }
    [JsonProperty("code")] public string? Code { get; set; }
    [JsonProperty("title")] public string? Title { get; set; }
    [JsonProperty("detail")] public string? Detail { get; set; }
    [JsonProperty("source")] public ErrorSource? Source { get; set; }
}

public sealed class ErrorSource
{
    [JsonProperty("pointer")] public string? Pointer { get; set; }
    [JsonProperty("parameter")] public string? Parameter { get; set; }
}
