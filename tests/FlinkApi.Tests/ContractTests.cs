using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConfluentFlink.FlinkApi.Tests.Support;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// Every body the client sends and every body the emulator answers, checked against Confluent's OpenAPI excerpt.
/// </summary>
public sealed class ContractTests : EmulatorTest
{
    private const string ItemTemplate = "/sql/v1/organizations/o/environments/e/connections/c";

    [Test]
    public async Task ClientRequestsAndEmulatorAnswersConformToTheOpenapiDocument()
    {
        var contract = await OpenApiContract.LoadSharedAsync();
        var recorder = new ExchangeRecorder();
        var client = FlinkConnectionsClient.Create(Settings(Emulator.BaseAddress, listPageSize: 2), ClientLogger, recorder);
        var badClient = FlinkConnectionsClient.Create(Settings(Emulator.BaseAddress, secret: "wrong"), ClientLogger, recorder);

        await RunEveryOperationAndError(client, badClient);

        var statuses = recorder.Exchanges.Select(e => $"{e.Method} {e.Status}").Distinct().ToList();
        Assert.That(statuses, Is.SupersetOf(new[]
        {
            "POST 201", "POST 400", "POST 409", "POST 422", "GET 200", "GET 404", "GET 401", "PUT 200", "PUT 400", "PUT 409", "DELETE 200",
            "DELETE 404",
        }), "the scenario exercised every operation and the main error answers");
        var problems = new List<string>();
        foreach (var exchange in recorder.Exchanges)
        {
            if (exchange.RequestBody is { Length: > 0 } sent)
                problems.AddRange(contract.CheckRequest(exchange.Method, exchange.Path, sent).Select(p => $"request {exchange.Method} {exchange.Path}: {p}"));
            problems.AddRange(contract.CheckResponse(exchange.Method, exchange.Path, exchange.Status, exchange.ResponseBody)
                .Select(p => $"response {exchange.Method} {exchange.Path} {exchange.Status}: {p}"));
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task EmulatorAnswersToMalformedRequestsAreFailureDocuments()
    {
        var contract = await OpenApiContract.LoadSharedAsync();
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", TestSecrets.BasicParameter);
        const string collection = "/sql/v1/organizations/o/environments/e/connections";

        var answers = new List<(HttpMethod, string, HttpResponseMessage)>
        {
            (HttpMethod.Post, collection, await http.PostAsync(collection, Body("{\"name\": 5}"))),
            (HttpMethod.Post, collection, await http.PostAsync(collection, Body("not json"))),
            (HttpMethod.Post, collection, await http.PostAsync(collection, Body("{\"name\":\"n\"}"))),
            (HttpMethod.Get, collection, await http.GetAsync(collection + "?page_size=1000")),
            (HttpMethod.Get, collection, await http.GetAsync(collection + "?page_token=%21%21")),
            (HttpMethod.Put, ItemTemplate, await http.PutAsync(ItemTemplate, Body("{\"name\":\"c\"}"))),
        };

        foreach (var (method, path, response) in answers)
        {
            Assert.That((int)response.StatusCode, Is.InRange(400, 499), $"{method} {path}");
            Assert.That(contract.CheckResponse(method, path, (int)response.StatusCode, await response.Content.ReadAsStringAsync()), Is.Empty);
            Assert.That(response.Headers.Contains("X-Request-Id"), Is.True);
        }
    }

    [Test]
    public async Task TheValidatorRejectsBodiesThatBreakTheSchema()
    {
        var contract = await OpenApiContract.LoadSharedAsync();
        const string collection = "/sql/v1/organizations/o/environments/e/connections";

        Assert.Multiple(() =>
        {
            Assert.That(contract.CheckRequest(HttpMethod.Post, collection, "{\"name\":\"n\"}"), Is.Not.Empty, "spec is required on create");
            Assert.That(contract.CheckRequest(HttpMethod.Put, ItemTemplate, "{\"name\":\"c\",\"spec\":{\"auth_data\":{}}}"), Is.Not.Empty,
                "metadata is required on update");
            Assert.That(contract.CheckResponse(HttpMethod.Get, collection, 200, "{\"data\":[]}"), Is.Not.Empty,
                "api_version, kind and metadata are required in a list");
            Assert.That(contract.CheckResponse(HttpMethod.Get, ItemTemplate, 404, "{\"errors\":{}}"), Is.Not.Empty,
                "errors is an array");
            Assert.That(contract.CheckResponse(HttpMethod.Delete, ItemTemplate, 204, ""), Is.Not.Empty, "204 is not documented");
            Assert.That(contract.Documents(HttpMethod.Patch, ItemTemplate), Is.False);
        });
    }

    private async Task RunEveryOperationAndError(IFlinkConnectionsClient client, IFlinkConnectionsClient badClient)
    {
        var created = await client.CreateAsync(Scope, Request("contract-a"), CancellationToken.None);
        await client.CreateAsync(Scope, Request("contract-b", "MONGODB", "mongodb+srv://cluster0.example.net"), CancellationToken.None);
        await client.CreateAsync(Scope, Request("contract-c", "BEDROCK", "https://bedrock.us-east-1.amazonaws.com"), CancellationToken.None);
        await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("contract-a"), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("Not_Valid"), CancellationToken.None));
        await Expect<FlinkApiException>(() =>
            client.CreateAsync(Scope, Request("contract-d", authDataJson: AuthDataSamples.Json("BEARER_TOKEN")), CancellationToken.None));
        await client.ListAsync(Scope, null, CancellationToken.None);
        await client.ListAsync(Scope, "MONGODB", CancellationToken.None);
        var read = await client.GetAsync(Scope, "contract-a", CancellationToken.None);
        await Expect<FlinkApiException>(() =>
            client.UpdateAsync(Scope, ForUpdate(read!, AuthDataSamples.Json("API_KEY=")), CancellationToken.None));
        await client.UpdateAsync(Scope, ForUpdate(read!, TestSecrets.CredentialJson), CancellationToken.None);
        await Expect<FlinkApiException>(() => client.UpdateAsync(Scope, ForUpdate(created.Connection, TestSecrets.CredentialJson), CancellationToken.None));
        await client.GetAsync(Scope, "missing", CancellationToken.None);
        await Expect<FlinkApiException>(() => badClient.GetAsync(Scope, "contract-a", CancellationToken.None));
        await client.DeleteAsync(Scope, "contract-a", CancellationToken.None);
        await client.DeleteAsync(Scope, "contract-a", CancellationToken.None);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
