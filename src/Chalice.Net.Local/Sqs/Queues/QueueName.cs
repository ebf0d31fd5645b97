namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// SQS's queue name rule (CreateQueue, <c>QueueName</c>): 1 to 80 letters, digits, hyphens and underscores; a FIFO
/// queue's name ends with <c>.fifo</c>, which counts towards the 80. Valid names are also safe folder names.
/// </summary>
internal static class QueueName
{
    public const string FifoSuffix = ".fifo";

    public static bool IsValid(string name, bool fifo)
    {
        var stem = fifo ? (name.EndsWith(FifoSuffix, StringComparison.Ordinal) ? name[..^FifoSuffix.Length] : null) : name;
        return stem is not null && name.Length <= 80 && stem.Length > 0
               && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    public static bool LooksFifo(string name) => name.EndsWith(FifoSuffix, StringComparison.Ordinal);
}
