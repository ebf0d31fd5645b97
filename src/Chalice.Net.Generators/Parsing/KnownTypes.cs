using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Parsing;

/// <summary>The framework and Chalice types the parser recognises, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation)
    {
        INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);

        ChaliceAppAttribute = Get("Chalice.ChaliceAppAttribute");
        RouteAttribute = Get("Chalice.RouteAttribute");
        CorsAttribute = Get("Chalice.CorsAttribute");
        FromRouteAttribute = Get("Chalice.FromRouteAttribute");
        FromQueryAttribute = Get("Chalice.FromQueryAttribute");
        FromHeaderAttribute = Get("Chalice.FromHeaderAttribute");
        FromAuthorizerAttribute = Get("Chalice.FromAuthorizerAttribute");
        FromBodyAttribute = Get("Chalice.FromBodyAttribute");
        FromServicesAttribute = Get("Chalice.FromServicesAttribute");
        Request = Get("Chalice.Request");
        Response = Get("Chalice.Response");
        LambdaContext = Get("Chalice.Lambda.ILambdaContext");
        CancellationToken = Get("System.Threading.CancellationToken");
        Task = Get("System.Threading.Tasks.Task");
        TaskOfT = Get("System.Threading.Tasks.Task`1");
        ValueTask = Get("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Get("System.Threading.Tasks.ValueTask`1");
        AsyncEnumerable = Get("System.Collections.Generic.IAsyncEnumerable`1");
        Parsable = Get("System.IParsable`1");
        Stream = Get("System.IO.Stream");
        ReadOnlyMemory = Get("System.ReadOnlyMemory`1");
        JsonNode = Get("System.Text.Json.Nodes.JsonNode");
        JsonElement = Get("System.Text.Json.JsonElement");
        JsonDocument = Get("System.Text.Json.JsonDocument");
        JsonSerializerContext = Get("System.Text.Json.Serialization.JsonSerializerContext");
        JsonSerializableAttribute = Get("System.Text.Json.Serialization.JsonSerializableAttribute");
        ServiceCollection = Get("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        ServiceRegistrations = Get("Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions");
        ServiceTryRegistrations = Get("Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions");
        HttpResponseMessage = Get("System.Net.Http.HttpResponseMessage");
        // Internal to Chalice.Net, yet visible in its metadata: its [JsonSerializable] list is the one list of
        // built-in JSON types (JsonMetadataCatalog reads it).
        ChaliceJsonContext = Get(ChaliceJsonContextName);
        FromKeyedServicesAttribute = Get("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
        Logger = Get("Microsoft.Extensions.Logging.ILogger");
        LoggerOfT = Get("Microsoft.Extensions.Logging.ILogger`1");
        FunctionAttribute = Get("Chalice.FunctionAttribute");
        ScheduleAttribute = Get("Chalice.ScheduleAttribute");
        OnS3EventAttribute = Get("Chalice.OnS3EventAttribute");
        OnSqsMessageAttribute = Get("Chalice.OnSqsMessageAttribute");
        OnSnsMessageAttribute = Get("Chalice.OnSnsMessageAttribute");
        OnCloudWatchEventAttribute = Get("Chalice.OnCloudWatchEventAttribute");
        OnKinesisRecordAttribute = Get("Chalice.OnKinesisRecordAttribute");
        OnDynamoDBRecordAttribute = Get("Chalice.OnDynamoDBRecordAttribute");
        LambdaFunctionAttribute = Get("Chalice.LambdaFunctionAttribute");
        S3Event = Get("Chalice.Events.S3Event");
        SqsEvent = Get("Chalice.Events.SqsEvent");
        SnsEvent = Get("Chalice.Events.SnsEvent");
        KinesisEvent = Get("Chalice.Events.KinesisEvent");
        DynamoDBEvent = Get("Chalice.Events.DynamoDBEvent");
        EventBridgeEvent = Get("Chalice.Events.EventBridgeEvent");
        EventBridgeEventOfT = Get("Chalice.Events.EventBridgeEvent`1");
        BatchResponse = Get("Chalice.Events.BatchResponse");
        AuthorizerAttribute = Get("Chalice.AuthorizerAttribute");
        CognitoUserPoolAuthorizerAttribute = Get("Chalice.CognitoUserPoolAuthorizerAttribute");
        IamAuthorizerAttribute = Get("Chalice.IamAuthorizerAttribute");
        CustomAuthorizerAttribute = Get("Chalice.CustomAuthorizerAttribute");
        JwtAuthorizerAttribute = Get("Chalice.JwtAuthorizerAttribute");
        AuthRequest = Get("Chalice.AuthRequest");
        AuthResponse = Get("Chalice.AuthResponse");
        SimpleAuthResponse = Get("Chalice.SimpleAuthResponse");
        MiddlewareAttribute = Get("Chalice.MiddlewareAttribute");
        HttpMiddlewareNext = Get("Chalice.HttpMiddlewareNext");
        EventMiddlewareNext = Get("Chalice.EventMiddlewareNext");
        ConvertToMiddleware = Get("Chalice.ConvertToMiddleware");
        BlueprintAttribute = Get("Chalice.BlueprintAttribute");
        RegisterBlueprintAttribute = Get("Chalice.RegisterBlueprintAttribute");
    }

    public const string ChaliceJsonContextName = "Chalice.Serialization.ChaliceJsonContext";

    public INamedTypeSymbol? ChaliceAppAttribute { get; }
    public INamedTypeSymbol? RouteAttribute { get; }
    public INamedTypeSymbol? CorsAttribute { get; }
    public INamedTypeSymbol? FromRouteAttribute { get; }
    public INamedTypeSymbol? FromQueryAttribute { get; }
    public INamedTypeSymbol? FromHeaderAttribute { get; }
    public INamedTypeSymbol? FromAuthorizerAttribute { get; }
    public INamedTypeSymbol? FromBodyAttribute { get; }
    public INamedTypeSymbol? FromServicesAttribute { get; }
    public INamedTypeSymbol? Request { get; }
    public INamedTypeSymbol? Response { get; }
    public INamedTypeSymbol? LambdaContext { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? AsyncEnumerable { get; }
    public INamedTypeSymbol? Parsable { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? ReadOnlyMemory { get; }
    public INamedTypeSymbol? JsonNode { get; }
    public INamedTypeSymbol? JsonElement { get; }
    public INamedTypeSymbol? JsonDocument { get; }
    public INamedTypeSymbol? JsonSerializerContext { get; }
    public INamedTypeSymbol? JsonSerializableAttribute { get; }
    public INamedTypeSymbol? ServiceCollection { get; }
    public INamedTypeSymbol? ServiceRegistrations { get; }
    public INamedTypeSymbol? ServiceTryRegistrations { get; }
    public INamedTypeSymbol? HttpResponseMessage { get; }
    public INamedTypeSymbol? ChaliceJsonContext { get; }
    public INamedTypeSymbol? FromKeyedServicesAttribute { get; }
    public INamedTypeSymbol? Logger { get; }
    public INamedTypeSymbol? LoggerOfT { get; }
    public INamedTypeSymbol? FunctionAttribute { get; }
    public INamedTypeSymbol? ScheduleAttribute { get; }
    public INamedTypeSymbol? OnS3EventAttribute { get; }
    public INamedTypeSymbol? OnSqsMessageAttribute { get; }
    public INamedTypeSymbol? OnSnsMessageAttribute { get; }
    public INamedTypeSymbol? OnCloudWatchEventAttribute { get; }
    public INamedTypeSymbol? OnKinesisRecordAttribute { get; }
    public INamedTypeSymbol? OnDynamoDBRecordAttribute { get; }
    public INamedTypeSymbol? LambdaFunctionAttribute { get; }
    public INamedTypeSymbol? S3Event { get; }
    public INamedTypeSymbol? SqsEvent { get; }
    public INamedTypeSymbol? SnsEvent { get; }
    public INamedTypeSymbol? KinesisEvent { get; }
    public INamedTypeSymbol? DynamoDBEvent { get; }
    public INamedTypeSymbol? EventBridgeEvent { get; }
    public INamedTypeSymbol? EventBridgeEventOfT { get; }
    public INamedTypeSymbol? BatchResponse { get; }
    public INamedTypeSymbol? AuthorizerAttribute { get; }
    public INamedTypeSymbol? CognitoUserPoolAuthorizerAttribute { get; }
    public INamedTypeSymbol? IamAuthorizerAttribute { get; }
    public INamedTypeSymbol? CustomAuthorizerAttribute { get; }
    public INamedTypeSymbol? JwtAuthorizerAttribute { get; }
    public INamedTypeSymbol? AuthRequest { get; }
    public INamedTypeSymbol? AuthResponse { get; }
    public INamedTypeSymbol? SimpleAuthResponse { get; }
    public INamedTypeSymbol? MiddlewareAttribute { get; }
    public INamedTypeSymbol? HttpMiddlewareNext { get; }
    public INamedTypeSymbol? EventMiddlewareNext { get; }
    public INamedTypeSymbol? ConvertToMiddleware { get; }
    public INamedTypeSymbol? BlueprintAttribute { get; }
    public INamedTypeSymbol? RegisterBlueprintAttribute { get; }

    public static KnownTypes From(Compilation compilation) => new(compilation);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

    /// <summary>Whether <paramref name="attribute"/> makes a method a function (it derives from <c>Chalice.FunctionAttribute</c>).</summary>
    public bool IsFunctionAttribute(AttributeData attribute) =>
        FunctionAttribute is not null && DerivesFrom(attribute.AttributeClass?.BaseType, FunctionAttribute);

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
                return true;
        }
        return false;
    }
}
