using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>A tiny deployment package built in memory.</summary>
internal static class TestZip
{
    public static byte[] Create(string bootstrapContent)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("bootstrap");
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(bootstrapContent));
        }
        return buffer.ToArray();
    }

    /// <summary>Lambda's CodeSha256: the base64 SHA-256 of the zip.</summary>
    public static string Sha256(byte[] zip) => Convert.ToBase64String(SHA256.HashData(zip));
}
