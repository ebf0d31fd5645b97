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
        var messages = SqsBatchSample.Messages();
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
