namespace Chalice.Local.Sqs.Queues;

/// <summary>A message as one receive delivered it: its delivery state at that moment and the receipt handle issued.</summary>
internal sealed record Delivery(QueueMessage Message, int ReceiveCount, long FirstReceiveTimestamp, string ReceiptHandle);
