using System.Text;

namespace Chalice.Deploy.Aws.Signing;

/// <summary>
/// AWS's URI encoding (RFC 3986): every byte of the UTF-8 form except the unreserved characters
/// <c>A-Z a-z 0-9 - _ . ~</c> becomes <c>%XX</c> with upper-case hex. Unlike <see cref="Uri.EscapeDataString(string)"/> it
/// never leaves sub-delimiters such as <c>!</c>, <c>*</c>, <c>'</c>, <c>(</c>, <c>)</c> unencoded.
/// </summary>
internal static class AwsUriEncoding
{
    /// <summary>Encodes <paramref name="value"/>; with <paramref name="keepSlashes"/> a <c>/</c> stays as is (for paths).</summary>
    public static string Encode(string value, bool keepSlashes = false)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && (IsUnreserved((char)rune.Value) || (keepSlashes && rune.Value == '/')))
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>
    /// Decodes <c>%XX</c> sequences (UTF-8). A <c>+</c> stays a plus: AWS query strings never use it for a space.
    /// </summary>
    public static string Decode(string value) => value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';
}
