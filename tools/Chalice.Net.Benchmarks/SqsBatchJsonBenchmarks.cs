using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Chalice.Events;

namespace Chalice.Benchmarks;

/// <summary>
/// The JSON half of an SQS handler's invocation: a 10-message batch event (the SQS mapping's default batch size) read
/// into <see cref="SqsEvent"/>, and a <see cref="BatchResponse"/> reporting two failures written back. The whole
/// dispatch, handler included, has a 20 µs budget. <see cref="LambdaEventJson"/> reads it with the fast reader; the
/// baseline is the general deserializer it falls back to.
/// </summary>
[MemoryDiagnoser]
public class SqsBatchJsonBenchmarks
{
    private byte[] _event = null!;
    private BatchResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Shaped like the messages Lambda delivers from a standard queue: a JSON body of ~200 bytes, a receipt handle
        // of ~180 characters, the four system attributes and one message attribute.
        var messages = Enumerable.Range(1, 10).Select(i => new SqsMessage
        {
            MessageId = Guid.NewGuid().ToString(),
            ReceiptHandle = "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()) +
                            "Y7E2s5QTaUyRE2zRd3p6vpr+HsgTnAuCUrlkmXlMsmwRLWFvOD8z9Cbxhv3hqmEO1qNmF1cDUJDrtrV6MhGiEhP1xSh7hHz6D3Ud0GqBFzv8sC6qSGHoN7tvYq56VDWDEhk=",
            Body = $$"""{"orderId":"order-{{i:D6}}","customer":{"id":"c-{{i}}","name":"Jane Doe","tier":"gold"},"items":[{"sku":"SKU-1","qty":2},{"sku":"SKU-2","qty":1}],"total":{{i * 10.5}}}""",
            Attributes = new Dictionary<string, string>
            {
                ["ApproximateReceiveCount"] = "1",
                ["SentTimestamp"] = "1700000000000",
                ["SenderId"] = "AROAIWPX5BD2BHG722MW4:sender",
                ["ApproximateFirstReceiveTimestamp"] = "1700000000010",
            },
            MessageAttributes = new Dictionary<string, SqsMessageAttribute>
            {
                ["traceparent"] = new() { StringValue = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", StringListValues = [], BinaryListValues = [], DataType = "String" },
            },
            Md5OfBody = "e4e68fb7bd0e697a0ae8f1bb342846b3",
            Md5OfMessageAttributes = "582c92c5c5b6ac403040a4f3ab3115c9",
            EventSource = "aws:sqs",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders",
            AwsRegion = "us-east-1",
        }).ToList();
        _event = LambdaEventJson.Serialize(new SqsEvent { Records = messages });

        var parsed = LambdaEventJson.Parse<SqsEvent>(_event);
        _response = new BatchResponse();
        _response.AddFailure(parsed.Records[3]);
        _response.AddFailure(parsed.Records[7]);
        if (parsed.Records.Count != 10 || JsonDocument.Parse(LambdaEventJson.Serialize(_response)).RootElement.GetProperty("batchItemFailures").GetArrayLength() != 2)
            throw new InvalidOperationException("The benchmark's event or response is not what it claims to be.");
    }

    /// <summary>What every read cost before the fast reader: the source-generated deserializer alone.</summary>
    [Benchmark(Baseline = true)]
    public SqsEvent ParseTenMessageBatchGeneral() => JsonSerializer.Deserialize(_event, LambdaEventJsonContext.Wire.SqsEvent)!;

    [Benchmark]
    public SqsEvent ParseTenMessageBatch() => LambdaEventJson.Parse<SqsEvent>(_event);

    [Benchmark]
    public byte[] SerializeTwoFailures() => LambdaEventJson.Serialize(_response);

    /// <summary>Both, as a handler that fails two messages pays them: read the batch, report two, write the response.</summary>
    [Benchmark]
    public byte[] ParseBatchAndRespond()
    {
        var sqsEvent = LambdaEventJson.Parse<SqsEvent>(_event);
        var response = new BatchResponse();
        response.AddFailure(sqsEvent.Records[3]);
        response.AddFailure(sqsEvent.Records[7]);
        return LambdaEventJson.Serialize(response);
    }
}
