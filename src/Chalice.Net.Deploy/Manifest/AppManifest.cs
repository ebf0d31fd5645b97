using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Deploy.Manifest;

/// <summary>
/// What the source generator recorded about an app (name, functions, routes with their options), read from the
/// compiled assembly's metadata without loading it.
/// </summary>
internal sealed record AppManifest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("functions")] IReadOnlyList<FunctionManifest> Functions,
    [property: JsonPropertyName("routes")] IReadOnlyList<RouteManifest> Routes)
{
    private const string AttributeName = "ChaliceManifestAttribute";

    /// <summary>Reads the manifest of the app compiled into <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="InvalidDataException">The assembly has no Chalice.Net app in it.</exception>
    public static AppManifest Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
                continue;
            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != AttributeName)
                continue;
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            var json = blob.ReadSerializedString() ?? "";
            return JsonSerializer.Deserialize<AppManifest>(json)
                   ?? throw new InvalidDataException($"{assemblyPath} has an empty Chalice manifest.");
        }
        throw new InvalidDataException($"{assemblyPath} has no [ChaliceApp] class (no Chalice manifest in its metadata).");
    }
}

/// <summary>A Lambda function of the app (<c>api_handler</c> serves every route).</summary>
internal sealed record FunctionManifest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind);

/// <summary>One route with Chalice's options.</summary>
internal sealed record RouteManifest(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("methods")] IReadOnlyList<string> Methods,
    [property: JsonPropertyName("handler")] string Handler,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("contentTypes")] IReadOnlyList<string> ContentTypes,
    [property: JsonPropertyName("cors")] CorsManifest? Cors,
    [property: JsonPropertyName("apiKeyRequired")] bool ApiKeyRequired,
    [property: JsonPropertyName("authorizer")] string? Authorizer);

/// <summary>A route's CORS settings.</summary>
internal sealed record CorsManifest(
    [property: JsonPropertyName("allowOrigin")] string AllowOrigin,
    [property: JsonPropertyName("allowHeaders")] IReadOnlyList<string> AllowHeaders,
    [property: JsonPropertyName("exposeHeaders")] IReadOnlyList<string> ExposeHeaders,
    [property: JsonPropertyName("maxAge")] int? MaxAge,
    [property: JsonPropertyName("allowCredentials")] bool AllowCredentials);
