using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Chalice.Local.Sqs.Protocol;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// The MD5 digests SQS returns for a message, which the AWS SDKs recompute and compare (a mismatch is a client-side
/// error): of the body's UTF-8 bytes, and of the message (or system) attributes encoded as AWS documents at
/// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation:
/// attributes sorted by name; each as name, data type (each a 4-byte big-endian length and UTF-8 bytes), one
/// transport-type byte (1 for String and Number, 2 for Binary) and the value (length and bytes).
/// </summary>
internal static class MessageAttributeDigest
{
    public static string OfBody(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>The digest of a set of attributes, or null for none (SQS then omits the digest).</summary>
    public static string? Of(IReadOnlyDictionary<string, WireMessageAttribute>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
            return null;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var name in attributes.Keys.Order(StringComparer.Ordinal))
        {
            var value = attributes[name];
            AppendLengthPrefixed(md5, Encoding.UTF8.GetBytes(name));
            AppendLengthPrefixed(md5, Encoding.UTF8.GetBytes(value.DataType ?? ""));
            if (value.BinaryValue is { } binary)
            {
                md5.AppendData([2]);
                AppendLengthPrefixed(md5, binary);
            }
            else
            {
                md5.AppendData([1]);
                AppendLengthPrefixed(md5, Encoding.UTF8.GetBytes(value.StringValue ?? ""));
            }
        }
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    private static void AppendLengthPrefixed(IncrementalHash md5, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        md5.AppendData(length);
        md5.AppendData(bytes);
    }
}
