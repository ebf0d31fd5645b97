using Chalice.Events;

namespace Chalice.Benchmarks;

/// <summary>
/// The SQS batch the SQS benchmarks read: 10 messages (the mapping's default batch size) shaped like those Lambda
/// delivers from a standard queue — a JSON body of ~200 bytes, a receipt handle of ~180 characters, the four system
/// attributes and one message attribute. The 4th and 8th bodies ask the handler to fail them.
/// </summary>
internal static class SqsBatchSample
{
    public static List<SqsMessage> Messages() => [.. Enumerable.Range(1, 10).Select(i => new SqsMessage
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
    })];
}
