using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chalice.Local.Sns.Topics;

/// <summary>
/// One notification of a published message to one subscription, in the two forms SNS sends: the JSON envelope an SQS
/// subscription receives as the message body (unless it asked for raw delivery), with the fields and order of AWS's
/// example (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToSQS.html and
/// https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html: Subject and MessageAttributes only when
/// present), and the event a Lambda subscription's function is invoked with
/// (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html; shared/fixtures/events/sns-event.json).
/// </summary>
internal sealed class SnsNotification
{
    private static readonly JavaScriptEncoder s_encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private SnsNotification(string topicArn, string subscriptionArn, PublishedMessage published, string message, string timestamp,
        string signature, string signingCertUrl, string unsubscribeUrl)
    {
        TopicArn = topicArn;
        SubscriptionArn = subscriptionArn;
        Published = published;
        Message = message;
        Timestamp = timestamp;
        Signature = signature;
        SigningCertUrl = signingCertUrl;
        UnsubscribeUrl = unsubscribeUrl;
    }

    public string TopicArn { get; }
    public string SubscriptionArn { get; }
    public PublishedMessage Published { get; }
    public string Message { get; }
    public string Timestamp { get; }
    public string Signature { get; }
    public string SigningCertUrl { get; }
    public string UnsubscribeUrl { get; }

    public static SnsNotification For(StoredSubscription subscription, PublishedMessage published, NotificationSigner signer, Uri endpoint)
    {
        var message = published.MessageFor(subscription.Protocol);
        // The time as SNS writes it: UTC with milliseconds, e.g. 2012-03-29T05:12:16.901Z.
        var timestamp = published.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var signature = signer.Sign(message, published.MessageId, published.Subject, timestamp, subscription.TopicArn, "Notification");
        var baseUrl = endpoint.ToString().TrimEnd('/');
        return new SnsNotification(subscription.TopicArn, subscription.Arn, published, message, timestamp, signature,
            baseUrl + NotificationSigner.CertificatePath,
            $"{baseUrl}/?Action=Unsubscribe&SubscriptionArn={subscription.Arn}");
    }

    /// <summary>The SQS message body: SNS's JSON envelope, formatted as SNS formats it.</summary>
    public string ToSqsBody()
    {
        var fields = new List<(string Name, string Json)>
        {
            ("Type", Quote("Notification")),
            ("MessageId", Quote(Published.MessageId)),
        };
        fields.Add(("TopicArn", Quote(TopicArn)));
        if (Published.Subject is not null)
            fields.Add(("Subject", Quote(Published.Subject)));
        fields.Add(("Message", Quote(Message)));
        fields.Add(("Timestamp", Quote(Timestamp)));
        fields.Add(("SignatureVersion", Quote("1")));
        fields.Add(("Signature", Quote(Signature)));
        fields.Add(("SigningCertURL", Quote(SigningCertUrl)));
        fields.Add(("UnsubscribeURL", Quote(UnsubscribeUrl)));
        if (Published.Attributes.Count > 0)
        {
            var attributes = string.Join(",\n", Published.Attributes.Select(a => $"    {Quote(a.Key)} : {AttributeJson(a.Value)}"));
            fields.Add(("MessageAttributes", "{\n" + attributes + "\n  }"));
        }
        return "{\n" + string.Join(",\n", fields.Select(f => $"  {Quote(f.Name)} : {f.Json}")) + "\n}";
    }

    /// <summary>The Lambda event for one record, as SNS invokes a subscribed function.</summary>
    public byte[] ToLambdaEvent()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = s_encoder }))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            json.WriteStartObject();
            json.WriteString("EventSource", "aws:sns");
            json.WriteString("EventVersion", "1.0");
            json.WriteString("EventSubscriptionArn", SubscriptionArn);
            json.WriteStartObject("Sns");
            json.WriteString("Type", "Notification");
            json.WriteString("MessageId", Published.MessageId);
            json.WriteString("TopicArn", TopicArn);
            if (Published.Subject is null)
                json.WriteNull("Subject");
            else
                json.WriteString("Subject", Published.Subject);
            json.WriteString("Message", Message);
            json.WriteString("Timestamp", Timestamp);
            json.WriteString("SignatureVersion", "1");
            json.WriteString("Signature", Signature);
            json.WriteString("SigningCertUrl", SigningCertUrl);
            json.WriteString("UnsubscribeUrl", UnsubscribeUrl);
            json.WriteStartObject("MessageAttributes");
            foreach (var (name, attribute) in Published.Attributes)
            {
                json.WriteStartObject(name);
                json.WriteString("Type", attribute.DataType);
                json.WriteString("Value", ValueText(attribute));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string AttributeJson(PublishedAttribute attribute) =>
        $"{{\"Type\":{Quote(attribute.DataType)},\"Value\":{Quote(ValueText(attribute))}}}";

    private static string ValueText(PublishedAttribute attribute) =>
        attribute.BinaryValue is { } binary ? Convert.ToBase64String(binary) : attribute.StringValue ?? "";

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        builder.Append(s_encoder.Encode(value));
        return builder.Append('"').ToString();
    }
}
