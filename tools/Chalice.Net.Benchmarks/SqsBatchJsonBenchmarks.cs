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
        var messages = SqsBatchSample.Messages();
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
