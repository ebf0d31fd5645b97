using System.Net;

namespace Chalice.Local.S3.Protocol;

/// <summary>S3's rules for general purpose bucket names, which also make every valid name a safe folder name.</summary>
internal static class BucketName
{
    private static readonly string[] s_reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] s_reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static bool IsValid(string name)
    {
        if (name.Length is < 3 or > 63)
            return false;
        if (!IsLetterOrDigit(name[0]) || !IsLetterOrDigit(name[^1]))
            return false;
        foreach (var c in name)
        {
            if (!IsLetterOrDigit(c) && c is not '.' and not '-')
                return false;
        }
        if (name.Contains("..", StringComparison.Ordinal))
            return false;
        if (IPAddress.TryParse(name, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && name.Count(c => c == '.') == 3)
            return false;
        return !s_reservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && !s_reservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
