using System.Linq;
using System.Text;

namespace Chalice.Generators.Parsing;

/// <summary>
/// What a camelCase <c>[FromHeader]</c> parameter name was most likely meant to be. C# names cannot hold '-', so
/// <c>xAuthor</c> binds the header <c>xAuthor</c> as written, never <c>X-Author</c>; CHALICE016 says so and offers
/// this spelling. (Header names compare case-insensitively, so <c>authorization</c> needs nothing.)
/// </summary>
internal static class HeaderName
{
    /// <summary>
    /// <c>xAuthor</c> → <c>X-Author</c>, <c>contentMD5</c> → <c>Content-MD5</c>; null when the name has no word boundary
    /// (a lower-case letter or digit followed by an upper-case one).
    /// </summary>
    public static string? Hyphenated(string parameterName)
    {
        var result = new StringBuilder(parameterName.Length + 4);
        var split = false;
        for (var i = 0; i < parameterName.Length; i++)
        {
            var c = parameterName[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(parameterName[i - 1]) || char.IsDigit(parameterName[i - 1])))
            {
                result.Append('-');
                split = true;
            }
            result.Append(i == 0 || result[result.Length - 1] == '-' ? char.ToUpperInvariant(c) : c);
        }
        return split ? result.ToString() : null;
    }

    /// <summary>Whether <paramref name="name"/> is an HTTP header name: an RFC 9110 token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    public static bool IsToken(string name) =>
        name.Length > 0 && name.All(c => c < 127 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0));
}
