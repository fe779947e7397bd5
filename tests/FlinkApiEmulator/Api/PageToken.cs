using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>The opaque page_token: the last name of the previous page, base64url-encoded (names are at most 100 characters).</summary>
internal static class PageToken
{
    public static string Encode(string lastName) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(lastName));

    public static bool TryDecode(string token, out string lastName)
    {
        lastName = "";
        if (token.Length > 255) return false;
        try
        {
            lastName = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            return lastName.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
