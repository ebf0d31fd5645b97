using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Chalice.Local.Sns.Topics;

/// <summary>
/// Signs notifications as SNS does (SignatureVersion 1: SHA1withRSA over the canonical string of Message, MessageId,
/// Subject if present, Timestamp, TopicArn and Type, https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html),
/// with a key made at start whose self-signed certificate the stand-in serves at <see cref="CertificatePath"/>. Code
/// that verifies signatures against AWS's certificate hosts will not accept it, as it should not.
/// </summary>
internal sealed class NotificationSigner : IDisposable
{
    public const string CertificatePath = "/SimpleNotificationService-local.pem";

    private readonly RSA _key = RSA.Create(2048);

    public NotificationSigner()
    {
        var request = new CertificateRequest("CN=sns.local", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        CertificatePem = certificate.ExportCertificatePem();
    }

    public string CertificatePem { get; }

    public string Sign(string message, string messageId, string? subject, string timestamp, string topicArn, string type)
    {
        var canonical = new StringBuilder()
            .Append("Message\n").Append(message).Append('\n')
            .Append("MessageId\n").Append(messageId).Append('\n');
        if (subject is not null)
            canonical.Append("Subject\n").Append(subject).Append('\n');
        canonical.Append("Timestamp\n").Append(timestamp).Append('\n')
            .Append("TopicArn\n").Append(topicArn).Append('\n')
            .Append("Type\n").Append(type).Append('\n');
        var signature = _key.SignData(Encoding.UTF8.GetBytes(canonical.ToString()), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        return Convert.ToBase64String(signature);
    }

    public void Dispose() => _key.Dispose();
}
