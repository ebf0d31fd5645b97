using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Chalice.Events;
using Chalice.Hosting;

namespace Chalice.Benchmarks;

/// <summary>
/// One warm invocation of an SQS handler, the way the Lambda runtime loop runs it: a 10-message batch's event JSON →
/// the function picked by name → the SqsEvent read and checked → the handler (tests/TestApps/EventsApp's
/// ProcessOrders, which fails the two messages that ask for it) → the batchItemFailures response JSON. Budget: 20 µs.
/// </summary>
[MemoryDiagnoser]
public class SqsDispatchBenchmarks
{
    private ChaliceApplication _app = null!;
    private byte[] _event = null!;

    [GlobalSetup]
    public void Setup()
    {
        // No log provider: the handler's two warnings would otherwise measure the console.
        _app = ChaliceApplication.Create<Chalice.EventsApp.App>(new ChaliceApplicationOptions { ConfigureLogging = logging => { } });
        // Shaped like the messages Lambda delivers from a standard queue (as SqsBatchJsonBenchmarks): a JSON body of ~200
        // bytes, a receipt handle of ~180 characters, the four system attributes and one message attribute.
        var messages = Enumerable.Range(1, 10).Select(i => new SqsMessage
        {
            MessageId = Guid.NewGuid().ToString(),
            ReceiptHandle = "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()) +
                            "Y7E2s5QTaUyRE2zRd3p6vpr+HsgTnAuCUrlkmXlMsmwRLWFvOD8z9Cbxhv3hqmEO1qNmF1cDUJDrtrV6MhGiEhP1xSh7hHz6D3Ud0GqBFzv8sC6qSGHoN7tvYq56VDWDEhk=",
            Body = $$"""{"orderId":"order-{{i:D6}}","customer":{"id":"c-{{i}}","name":"Jane Doe","tier":"gold"},"items":[{"sku":"SKU-1","qty":2}],"status":"{{(i is 4 or 8 ? "fail" : "new")}}","total":{{i * 10.5}}}""",
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

        var response = _app.Dispatcher.InvokeAsync("ProcessOrders", _event).AsTask().GetAwaiter().GetResult();
        var failures = JsonDocument.Parse(response).RootElement.GetProperty("batchItemFailures");
        if (failures.GetArrayLength() != 2 || failures[0].GetProperty("itemIdentifier").GetString() != messages[3].MessageId)
            throw new InvalidOperationException("The benchmark's handler does not report the two failures it should.");
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public ValueTask<byte[]> TenMessageBatchTwoFailures() => _app.Dispatcher.InvokeAsync("ProcessOrders", _event);
}
