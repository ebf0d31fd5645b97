using Chalice.Functions;
using Chalice.Local.Sns;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.EventSources;

/// <summary>
/// Where the SNS stand-in delivers to <c>lambda</c> subscriptions: the app's SNS handlers, each subscribed to its topic
/// by its function's ARN as the deployer subscribes it, invoked asynchronously with the event the stand-in built (SNS's
/// own notification, signed, in the shape of shared/fixtures/events/sns-event.json).
/// </summary>
internal sealed class SnsFunctionTarget(IReadOnlyDictionary<string, FunctionDefinition> functionsByArn, AsynchronousInvoker invoker, ILogger logger)
    : ISnsDeliveryTarget
{
    public Task DeliverAsync(SnsLambdaDelivery delivery, CancellationToken cancellationToken)
    {
        if (functionsByArn.TryGetValue(delivery.FunctionArn, out var function))
            invoker.Invoke(function, delivery.EventJson.ToArray());
        else
            EventSourceLog.UnknownFunction(logger, delivery.FunctionArn);
        return Task.CompletedTask;
    }
}
