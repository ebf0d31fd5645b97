namespace Chalice.Deploy.Planning;

/// <summary>Reads fields of an ARN (<c>arn:partition:service:region:account:resource</c>).</summary>
internal static class Arn
{
    /// <summary>The account field.</summary>
    /// <exception cref="FormatException">The text is not an ARN with an account.</exception>
    public static string Account(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[4].Length > 0
            ? parts[4]
            : throw new FormatException($"'{arn}' is not an ARN with an account id.");
    }
}
