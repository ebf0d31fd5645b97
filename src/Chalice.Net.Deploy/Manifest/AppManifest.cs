// The app manifest's schema, compiled into both Chalice.Net.Generators (which writes the manifest into the app's
// assembly) and Chalice.Net.Deploy (which reads it), so that the two cannot disagree. JSON names are the camelCase
// property names; a function's kind is its record type. Keep this file to data, in C# that netstandard2.0 accepts.
using System.Collections.Generic;

namespace Chalice.Deploy.Manifest;

/// <summary>
/// What the source generator recorded about an app (name, functions, routes with their options), read from the
/// compiled assembly's metadata without loading it.
/// </summary>
internal sealed partial record AppManifest(string Name, IReadOnlyList<FunctionManifest> Functions, IReadOnlyList<RouteManifest> Routes)
{
    /// <summary>The schema this build writes and reads; raised on any change an older reader would misread.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema the manifest was written in.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
}

/// <summary>
/// A Lambda function of the app. Each kind is a record deriving from this one; adding a kind is one record here, its
/// <c>[JsonDerivedType]</c> line on the reading side (ManifestJson.cs) and its case in the generator's writer.
/// </summary>
internal abstract partial record FunctionManifest(string Name)
{
    /// <summary>The JSON property that names the kind; written first.</summary>
    public const string KindProperty = "kind";
}

/// <summary>The <c>kind</c> of each function record.</summary>
internal static class FunctionKinds
{
    /// <summary><see cref="ApiFunctionManifest"/>.</summary>
    public const string Api = "api";
}

/// <summary>The function behind API Gateway that serves every route (Chalice's <c>api_handler</c>).</summary>
internal sealed record ApiFunctionManifest(string Name) : FunctionManifest(Name)
{
    /// <summary>Chalice's name for it.</summary>
    public const string DefaultName = "api_handler";
}

/// <summary>One route with Chalice's options.</summary>
internal sealed record RouteManifest(
    string Path,
    IReadOnlyList<string> Methods,
    string Handler,
    string Name,
    IReadOnlyList<string> ContentTypes,
    CorsManifest? Cors,
    bool ApiKeyRequired,
    string? Authorizer);

/// <summary>A route's CORS settings.</summary>
internal sealed record CorsManifest(
    string AllowOrigin,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    int? MaxAge,
    bool AllowCredentials);
