using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>The list a page belongs to: a page token is good only for the listing that handed it out.</summary>
internal readonly record struct Listing(string OrganizationId, string EnvironmentId, string? ConnectionType);

/// <summary>
/// The opaque page_token: the last name of the previous page and a signature over it and its <see cref="Listing"/>, made
/// with a key this server drew when it started. A token it did not hand out, one for another listing, and one from an
/// earlier run all fail the check, as the service refuses tokens it cannot read.
/// </summary>
internal sealed class PageTokens
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(Listing listing, string lastName) =>
        $"{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(lastName))}.{WebEncoders.Base64UrlEncode(Signature(listing, lastName))}";

    public bool TryRead(Listing listing, string token, out string lastName)
    {
        lastName = "";
        if (token.Split('.') is not [var namePart, var signaturePart]) return false;
        try
        {
            var name = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(namePart));
            if (!CryptographicOperations.FixedTimeEquals(WebEncoders.Base64UrlDecode(signaturePart), Signature(listing, name))) return false;
            lastName = name;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // JSON keeps the fields apart whatever characters they hold.
    private byte[] Signature(Listing listing, string lastName) =>
        HMACSHA256.HashData(_key, JsonSerializer.SerializeToUtf8Bytes(new SignedCursor(listing, lastName)));

    private sealed record SignedCursor(Listing Listing, string LastName);
}
