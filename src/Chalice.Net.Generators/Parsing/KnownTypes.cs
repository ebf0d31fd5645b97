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
    }

    public const string ChaliceJsonContextName = "Chalice.Serialization.ChaliceJsonContext";

    public INamedTypeSymbol? ChaliceAppAttribute { get; }
    public INamedTypeSymbol? RouteAttribute { get; }
    public INamedTypeSymbol? CorsAttribute { get; }
    public INamedTypeSymbol? FromRouteAttribute { get; }
    public INamedTypeSymbol? FromQueryAttribute { get; }
    public INamedTypeSymbol? FromHeaderAttribute { get; }
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

    public static KnownTypes From(Compilation compilation) => new(compilation);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

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
