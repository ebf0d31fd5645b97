using System;
using System.Collections.Generic;
using System.Linq;
using Chalice.Deploy.Manifest;
using Chalice.Functions;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Chalice.Generators.Parsing;

// The functions besides the API: methods with [Schedule], [OnS3Event], [OnSqsMessage], [OnSnsMessage],
// [OnCloudWatchEvent], [OnKinesisRecord], [OnDynamoDBRecord] or [LambdaFunction].
internal sealed partial class AppParser
{
    /// <summary>Lambda's limit on a function's name (the <c>FunctionName</c> of <c>CreateFunction</c>, lambda API model).</summary>
    private const int MaxLambdaFunctionName = 64;

    /// <summary>The stage the name check assumes; the deployer checks again with the real one.</summary>
    private const string CheckedStage = "dev";

    /// <summary>Limits of Lambda's <c>CreateEventSourceMapping</c> (shared/fixtures/aws-models/lambda: the BatchSize,
    /// MaximumBatchingWindowInSeconds and MaximumConcurrency shapes).</summary>
    private const int MaxBatchSize = 10000;
    private const int MaxBatchingWindow = 300;
    private const int MinMaximumConcurrency = 2;
    private const int MaxMaximumConcurrency = 1000;

    /// <summary>What one function attribute means for the method it marks.</summary>
    private sealed class FunctionRules(
        string attribute, string handler, INamedTypeSymbol? eventType, bool isEventBridge = false, bool isBatch = false, bool isAuthorizer = false)
    {
        /// <summary>The attribute's name as written, e.g. <c>OnS3Event</c>.</summary>
        public string Attribute { get; } = attribute;

        /// <summary>The handler as messages name it, e.g. "an S3 event handler".</summary>
        public string Handler { get; } = handler;

        /// <summary>The source's event type; null for a pure function, which takes any input.</summary>
        public INamedTypeSymbol? EventType { get; } = eventType;

        /// <summary>The source sends EventBridge events, which may be read with a typed detail.</summary>
        public bool IsEventBridge { get; } = isEventBridge;

        /// <summary>The source sends batches, whose handler may report partial failures.</summary>
        public bool IsBatch { get; } = isBatch;

        /// <summary>An authorizer: API Gateway sends it an <c>AuthRequest</c>, and it answers with an <c>AuthResponse</c>.</summary>
        public bool IsAuthorizer { get; } = isAuthorizer;

        public bool IsPure => EventType is null;
    }

    private FunctionRules? RulesFor(INamedTypeSymbol? attribute)
    {
        if (KnownTypes.Is(attribute, _types.ScheduleAttribute))
            return new("Schedule", "a schedule handler", _types.EventBridgeEvent, isEventBridge: true);
        if (KnownTypes.Is(attribute, _types.OnS3EventAttribute))
            return new("OnS3Event", "an S3 event handler", _types.S3Event);
        if (KnownTypes.Is(attribute, _types.OnSqsMessageAttribute))
            return new("OnSqsMessage", "an SQS handler", _types.SqsEvent, isBatch: true);
        if (KnownTypes.Is(attribute, _types.OnSnsMessageAttribute))
            return new("OnSnsMessage", "an SNS handler", _types.SnsEvent);
        if (KnownTypes.Is(attribute, _types.OnCloudWatchEventAttribute))
            return new("OnCloudWatchEvent", "an EventBridge event handler", _types.EventBridgeEvent, isEventBridge: true);
        if (KnownTypes.Is(attribute, _types.OnKinesisRecordAttribute))
            return new("OnKinesisRecord", "a Kinesis handler", _types.KinesisEvent, isBatch: true);
        if (KnownTypes.Is(attribute, _types.OnDynamoDBRecordAttribute))
            return new("OnDynamoDBRecord", "a DynamoDB stream handler", _types.DynamoDBEvent, isBatch: true);
        if (KnownTypes.Is(attribute, _types.LambdaFunctionAttribute))
            return new("LambdaFunction", "a pure function", null);
        if (KnownTypes.Is(attribute, _types.AuthorizerAttribute))
            return new("Authorizer", "an authorizer", _types.AuthRequest, isAuthorizer: true);
        return null;
    }

    /// <summary>Parses a function; null when no code can be generated for it (its mistakes are reported).</summary>
    /// <param name="names">The function names taken so far, with their methods; this function's is added.</param>
    private FunctionModel? ParseFunction(
        IMethodSymbol method, AttributeData[] functionAttributes, AttributeData[] routeAttributes, string appName, Dictionary<string, string> names)
    {
        var attribute = functionAttributes[0];
        if (routeAttributes.Length > 0 || functionAttributes.Length > 1)
        {
            var all = routeAttributes.Concat(functionAttributes).Select(a => "[" + AttributeName(a) + "]");
            var second = routeAttributes.Length > 0 ? functionAttributes[0] : functionAttributes[1];
            Report(DiagnosticDescriptors.UnsupportedAppShape, AttributeLocation(second),
                $"'{method.Name}' has {string.Join(" and ", all)}; a method is one function, so give each its own method");
            return null;
        }
        if (RulesFor(attribute.AttributeClass) is not { } rules)
            return null;
        if (method.IsGenericMethod)
        {
            Report(DiagnosticDescriptors.UnsupportedAppShape, method.Locations.FirstOrDefault(), $"Handler '{method.Name}' must not be generic");
            return null;
        }

        var name = CheckName(method, attribute, appName, names);
        var source = ParseSource(attribute, rules, out var validSource);
        var methodSyntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as MethodDeclarationSyntax;
        var returnModel = ParseFunctionReturn(method, rules, methodSyntax?.ReturnType.GetLocation() ?? method.Locations.FirstOrDefault(), out var returnsBatch);
        if (source is AuthorizerSourceModel authorizer && AnswersSimply(method))
            source = authorizer with { SimpleResponses = true };

        var parameters = new List<ParameterModel>();
        var valid = name is not null && validSource && returnModel is not null;
        ParameterModel? eventParameter = null;
        var readsOwnType = false;
        foreach (var parameter in method.Parameters)
        {
            var model = ParseFunctionParameter(method, parameter, rules, eventParameter, out var ownType);
            if (model is null)
            {
                valid = false;
                continue;
            }
            if (model.Source == ParameterSource.Event)
            {
                eventParameter = model;
                readsOwnType = ownType;
            }
            parameters.Add(model);
        }
        if (!valid)
            return null;
        return new FunctionModel(
            name!,
            new HandlerModel(method.Name, method.IsStatic, parameters.ToEquatableArray(), returnModel!),
            eventParameter?.ElementType,
            readsOwnType,
            returnsBatch,
            source);
    }

    /// <summary>The function's name, checked against Lambda's rules and the app's other names; null when refused.</summary>
    private string? CheckName(IMethodSymbol method, AttributeData attribute, string appName, Dictionary<string, string> names)
    {
        var written = Named(attribute, "Name") as string;
        var name = _blueprint?.NamePrefix + (written ?? method.Name);
        var location = written is null ? AttributeLocation(attribute) : ArgumentLocation(attribute, "Name", -1);
        // The FunctionName pattern of Lambda's API model: letters, digits, '-' and '_'.
        if (name.Length == 0 || name.Any(c => !(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_')))
        {
            Report(DiagnosticDescriptors.InvalidFunctionName, location,
                $"The function name '{name}' can only hold ASCII letters, digits, '-' and '_', as a Lambda function's name; " +
                "name it with Name = \"...\"");
            return null;
        }
        var deployed = $"{appName}-{CheckedStage}-{name}";
        if (deployed.Length > MaxLambdaFunctionName)
        {
            Report(DiagnosticDescriptors.InvalidFunctionName, location,
                $"The function name '{name}' makes the Lambda function '{deployed}' ({deployed.Length} characters) for the app " +
                $"'{appName}' and the stage '{CheckedStage}'; Lambda allows {MaxLambdaFunctionName}, so shorten it with Name = \"...\" " +
                "(deploy checks again with the real stage)");
            return null;
        }
        if (name == ApiFunctionManifest.DefaultName)
        {
            Report(DiagnosticDescriptors.DuplicateFunctionName, location, name, "the name of the function that serves the app's routes");
            return null;
        }
        if (names.TryGetValue(name, out var other))
        {
            Report(DiagnosticDescriptors.DuplicateFunctionName, location, name, $"the name of '{other}'");
            return null;
        }
        names[name] = MemberName(method);
        return name;
    }

    /// <summary>The attribute's event source settings, checked; null for a pure function.</summary>
    private EventSourceModel? ParseSource(AttributeData attribute, FunctionRules rules, out bool valid)
    {
        valid = true;
        var first = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var firstLocation = ArgumentLocation(attribute, null, 0);
        switch (rules.Attribute)
        {
            case "Schedule":
                if (!ScheduleExpressionSyntax.IsValid(first, out var scheduleError))
                {
                    Report(DiagnosticDescriptors.InvalidScheduleExpression, firstLocation, first ?? "null", scheduleError);
                    valid = false;
                }
                return new ScheduleSourceModel(first ?? "", Named(attribute, "Description") as string);
            case "OnS3Event":
            {
                var events = NamedStrings(attribute, "Events") ?? new[] { EventSourceDefaults.S3Event };
                valid &= Require(first, attribute, firstLocation, "a bucket name");
                if (events.Length == 0)
                    valid = Setting(ArgumentLocation(attribute, "Events", -1), "[OnS3Event] Events is empty; leave it out for every object creation (s3:ObjectCreated:*)");
                foreach (var name in events.Where(e => !e.StartsWith("s3:", StringComparison.Ordinal)))
                {
                    valid = Setting(ArgumentLocation(attribute, "Events", -1),
                        $"'{name}' is not an S3 event type: S3's are written s3:ObjectCreated:*, s3:ObjectRemoved:Delete, …");
                }
                return new S3SourceModel(first ?? "", events.ToEquatableArray(), Named(attribute, "Prefix") as string, Named(attribute, "Suffix") as string);
            }
            case "OnSqsMessage":
            {
                var queueArn = Named(attribute, "QueueArn") as string;
                var batchSize = Named(attribute, "BatchSize") as int? ?? EventSourceDefaults.SqsBatchSize;
                var window = Named(attribute, "MaximumBatchingWindowInSeconds") as int? ?? EventSourceDefaults.MaximumBatchingWindowInSeconds;
                var concurrency = Named(attribute, "MaximumConcurrency") as int? ?? EventSourceDefaults.UnsetMaximumConcurrency;
                if (first is null && queueArn is null)
                    valid = Setting(AttributeLocation(attribute), "[OnSqsMessage] needs the queue: its name, [OnSqsMessage(\"orders\")], or its ARN, QueueArn = \"arn:aws:sqs:…\"");
                else if (first is not null && queueArn is not null)
                    valid = Setting(ArgumentLocation(attribute, "QueueArn", -1), "[OnSqsMessage] takes the queue by name or by ARN (QueueArn), not both");
                else if (first is not null)
                    valid &= Require(first, attribute, firstLocation, "a queue name");
                else if (!IsArn(queueArn!, "sqs"))
                    valid = Setting(ArgumentLocation(attribute, "QueueArn", -1), $"QueueArn '{queueArn}' is not an SQS queue's ARN (arn:aws:sqs:REGION:ACCOUNT:NAME)");
                valid &= CheckBatching(attribute, batchSize, window);
                // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html: "maximum concurrency ... between 2 and 1,000".
                if (concurrency != EventSourceDefaults.UnsetMaximumConcurrency && (concurrency < MinMaximumConcurrency || concurrency > MaxMaximumConcurrency))
                {
                    valid = Setting(ArgumentLocation(attribute, "MaximumConcurrency", -1),
                        $"MaximumConcurrency {concurrency} is outside Lambda's range ({MinMaximumConcurrency} to {MaxMaximumConcurrency}); leave it out for Lambda's own scaling");
                }
                return new SqsSourceModel(first, queueArn, batchSize, window, concurrency == EventSourceDefaults.UnsetMaximumConcurrency ? null : concurrency);
            }
            case "OnSnsMessage":
                valid &= Require(first, attribute, firstLocation, "a topic name or ARN");
                if (first is not null && first.StartsWith("arn:", StringComparison.Ordinal) && !IsArn(first, "sns"))
                    valid = Setting(firstLocation, $"'{first}' is not an SNS topic's ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
                return new SnsSourceModel(first ?? "");
            case "OnCloudWatchEvent":
                if (!EventPatternSyntax.IsValid(first, out var patternError))
                {
                    Report(DiagnosticDescriptors.InvalidEventPattern, firstLocation, patternError);
                    valid = false;
                }
                return new CloudWatchSourceModel(first ?? "");
            case "OnKinesisRecord":
            {
                valid &= Require(first, attribute, firstLocation, "a stream name");
                var batchSize = Named(attribute, "BatchSize") as int? ?? EventSourceDefaults.StreamBatchSize;
                var window = Named(attribute, "MaximumBatchingWindowInSeconds") as int? ?? EventSourceDefaults.MaximumBatchingWindowInSeconds;
                valid &= CheckBatching(attribute, batchSize, window, sqs: false);
                var position = StartingPositionOf(attribute, ref valid);
                return new KinesisSourceModel(first ?? "", batchSize, position, window);
            }
            case "OnDynamoDBRecord":
            {
                // arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamDescription.html).
                if (!Require(first, attribute, firstLocation, "the stream's ARN"))
                    valid = false;
                else if (!IsArn(first!, "dynamodb") || first!.IndexOf(":table/", StringComparison.Ordinal) < 0 || first.IndexOf("/stream/", StringComparison.Ordinal) < 0)
                    valid = Setting(firstLocation, $"'{first}' is not a DynamoDB stream's ARN (arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL, the table's LatestStreamArn)");
                var batchSize = Named(attribute, "BatchSize") as int? ?? EventSourceDefaults.StreamBatchSize;
                var window = Named(attribute, "MaximumBatchingWindowInSeconds") as int? ?? EventSourceDefaults.MaximumBatchingWindowInSeconds;
                valid &= CheckBatching(attribute, batchSize, window, sqs: false);
                var position = StartingPositionOf(attribute, ref valid);
                return new DynamoDBSourceModel(first ?? "", batchSize, position, window);
            }
            case "Authorizer":
                return ParseAuthorizerSource(attribute, out valid);
            default:
                return null;
        }
    }

    /// <summary>A required name: reported when null or empty.</summary>
    private bool Require(string? value, AttributeData attribute, Location? location, string what)
    {
        if (!string.IsNullOrWhiteSpace(value))
            return true;
        Report(DiagnosticDescriptors.InvalidEventSourceSetting, location ?? AttributeLocation(attribute), $"[{AttributeName(attribute)}] needs {what}");
        return false;
    }

    /// <summary>Reports a setting Lambda or Chalice refuses; returns false, for <c>valid = Setting(...)</c>.</summary>
    private bool Setting(Location? location, string problem)
    {
        Report(DiagnosticDescriptors.InvalidEventSourceSetting, location, problem);
        return false;
    }

    private bool CheckBatching(AttributeData attribute, int batchSize, int window, bool sqs = true)
    {
        var valid = true;
        if (batchSize < 1 || batchSize > MaxBatchSize)
            valid = Setting(ArgumentLocation(attribute, "BatchSize", -1), $"BatchSize {batchSize} is outside Lambda's range (1 to {MaxBatchSize})");
        if (window < 0 || window > MaxBatchingWindow)
        {
            valid = Setting(ArgumentLocation(attribute, "MaximumBatchingWindowInSeconds", -1),
                $"MaximumBatchingWindowInSeconds {window} is outside Lambda's range (0 to {MaxBatchingWindow} seconds)");
        }
        // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html: a batch size above 10 needs a
        // batching window of at least one second.
        else if (sqs && valid && batchSize > 10 && window < 1)
        {
            valid = Setting(ArgumentLocation(attribute, "BatchSize", -1),
                $"BatchSize {batchSize} above 10 needs MaximumBatchingWindowInSeconds of at least 1, as Lambda requires for SQS");
        }
        return valid;
    }

    private string StartingPositionOf(AttributeData attribute, ref bool valid)
    {
        var value = Named(attribute, "StartingPosition") as int? ?? 0;
        switch (value)
        {
            case 0:
                return "Latest";
            case 1:
                return "TrimHorizon";
            default:
                valid = Setting(ArgumentLocation(attribute, "StartingPosition", -1), $"StartingPosition {value} is neither Latest nor TrimHorizon");
                return "Latest";
        }
    }

    private static bool IsArn(string value, string service)
    {
        var parts = value.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[1].StartsWith("aws", StringComparison.Ordinal) && parts[2] == service
               && parts.Skip(3).Take(2).All(p => p.Length > 0) && parts[5].Length > 0;
    }

    private ParameterModel? ParseFunctionParameter(
        IMethodSymbol method, IParameterSymbol parameter, FunctionRules rules, ParameterModel? eventSoFar, out bool readsOwnType)
    {
        readsOwnType = false;
        var type = parameter.Type;
        var typeName = type.ToDisplayString(s_typeFormat);
        var location = parameter.Locations.FirstOrDefault();
        var typeLocation = (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as ParameterSyntax)?.Type?.GetLocation() ?? location;
        var isOptional = parameter.HasExplicitDefaultValue
                         || parameter.NullableAnnotation == NullableAnnotation.Annotated
                         || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var defaultValue = parameter.HasExplicitDefaultValue ? FormatDefault(parameter) : isOptional ? "null" : null;
        ParameterModel Simple(ParameterSource source) =>
            new(parameter.Name, typeName, source, parameter.Name, ValueConversion.None, BodyKind.None, NonNullableName(type), false, isOptional, defaultValue);
        ParameterModel? Refuse(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedFunctionParameter, typeLocation, parameter.Name, method.Name, reason);
            return null;
        }

        if (parameter.RefKind != RefKind.None)
        {
            Report(DiagnosticDescriptors.UnsupportedAppShape, location, $"Parameter '{parameter.Name}' of '{method.Name}' must not be ref, out or in");
            return null;
        }
        if (KnownTypes.Is(type, _types.CancellationToken))
            return Simple(ParameterSource.CancellationToken);
        if (KnownTypes.Is(type, _types.LambdaContext))
            return Simple(ParameterSource.LambdaContext);
        var attributes = parameter.GetAttributes();
        if (attributes.Any(a => KnownTypes.Is(a.AttributeClass, _types.FromServicesAttribute)))
            return Simple(ParameterSource.Services);
        if (ServiceKey(parameter) is { } key)
            return Simple(ParameterSource.KeyedServices) with { BindingName = key };
        if (IsLogger(type))
            return Simple(ParameterSource.Services);
        var httpBinding = attributes.FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _types.FromBodyAttribute)
            || KnownTypes.Is(a.AttributeClass, _types.FromQueryAttribute) || KnownTypes.Is(a.AttributeClass, _types.FromHeaderAttribute)
            || KnownTypes.Is(a.AttributeClass, _types.FromAuthorizerAttribute)
            || KnownTypes.Is(a.AttributeClass, _types.FromRouteAttribute));
        if (httpBinding is not null)
            return Refuse($"[{AttributeName(httpBinding)}] binds part of an HTTP request, and {rules.Handler} has none; {Takes(rules)}");
        if (KnownTypes.Is(type, _types.Request))
            return Refuse($"{rules.Handler} serves no HTTP request; {Takes(rules)}");

        if (eventSoFar is not null)
            return Refuse($"'{method.Name}' already takes its {(rules.IsPure ? "input" : "event")} as '{eventSoFar.Name}'; {Takes(rules)}");
        if (rules.IsPure)
        {
            var problem = type switch
            {
                { SpecialType: SpecialType.System_Object } => "an input of type object has no JSON metadata; take JsonNode or JsonElement for any JSON",
                _ when type.IsRefLikeType || type is IPointerTypeSymbol or IFunctionPointerTypeSymbol => "it cannot hold a JSON value",
                { TypeKind: TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Dynamic } => "it has no JSON metadata",
                _ when KnownTypes.DerivesFrom(type, _types.Stream) => "a pure function reads its input as JSON, not as a stream",
                _ => null,
            };
            if (problem is not null)
                return Refuse(problem);
            readsOwnType = true;
            _jsonTypeUsed?.Invoke(type, typeLocation!);
            return Simple(ParameterSource.Event);
        }
        if (KnownTypes.Is(type, rules.EventType))
            return Simple(ParameterSource.Event);
        if (rules.IsEventBridge && KnownTypes.Is(type, _types.EventBridgeEventOfT))
        {
            // EventBridgeEvent<TDetail>: read through the app's context, which must declare it.
            readsOwnType = true;
            _jsonTypeUsed?.Invoke(type, typeLocation!);
            return Simple(ParameterSource.Event);
        }
        var eventTypes = new[] { _types.AuthRequest, _types.S3Event, _types.SqsEvent, _types.SnsEvent, _types.KinesisEvent, _types.DynamoDBEvent, _types.EventBridgeEvent, _types.EventBridgeEventOfT };
        if (eventTypes.Any(t => KnownTypes.Is(type, t)))
            return Refuse($"{rules.Handler} takes its event as {rules.EventType!.Name}, not {type.Name}; {Takes(rules)}");
        return Refuse($"it is not the event; {Takes(rules)}");
    }

    /// <summary>What a handler of this kind may take, for messages.</summary>
    private static string Takes(FunctionRules rules) => rules.IsPure
        ? "a pure function takes one input (read from the payload's JSON), ILambdaContext, CancellationToken, ILogger<T> and [FromServices] services"
        : $"{rules.Handler} takes {rules.EventType!.Name}{(rules.IsEventBridge ? " (or EventBridgeEvent<TDetail>)" : "")}, ILambdaContext, CancellationToken, ILogger<T> and [FromServices] services";

    private bool IsLogger(ITypeSymbol type) => KnownTypes.Is(type, _types.Logger) || KnownTypes.Is(type, _types.LoggerOfT);

    private ReturnModel? ParseFunctionReturn(IMethodSymbol method, FunctionRules rules, Location? location, out bool returnsBatch)
    {
        returnsBatch = false;
        if (rules.IsAuthorizer)
            return ParseAuthorizerReturn(method, rules, location);
        if (method.ReturnsVoid)
            return new ReturnModel(ReturnShape.Void);
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            return Unsupported("handlers cannot return by reference");
        var (shape, inner) = ReturnShapeOf(method.ReturnType);
        if (inner is null)
            return new ReturnModel(shape);
        if (KnownTypes.Is(inner, _types.BatchResponse))
        {
            if (rules.IsBatch || rules.IsPure)
            {
                returnsBatch = rules.IsBatch;
                return new ReturnModel(shape);
            }
            return Unsupported("only SQS, Kinesis and DynamoDB stream handlers report failed records; return void or Task");
        }
        // S3, SNS and EventBridge invoke asynchronously and keep no result; a stream or queue mapping reads only
        // batchItemFailures (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html).
        if (!rules.IsPure)
        {
            return Unsupported(rules.IsBatch
                ? $"Lambda reads only a BatchResponse from {rules.Handler}; return void or Task, or BatchResponse to report the records that failed"
                : $"{rules.Handler} is invoked asynchronously and Lambda drops its result; return void or Task");
        }
        var problem = UnreturnableProblem(inner) ?? inner switch
        {
            _ when KnownTypes.Is(inner, _types.AsyncEnumerable) => "streaming results are not supported; return a list",
            _ when KnownTypes.Is(inner, _types.Response) => "a Response is an HTTP response; a pure function returns its result, written as JSON",
            _ when KnownTypes.DerivesFrom(inner, _types.Stream) => "a pure function's result is JSON; return a value, or the text as a string",
            _ => null,
        };
        if (problem is not null)
            return Unsupported(problem);
        if (inner.SpecialType != SpecialType.System_Object)
            _jsonTypeUsed?.Invoke(inner, location!);
        return new ReturnModel(shape);

        ReturnModel? Unsupported(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedFunctionReturn, location, method.Name, method.ReturnType.ToDisplayString(), rules.Handler, reason);
            return null;
        }
    }

    private string AttributeName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "?";
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private Location? AttributeLocation(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation();

    /// <summary>Where an argument is written: the named one, else the <paramref name="position"/>th positional one, else the attribute.</summary>
    private Location? ArgumentLocation(AttributeData attribute, string? name, int position)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is not AttributeSyntax syntax)
            return null;
        var arguments = syntax.ArgumentList?.Arguments ?? default;
        if (name is not null)
        {
            var named = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            if (named is not null)
                return named.GetLocation();
        }
        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToArray();
        return position >= 0 && position < positional.Length ? positional[position].GetLocation() : syntax.GetLocation();
    }

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
                return pair.Value.Kind == TypedConstantKind.Array ? null : pair.Value.Value;
        }
        return null;
    }

    private static string[]? NamedStrings(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && !pair.Value.IsNull)
                return pair.Value.Values.Select(v => v.Value as string ?? "").ToArray();
        }
        return null;
    }
}
