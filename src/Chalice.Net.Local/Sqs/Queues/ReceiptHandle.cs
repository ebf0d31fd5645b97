using System.Globalization;
using System.Text;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// A receipt handle: which queue, message and receive it was issued for, opaque to clients (base64 with random bytes,
/// like AWS's). Each receive issues a new one. As on AWS, a handle from an earlier receive of the same message still
/// deletes it or changes its visibility (moto's receipt-handle rules, verified against AWS in getmoto/moto#4655); a
/// string SQS never issued is <c>ReceiptHandleIsInvalid</c>.
/// </summary>
internal readonly record struct ReceiptHandle(string Queue, string MessageId, int Receive)
{
    public string Encode()
    {
        Span<byte> salt = stackalloc byte[12];
        Random.Shared.NextBytes(salt);
        var text = string.Create(CultureInfo.InvariantCulture, $"{Queue}\n{MessageId}\n{Receive}\n{Convert.ToHexStringLower(salt)}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    public static ReceiptHandle? TryDecode(string? handle)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > 4096)
            return null;
        var bytes = new byte[handle.Length];
        if (!Convert.TryFromBase64String(handle, bytes, out var length))
            return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var parts = text.Split('\n');
        return parts.Length == 4 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var receive) && receive > 0
            ? new ReceiptHandle(parts[0], parts[1], receive)
            : null;
    }
}
