using System.Security.Cryptography;
using System.Text;
using ConfluentFlink.FlinkApiEmulator.Api;

namespace ConfluentFlink.FlinkApiEmulator.Hosting;

/// <summary>HTTP Basic auth against the key and secret the emulator was started with; 401 as the service answers it.</summary>
internal static class BasicAuthMiddleware
{
    public static void UseBasicAuth(this IApplicationBuilder app, string apiKey, string apiSecret)
    {
        var expected = Encoding.UTF8.GetBytes($"{apiKey}:{apiSecret}");
        app.Use(async (http, next) =>
        {
            if (ApiPaths.IsAdmin(http) || Presented(http.Request) is { } presented && CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                await next(http);
                return;
            }

            http.Response.Headers.WWWAuthenticate = "Basic error=\"invalid_key\", error_description=\"The API Key is invalid\"";
            await Failures.Unauthenticated().ExecuteAsync(http);
        });
    }

    private static byte[]? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return Convert.FromBase64String(header[scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
