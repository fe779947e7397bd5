namespace ConfluentFlink.Provider.Resources;

/// <summary>Pieces of user input quoted in messages, kept short so that an absurd input cannot flood the message.</summary>
public static class MessageText
{
    public const int QuoteLength = 120;

    public static string Shorten(string text, int length = QuoteLength) => text.Length <= length ? text : text[..length] + "...";
}
