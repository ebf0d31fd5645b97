using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.ApiGateway;

// API Gateway's wire types, shaped as in the API Gateway API; JSON member names are the camel-cased property names.

/// <summary>A REST API (<c>RestApi</c>).</summary>
internal sealed record RestApi
{
    /// <summary>The API id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The API name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>When the API was created.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    /// <summary>The version label.</summary>
    public string? Version { get; init; }

    /// <summary>Warnings from the last import, when requested.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>Media types served as binary.</summary>
    public IReadOnlyList<string>? BinaryMediaTypes { get; init; }

    /// <summary>The endpoint types (<c>EDGE</c>, <c>REGIONAL</c>, <c>PRIVATE</c>).</summary>
    public EndpointConfiguration? EndpointConfiguration { get; init; }

    /// <summary>The API's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The id of the root (<c>/</c>) resource.</summary>
    public string? RootResourceId { get; init; }

    /// <summary>The resource policy (JSON text, as API Gateway stores it).</summary>
    public string? Policy { get; init; }

    /// <summary>The smallest response compressed, or null when compression is off.</summary>
    public int? MinimumCompressionSize { get; init; }
}

/// <summary>A REST API's endpoint types.</summary>
internal sealed record EndpointConfiguration
{
    /// <summary><c>EDGE</c>, <c>REGIONAL</c> or <c>PRIVATE</c>.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>The VPC endpoints of a private API.</summary>
    public IReadOnlyList<string>? VpcEndpointIds { get; init; }
}

/// <summary>A deployment: a snapshot of the API that stages point to.</summary>
internal sealed record Deployment
{
    /// <summary>The deployment id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>When it was created.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedDate { get; init; }
}

/// <summary>A stage: a named pointer to a deployment, with variables and tags.</summary>
internal sealed record Stage
{
    /// <summary>The stage name, e.g. <c>api</c>.</summary>
    public string StageName { get; init; } = "";

    /// <summary>The deployment the stage serves.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Stage variables.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>The stage's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>When it was created.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    /// <summary>When it last changed.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastUpdatedDate { get; init; }

    /// <summary>Whether X-Ray active tracing is on.</summary>
    public bool? TracingEnabled { get; init; }
}

/// <summary>The input of <c>CreateRestApi</c>: an empty REST API, to be filled with <c>PutRestApi</c>.</summary>
internal sealed record CreateRestApiRequest
{
    /// <summary>The API name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Media types served as binary.</summary>
    public IReadOnlyList<string>? BinaryMediaTypes { get; init; }

    /// <summary>The endpoint type; API Gateway defaults to <c>EDGE</c>.</summary>
    public EndpointConfiguration? EndpointConfiguration { get; init; }

    /// <summary>Tags to create the API with (<c>ImportRestApi</c> cannot tag).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The resource policy (JSON text).</summary>
    public string? Policy { get; init; }

    /// <summary>The smallest response compressed.</summary>
    public int? MinimumCompressionSize { get; init; }
}

/// <summary>The input of <c>PutRestApi</c>: replaces (or merges into) a REST API from an OpenAPI definition.</summary>
internal sealed record PutRestApiRequest
{
    /// <summary>The API to update.</summary>
    public required string RestApiId { get; init; }

    /// <summary>The OpenAPI document, sent as the request body.</summary>
    public required byte[] Body { get; init; }

    /// <summary><c>overwrite</c> (the default here: the document is the whole truth) or <c>merge</c>.</summary>
    public string Mode { get; init; } = "overwrite";

    /// <summary>Roll the update back on warnings.</summary>
    public bool? FailOnWarnings { get; init; }

    /// <summary>Import parameters sent in the query string.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

/// <summary>The input of <c>CreateDeployment</c>.</summary>
internal sealed record CreateDeploymentRequest
{
    /// <summary>The API to deploy (in the URI).</summary>
    [JsonIgnore]
    public string RestApiId { get; init; } = "";

    /// <summary>The stage to create or point at the new deployment.</summary>
    public string? StageName { get; init; }

    /// <summary>The stage's description, when the stage is created.</summary>
    public string? StageDescription { get; init; }

    /// <summary>The deployment's description.</summary>
    public string? Description { get; init; }

    /// <summary>Stage variables.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary>One change of an <c>Update*</c> call (<c>PatchOperation</c>): <c>replace</c> <c>/tracingEnabled</c> with <c>true</c>.</summary>
/// <param name="Op"><c>add</c>, <c>remove</c>, <c>replace</c>, …</param>
/// <param name="Path">The property, as a JSON pointer.</param>
/// <param name="Value">The new value, as text.</param>
internal sealed record PatchOperation(string Op, string Path, string? Value = null);

/// <summary>The body of <c>UpdateRestApi</c> and <c>UpdateStage</c>.</summary>
internal sealed record PatchBody(IReadOnlyList<PatchOperation> PatchOperations);
