using System.Linq;
using Chalice.Generators.Model;

namespace Chalice.Generators.Emit;

/// <summary>
/// Emits the app's functions besides the API: one <c>FunctionDefinition</c> each (name, event source settings, and how
/// its payload is read when the handler takes a type of its own), and one typed invoker each, which binds the event,
/// the Lambda context, the cancellation token and services, calls the handler and hands back what it returned.
/// </summary>
internal static class FunctionEmitter
{
    private const string Functions = "global::Chalice.Functions";
    private const string Result = "global::System.Threading.Tasks.ValueTask<object?>";
    private const string ServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
    private const string KeyedServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions";

    public static void EmitDefinition(SourceWriter w, FunctionModel function, int index)
    {
        var reader = function.ReadsOwnType
            ? $" {{ ReadEvent = static (payload, options) => {Functions}.FunctionInput.Read<{function.EventType}>(payload, options) }}"
            : "";
        w.Line($"        new({SourceWriter.Quote(function.Name)}, {SourceWriter.Quote(function.Handler.MethodName)}, " +
               $"{Settings(function.Source)}, {InvokerName(function, index)}){reader},");
    }

    /// <summary>The runtime's settings record for the source, as a C# expression.</summary>
    private static string Settings(EventSourceModel? source) => source switch
    {
        ScheduleSourceModel schedule => $"new {Functions}.ScheduleSettings({Q(schedule.Expression)}, {Q(schedule.Description)})",
        S3SourceModel s3 => $"new {Functions}.S3EventSettings({Q(s3.Bucket)}, new string[] {{ {string.Join(", ", s3.Events.Select(Q))} }}, {Q(s3.Prefix)}, {Q(s3.Suffix)})",
        SqsSourceModel sqs => $"new {Functions}.SqsSettings({Q(sqs.Queue)}, {Q(sqs.QueueArn)}, {sqs.BatchSize}, {sqs.MaximumBatchingWindowInSeconds}, " +
                              $"{(sqs.MaximumConcurrency is { } concurrency ? concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")})",
        SnsSourceModel sns => $"new {Functions}.SnsSettings({Q(sns.Topic)})",
        CloudWatchSourceModel cloudWatch => $"new {Functions}.CloudWatchEventSettings({Q(cloudWatch.EventPattern)})",
        KinesisSourceModel kinesis => $"new {Functions}.KinesisSettings({Q(kinesis.Stream)}, {kinesis.BatchSize}, " +
                                      $"global::Chalice.StartingPosition.{kinesis.StartingPosition}, {kinesis.MaximumBatchingWindowInSeconds})",
        DynamoDBSourceModel dynamoDB => $"new {Functions}.DynamoDBStreamSettings({Q(dynamoDB.StreamArn)}, {dynamoDB.BatchSize}, " +
                                        $"global::Chalice.StartingPosition.{dynamoDB.StartingPosition}, {dynamoDB.MaximumBatchingWindowInSeconds})",
        AuthorizerSourceModel authorizer => $"new {Functions}.AuthorizerSettings({Q(authorizer.Type)}, " +
                                             $"new string[] {{ {string.Join(", ", authorizer.IdentitySources.Select(Q))} }}, {authorizer.TtlSeconds}, " +
                                             (authorizer.SimpleResponses ? "true)" : "false)"),
        _ => "null",
    };

    private static string Q(string? value) => SourceWriter.Quote(value);

    private static string InvokerName(FunctionModel function, int index) => $"__Function_{function.Handler.MethodName}_{index}";

    public static void EmitInvoker(SourceWriter w, AppModel app, FunctionModel function, int index)
    {
        var handler = function.Handler;
        var isAsync = handler.Return.Shape is not (ReturnShape.Void or ReturnShape.Value);
        w.Open($"private static {(isAsync ? "async " : "")}{Result} {InvokerName(function, index)}(object app, {Functions}.FunctionContext context)");
        foreach (var parameter in handler.Parameters)
            w.Line($"{parameter.Type} __{parameter.Name} = {BindingExpression(parameter)};");

        var call = $"{HandlerTarget.Of(app, handler)}.{handler.MethodName}({string.Join(", ", handler.Parameters.Select(p => "__" + p.Name))})";
        switch (handler.Return.Shape)
        {
            case ReturnShape.Void:
                w.Line(call + ";");
                w.Line("return default;");
                break;
            case ReturnShape.Value:
                w.Line($"return new {Result}({call});");
                break;
            case ReturnShape.Task:
            case ReturnShape.ValueTask:
                w.Line($"await {call};");
                w.Line("return null;");
                break;
            default:
                w.Line($"return await {call};");
                break;
        }
        w.Close();
    }

    internal static string BindingExpression(ParameterModel p) => p.Source switch
    {
        ParameterSource.Event => $"({p.Type})context.Event" + (p.IsOptional ? "" : "!"),
        ParameterSource.CancellationToken => "context.CancellationToken",
        ParameterSource.LambdaContext => "context.LambdaContext",
        ParameterSource.KeyedServices =>
            $"{KeyedServiceExtensions}.{(p.IsOptional ? "GetKeyedService" : "GetRequiredKeyedService")}<{p.ElementType}>(context.Services, {p.BindingName})",
        _ => $"{ServiceExtensions}.{(p.IsOptional ? "GetService" : "GetRequiredService")}<{p.ElementType}>(context.Services)",
    };
}
