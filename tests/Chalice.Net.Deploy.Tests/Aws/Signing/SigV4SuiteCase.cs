using System.Text;
using Chalice.Deploy.Aws.Signing;

namespace Chalice.Deploy.Tests.Aws.Signing;

/// <summary>One case of the AWS SigV4 test suite: the raw <c>.req</c> parsed into a <see cref="SignableRequest"/>.</summary>
internal sealed record SigV4SuiteCase(string Name, string Directory, SignableRequest Request)
{
    public string Expected(string extension) =>
        File.ReadAllText(System.IO.Path.Combine(Directory, System.IO.Path.GetFileName(Directory) + extension));

    public static SigV4SuiteCase Load(string directory)
    {
        var name = System.IO.Path.GetFileName(directory);
        var raw = File.ReadAllBytes(System.IO.Path.Combine(directory, name + ".req"));
        var (head, body) = SplitHeadAndBody(raw);
        var lines = head.Split('\n');

        // The request line is "METHOD PATH HTTP/1.1"; get-space's path holds a literal space, so cut at both ends.
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var questionMark = target.IndexOf('?', StringComparison.Ordinal);
        var path = questionMark < 0 ? target : target[..questionMark];
        var query = questionMark < 0 ? "" : target[(questionMark + 1)..];

        return new SigV4SuiteCase(name, directory, new SignableRequest(method, path, query, ParseHeaders(lines.Skip(1)), SigV4Signer.HashPayload(body)));
    }

    /// <summary>Parses "Name:value" header lines; a line starting with whitespace continues the previous value.</summary>
    public static List<KeyValuePair<string, string>> ParseHeaders(IEnumerable<string> lines)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines)
        {
            if (line.Length == 0)
                continue;
            if (char.IsWhiteSpace(line[0]))
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }
        return headers;
    }

    private static (string Head, byte[] Body) SplitHeadAndBody(byte[] raw)
    {
        var separator = "\n\n"u8;
        var index = raw.AsSpan().IndexOf(separator);
        return index < 0
            ? (Encoding.UTF8.GetString(raw).TrimEnd('\n'), [])
            : (Encoding.UTF8.GetString(raw, 0, index), raw[(index + separator.Length)..]);
    }
}
