using ConfluentFlink.FlinkApi.Models;
using Refit;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// The five Connections operations of <c>sql/v1</c> as Refit declares them. Every method answers
/// <see cref="IApiResponse"/> so that non-2xx answers come back as data and are mapped to
/// <see cref="FlinkApiException"/> in one place instead of surfacing as Refit's own exception.
/// </summary>
[Headers("Accept: application/json")]
internal interface IConnectionsApi
{
    public const string Collection = "/sql/v1/organizations/{organizationId}/environments/{environmentId}/connections";
    private const string Item = Collection + "/{connectionName}";

    [Get(Collection)]
    Task<IApiResponse<ConnectionList>> List(string organizationId, string environmentId,
        [AliasAs("spec.connection_type")] string? connectionType, [AliasAs("page_size")] int pageSize,
        [AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);

    [Post(Collection)]
    Task<IApiResponse<Connection>> Create(string organizationId, string environmentId, [Body] Connection connection,
        CancellationToken cancellationToken);

    [Get(Item)]
    Task<IApiResponse<Connection>> Get(string organizationId, string environmentId, string connectionName, CancellationToken cancellationToken);

    [Put(Item)]
    Task<IApiResponse<Connection>> Update(string organizationId, string environmentId, string connectionName, [Body] Connection connection,
        CancellationToken cancellationToken);

    [Delete(Item)]
    Task<IApiResponse> Delete(string organizationId, string environmentId, string connectionName, CancellationToken cancellationToken);
}
