using System.Text;
using System.Text.Json;
using Chalice.Events;
using Chalice.Testing;
using CsCheck;

namespace Chalice.Tests;

/// <summary>
/// The fast SQS reader must read every batch exactly as the general deserializer does (the same object, written back
/// byte for byte), must be what reads the batches Lambda and the local event source mappings send, and must leave
/// anything else to the general deserializer.
/// </summary>
public sealed class FastSqsEventReaderTests
{
    [Fact]
    public void AWSs_sample_takes_the_fast_path_and_reads_as_the_general_deserializer_reads_it() =>
        AssertSameAsGeneral(Encoding.UTF8.GetBytes(SharedFixtures.ReadText("events/sqs-event.json")), mustBeFast: true);

    [Fact]
    public void The_batches_the_event_builder_makes_take_the_fast_path()
    {
        var events = new EventBuilder();
        AssertSameAsGeneral(LambdaEventJson.Serialize(events.Sqs(["one", """{"a":"é \u2028 \"quoted\""}""", ""], "orders")), mustBeFast: true);
    }

    [Fact]
    public void Any_batch_reads_as_the_general_deserializer_reads_it() =>
        s_batch.Sample(batch => AssertSameAsGeneral(LambdaEventJson.Serialize(batch), mustBeFast: true), iter: 300);

    [Fact]
    public void The_messages_of_a_batch_share_the_strings_they_repeat()
    {
        var batch = FastSqsEventReader.TryRead(LambdaEventJson.Serialize(new EventBuilder().Sqs(["first", "second"], "orders")));

        Assert.NotNull(batch);
        var (first, second) = (batch.Records[0], batch.Records[1]);
        Assert.Same(first.EventSourceArn, second.EventSourceArn);
        Assert.Same(first.AwsRegion, second.AwsRegion);
        Assert.Same(first.Attributes!.Keys.First(), second.Attributes!.Keys.First());
        Assert.NotSame(first.Body, second.Body);
    }

    [Theory]
    [InlineData("""{"Records":[{"messageId":"1","receiptHandle":"h","body":"b","somethingNew":1}]}""")]
    [InlineData("""{"Records":[{"messageId":"1","receiptHandle":"h","body":"b"}],"extra":true}""")]
    [InlineData("""{"Records":[{"receiptHandle":"h","body":"b"}]}""")]
    [InlineData("""{"Records":[{"messageId":"1","receiptHandle":"h","body":null}]}""")]
    [InlineData("""{"Records":[{"messageId":1,"receiptHandle":"h","body":"b"}]}""")]
    [InlineData("""{"Records":[{"messageId":"1","receiptHandle":"h","body":"b","attributes":{"a":1}}]}""")]
    [InlineData("""{"Records":[{"messageId":"1","receiptHandle":"h","body":"b","messageAttributes":{"a":{"binaryValue":"not base64!"}}}]}""")]
    [InlineData("""{"Records":[{"messageId":"1","receiptHandle":"h","body":"b","messageAttributes":{"a":null}}]}""")]
    [InlineData("""{"Records":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"Records":[{"messageId":"1","receiptHandle":"h","body":"b"}]} trailing""")]
    [InlineData("""{"Records":[{"messageId":"1",""")]
    public void Anything_unmodelled_or_malformed_falls_back_to_the_general_deserializer(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        Assert.Null(FastSqsEventReader.TryRead(utf8));

        // The public entry point then reads it, or fails, exactly as the general deserializer does.
        Assert.Equal(Outcome(() => JsonSerializer.Deserialize(utf8, LambdaEventJsonContext.Wire.SqsEvent)), Outcome(() => LambdaEventJson.Parse<SqsEvent>(utf8)));
    }

    private static string Outcome(Func<SqsEvent?> read)
    {
        try
        {
            return Encoding.UTF8.GetString(LambdaEventJson.Serialize(read()!));
        }
        catch (JsonException e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static void AssertSameAsGeneral(byte[] json, bool mustBeFast)
    {
        var fast = FastSqsEventReader.TryRead(json);
        Assert.True(fast is not null || !mustBeFast, "the batch fell off the fast path");
        if (fast is null)
            return;
        var general = JsonSerializer.Deserialize(json, LambdaEventJsonContext.Wire.SqsEvent)!;
        Assert.Equal(Encoding.UTF8.GetString(LambdaEventJson.Serialize(general)), Encoding.UTF8.GetString(LambdaEventJson.Serialize(fast)));
    }

    private static readonly Gen<string?> s_optionalText = Gen.String.Null(0.2);

    private static readonly Gen<SqsMessageAttribute> s_attribute =
        Gen.Select(s_optionalText, Gen.Byte.Array[0, 8], Gen.String.Array[0, 3], Gen.Byte.Array[0, 4].Array[0, 3], Gen.OneOf("String", "Number", "Binary", "Number.int"), Gen.Bool,
            (text, binary, texts, binaries, type, withLists) => new SqsMessageAttribute
            {
                StringValue = text,
                BinaryValue = type == "Binary" ? binary : null,
                StringListValues = withLists ? [.. texts] : null,
                BinaryListValues = withLists ? [.. binaries] : null,
                DataType = type,
            });

    /// <summary>Maps with unique names, or null: the shapes of <c>attributes</c> and <c>messageAttributes</c>.</summary>
    private static Gen<Dictionary<string, T>?> OptionalMap<T>(Gen<T> values) =>
        Gen.Select(Gen.OneOf("ApproximateReceiveCount", "SentTimestamp", "SenderId", "trace", "ключ"), values).Array[0, 5]
            .Select(entries => entries.DistinctBy(e => e.Item1).ToDictionary(e => e.Item1, e => e.Item2))
            .Null(0.2);

    private static readonly Gen<SqsMessage> s_message =
        Gen.Select(Gen.String, Gen.String, OptionalMap(Gen.String), OptionalMap(s_attribute), s_optionalText, Gen.OneOf<string?>(null, "aws:sqs"), Gen.OneOf<string?>(null, "arn:aws:sqs:us-east-1:123456789012:orders"),
            (id, body, attributes, messageAttributes, md5, source, arn) => new SqsMessage
            {
                MessageId = id,
                ReceiptHandle = "AQEB" + id,
                Body = body,
                Attributes = attributes,
                MessageAttributes = messageAttributes,
                Md5OfBody = md5,
                EventSource = source,
                EventSourceArn = arn,
                AwsRegion = arn is null ? null : "us-east-1",
            });

    private static readonly Gen<SqsEvent> s_batch = s_message.Array[0, 10].Select(messages => new SqsEvent { Records = [.. messages] });
}
