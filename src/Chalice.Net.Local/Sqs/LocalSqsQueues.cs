using Chalice.Configuration;
using Chalice.Local.Sqs.Queues;

namespace Chalice.Local.Sqs;

/// <summary>
/// Which SQS queues an app is known to use, so that the stand-in creates exactly those and answers
/// <c>QueueDoesNotExist</c> for any other, as AWS would. This is the one place that decides it: the queues named by
/// the app's SQS handlers join here when event handlers are wired into the emulator.
/// </summary>
public static class LocalSqsQueues
{
    /// <summary>The config key (Chalice.Net only), top level or per stage; the stage's list wins.</summary>
    public const string ConfigKey = "local_sqs_queues";

    /// <summary>
    /// The queues declared for a stage under <c>local_sqs_queues</c> in <c>.chalice/config.json</c>, without repeats. A
    /// name ending in <c>.fifo</c> is a FIFO queue. Queues the app creates itself need no declaring.
    /// </summary>
    /// <exception cref="ChaliceConfigException">The setting is not an array of valid queue names.</exception>
    public static IReadOnlyList<string> Of(StageConfig stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var queues = stage.LocalSqsQueues.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var queue in queues)
        {
            if (!QueueName.IsValid(queue, QueueName.LooksFifo(queue)))
                throw new ChaliceConfigException(
                    $"{ChaliceConfig.RelativePath}: \"{ConfigKey}\" lists \"{queue}\", which is not a valid SQS queue name " +
                    "(1 to 80 letters, digits, hyphens and underscores; a FIFO queue's name ends with .fifo).");
        }
        return queues;
    }
}
