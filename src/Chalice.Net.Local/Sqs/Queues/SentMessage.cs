namespace Chalice.Local.Sqs.Queues;

/// <summary>What SendMessage answers: the message created, or for a FIFO duplicate the one created first.</summary>
internal sealed record SentMessage(string MessageId, string? SequenceNumber);
