using System.Text;
using Chalice.Local.S3.Checksums;

namespace Chalice.Local.Tests.S3;

public sealed class ChecksumAlgorithmTests
{
    // The catalogue check values of each algorithm over "123456789", and values the AWS SDK itself sent (captured).
    [Theory]
    [InlineData("CRC32", "123456789", "CBF43926")]
    [InlineData("CRC32C", "123456789", "E3069283")]
    [InlineData("CRC64NVME", "123456789", "AE8B14860A799888")]
    [InlineData("SHA1", "123456789", "F7C3BC1D808E04732ADF679965CCC34CA7AE3441")]
    [InlineData("SHA256", "123456789", "15E2B0D3C33891EBB0F1EF609EC419420C20E320CE94C65FBC8C3312448EB225")]
    [InlineData("CRC32", "hello world", "0D4A1185")]
    [InlineData("CRC32", "", "00000000")]
    public void Computes_the_published_check_value_in_s3_wire_form(string algorithm, string input, string expectedHex)
    {
        var checksum = ChecksumAlgorithm.FromName(algorithm)!.Create();
        var bytes = Encoding.ASCII.GetBytes(input);
        // Fed in two pieces to prove the computation is incremental.
        checksum.Append(bytes.AsSpan(0, bytes.Length / 2));
        checksum.Append(bytes.AsSpan(bytes.Length / 2));

        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(expectedHex)), checksum.GetBase64());
    }

    [Fact]
    public void Names_and_header_names_resolve_case_insensitively()
    {
        Assert.Same(ChecksumAlgorithm.Crc32C, ChecksumAlgorithm.FromName("crc32c"));
        Assert.Same(ChecksumAlgorithm.Crc64Nvme, ChecksumAlgorithm.FromHeaderName("X-Amz-Checksum-Crc64nvme"));
        Assert.Null(ChecksumAlgorithm.FromName("MD4"));
    }
}
