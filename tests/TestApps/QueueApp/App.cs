using Chalice.Events;

namespace Chalice.QueueApp;

/// <summary>
/// Works through the <c>work</c> queue, failing a tenth of the messages at random (partial batch failures), and
/// appends to the file <c>QUEUEAPP_JOURNAL</c> names one line per message it processed successfully
/// (<c>{pid} ok {body}</c>), and one per batch it gave up on because the emulator was stopping
/// (<c>{pid} interrupted {body}|{body}…</c>), whose messages SQS will deliver again. Each message takes
/// <c>QUEUEAPP_WORK_MS</c> milliseconds (1 unless set), so that a test can stop the emulator mid-run.
/// </summary>
[ChaliceApp("queueapp")]
public partial class App
{
    private static readonly Lock s_journalLock = new();
    private static readonly int s_workMilliseconds =
        int.TryParse(Environment.GetEnvironmentVariable("QUEUEAPP_WORK_MS"), out var milliseconds) ? milliseconds : 1;

    [Route("/")]
    public static string Index() => "queueapp";

    [OnSqsMessage("work", BatchSize = 10)]
    public static async Task<BatchResponse> Work(SqsEvent batch, CancellationToken cancellationToken)
    {
        var response = new BatchResponse();
        try
        {
            foreach (var message in batch.Records)
            {
                await Task.Delay(s_workMilliseconds, cancellationToken); // the work, which a stopping emulator cancels
                if (Random.Shared.NextDouble() < 0.10)
                    response.AddFailure(message);
                else
                    Journal($"ok {message.Body}");
            }
        }
        catch (OperationCanceledException)
        {
            Journal("interrupted " + string.Join('|', batch.Records.Select(r => r.Body)));
            throw;
        }
        return response;
    }

    private static void Journal(string line)
    {
        var path = Environment.GetEnvironmentVariable("QUEUEAPP_JOURNAL")
            ?? throw new InvalidOperationException("QUEUEAPP_JOURNAL names no file.");
        lock (s_journalLock)
            File.AppendAllText(path, $"{Environment.ProcessId} {line}\n");
    }
}
