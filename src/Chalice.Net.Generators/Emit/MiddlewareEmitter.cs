using System.Linq;
using Chalice.Generators.Model;

namespace Chalice.Generators.Emit;

/// <summary>
/// Emits the app's middleware: one <c>MiddlewareDefinition</c> each, and typed invokers that bind the invocation, the
/// <c>next</c> delegate and services and call the method, one around HTTP requests and one around functions (<c>all</c>
/// middleware has both: around a request its event is the <c>Request</c> and its result becomes the response).
/// </summary>
internal static class MiddlewareEmitter
{
    private const string Hosting = "global::Chalice.Hosting";
    private const string HttpResult = "global::System.Threading.Tasks.ValueTask<global::Chalice.Response>";
    private const string EventResult = "global::System.Threading.Tasks.ValueTask<object?>";

    public static void EmitDefinitions(SourceWriter w, AppModel app)
    {
        if (app.Middleware.Count == 0)
            return;
        w.Line($"    Middleware = new {Hosting}.MiddlewareDefinition[]");
        w.Line("    {");
        for (var i = 0; i < app.Middleware.Count; i++)
        {
            var middleware = app.Middleware[i];
            var invokers = new System.Collections.Generic.List<string>();
            if (middleware.WrapsHttp)
                invokers.Add($"Http = {InvokerName(middleware, i, http: true)}");
            if (middleware.WrapsEvents)
                invokers.Add($"Event = {InvokerName(middleware, i, http: false)}");
            w.Line($"        new({SourceWriter.Quote(middleware.Handler.MethodName)}, {SourceWriter.Quote(middleware.EventType)}) {{ {string.Join(", ", invokers)} }},");
        }
        w.Line("    },");
    }

    public static void EmitInvokers(SourceWriter w, AppModel app)
    {
        for (var i = 0; i < app.Middleware.Count; i++)
        {
            var middleware = app.Middleware[i];
            if (middleware.WrapsHttp)
            {
                w.Line();
                EmitHttpInvoker(w, app, middleware, i);
            }
            if (middleware.WrapsEvents)
            {
                w.Line();
                EmitEventInvoker(w, app, middleware, i);
            }
        }
    }

    private static string InvokerName(MiddlewareModel middleware, int index, bool http) =>
        $"__Middleware_{(http ? "Http" : "Event")}_{middleware.Handler.MethodName}_{index}";

    private static void EmitHttpInvoker(SourceWriter w, AppModel app, MiddlewareModel middleware, int index)
    {
        var handler = middleware.Handler;
        // http middleware returns the Response itself; 'all' middleware returns an object that becomes one.
        var converts = middleware.EventType != "http";
        var isAsync = converts && handler.Return.Shape is not (ReturnShape.Value or ReturnShape.Void);
        w.Open($"private static {(isAsync ? "async " : "")}{HttpResult} {InvokerName(middleware, index, http: true)}(object app, {Hosting}.HandlerContext context, global::Chalice.HttpMiddlewareNext next)");
        string call;
        if (middleware.IsConverted)
        {
            call = $"{HandlerTarget.Of(app, handler)}.{handler.MethodName}.InvokeAsync(context.Request, context.Request.LambdaContext, {Hosting}.MiddlewareResults.ForEvents(next))";
        }
        else
        {
            foreach (var parameter in handler.Parameters)
                w.Line($"{parameter.Type} __{parameter.Name} = {HttpBinding(parameter, converts)};");
            call = $"{HandlerTarget.Of(app, handler)}.{handler.MethodName}({string.Join(", ", handler.Parameters.Select(p => "__" + p.Name))})";
        }
        if (isAsync)
            w.Line($"return {Hosting}.MiddlewareResults.ToResponse(await {call});");
        else if (converts)
            w.Line($"return new {HttpResult}({Hosting}.MiddlewareResults.ToResponse({call}));");
        else
            w.Line(handler.Return.Shape == ReturnShape.ValueTaskOfValue ? $"return {call};" : $"return new {HttpResult}({call});");
        w.Close();
    }

    private static void EmitEventInvoker(SourceWriter w, AppModel app, MiddlewareModel middleware, int index)
    {
        var handler = middleware.Handler;
        w.Open($"private static {EventResult} {InvokerName(middleware, index, http: false)}(object app, global::Chalice.Functions.FunctionContext context, global::Chalice.EventMiddlewareNext next)");
        string call;
        if (middleware.IsConverted)
        {
            call = $"{HandlerTarget.Of(app, handler)}.{handler.MethodName}.InvokeAsync(context.Event, context.LambdaContext, next)";
        }
        else
        {
            foreach (var parameter in handler.Parameters)
                w.Line($"{parameter.Type} __{parameter.Name} = {EventBinding(parameter)};");
            call = $"{HandlerTarget.Of(app, handler)}.{handler.MethodName}({string.Join(", ", handler.Parameters.Select(p => "__" + p.Name))})";
        }
        w.Line(handler.Return.Shape == ReturnShape.ValueTaskOfValue ? $"return {call};" : $"return new {EventResult}({call});");
        w.Close();
    }

    private static string HttpBinding(ParameterModel p, bool converts) => p.Source switch
    {
        ParameterSource.Event => "context.Request",
        ParameterSource.Next => converts ? $"{Hosting}.MiddlewareResults.ForEvents(next)" : "next",
        ParameterSource.LambdaContext => "context.Request.LambdaContext" + (p.IsOptional ? "" : "!"),
        _ => AppEmitter.BindingExpression(p),
    };

    private static string EventBinding(ParameterModel p) => p.Source switch
    {
        ParameterSource.Event => p.Type == "object?" ? "context.Event" : $"({p.Type})context.Event" + (p.IsOptional ? "" : "!"),
        ParameterSource.Next => "next",
        _ => FunctionEmitter.BindingExpression(p),
    };
}
