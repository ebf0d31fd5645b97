using System.Text;
using System.Text.Json;
using Chalice.Events;
using Chalice.Functions;
using Chalice.Hosting;
using Chalice.Lambda;

namespace Chalice.Testing;

/// <summary>
/// Invokes an app's functions in memory, by name, exactly as Lambda invokes the deployed ones (Chalice's
/// <c>client.lambda_.invoke</c>): the payload goes as JSON through the same dispatcher, and the result comes back as
/// JSON. <c>api_handler</c> takes an API Gateway proxy event (see <see cref="ChaliceTestClient.CreateEventJson"/>).
/// </summary>
public sealed class TestLambdaClient
{
    private readonly ChaliceApplication _application;

    internal TestLambdaClient(ChaliceApplication application) => _application = application;

    /// <summary>Invokes a function with a JSON payload (<c>{}</c>, Lambda's payload when none is given, by default).</summary>
    /// <exception cref="UnknownFunctionException">The app has no function of that name.</exception>
    /// <exception cref="InvalidEventException">The payload is not JSON, which Lambda's <c>Invoke</c> refuses before any function runs.</exception>
    public Task<InvokeResponse> InvokeAsync(string functionName, string payload = "{}", CancellationToken cancellationToken = default) =>
        InvokeAsync(functionName, Encoding.UTF8.GetBytes(payload), cancellationToken);

    /// <inheritdoc cref="InvokeAsync(string, string, CancellationToken)" />
    public Task<InvokeResponse> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken = default) =>
        InvokeAsync(functionName, (ReadOnlyMemory<byte>)payload, cancellationToken);

    /// <summary>
    /// Invokes a function with an event (an <see cref="S3Event"/>, <see cref="SqsEvent"/>, … as <see cref="EventBuilder"/>
    /// makes them, written as AWS sends them) or with any other value, written through the app's JSON metadata.
    /// </summary>
    /// <inheritdoc cref="InvokeAsync(string, string, CancellationToken)" />
    public Task<InvokeResponse> InvokeAsync<TPayload>(string functionName, TPayload payload, CancellationToken cancellationToken = default) =>
        InvokeAsync(functionName, Serialize(payload), cancellationToken);

    /// <inheritdoc cref="InvokeAsync(string, string, CancellationToken)" />
    public async Task<InvokeResponse> InvokeAsync(string functionName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        LambdaPayload.EnsureJson(payload.Span);
        var dispatcher = _application.Dispatcher;
        if (!dispatcher.FunctionNames.Contains(functionName))
            throw new UnknownFunctionException(functionName, _application.Name, dispatcher.FunctionNames);
        try
        {
            return new InvokeResponse(await dispatcher.InvokeAsync(functionName, payload, cancellationToken: cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // On Lambda the runtime posts this to /error, and Invoke answers with it and X-Amz-Function-Error.
            return new InvokeResponse(LambdaErrorDocument.Write(exception), exception);
        }
    }

    private byte[] Serialize<TPayload>(TPayload payload) => payload switch
    {
        null => "null"u8.ToArray(),
        S3Event e => LambdaEventJson.Serialize(e),
        SqsEvent e => LambdaEventJson.Serialize(e),
        SnsEvent e => LambdaEventJson.Serialize(e),
        EventBridgeEvent e => LambdaEventJson.Serialize(e),
        KinesisEvent e => LambdaEventJson.Serialize(e),
        DynamoDBEvent e => LambdaEventJson.Serialize(e),
        _ => JsonSerializer.SerializeToUtf8Bytes(payload, _application.JsonOptions.GetTypeInfo(typeof(TPayload))),
    };
}
