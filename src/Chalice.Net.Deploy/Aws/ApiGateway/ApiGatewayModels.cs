using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.ApiGateway;

// API Gateway's wire types, shaped as in the API Gateway API; JSON member names are the camel-cased property names.

/// <summary>A REST API (<c>RestApi</c>).</summary>
public sealed record RestApi
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
}

/// <summary>A REST API's endpoint types.</summary>
public sealed record EndpointConfiguration
{
    /// <summary><c>EDGE</c>, <c>REGIONAL</c> or <c>PRIVATE</c>.</summary>
    public IReadOnlyList<string>? Types { get; init; }
}

/// <summary>A deployment: a snapshot of the API that stages point to.</summary>
public sealed record Deployment
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
public sealed record Stage
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
}

/// <summary>A resource (path) of a REST API, optionally with its methods.</summary>
public sealed record ApiResource
{
    /// <summary>The resource id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The parent resource id (none for the root).</summary>
    public string? ParentId { get; init; }

    /// <summary>The last path segment.</summary>
    public string? PathPart { get; init; }

    /// <summary>The full path, e.g. <c>/objects/{key}</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The methods, keyed by HTTP method (present when requested with <c>embed=methods</c>).</summary>
    public IReadOnlyDictionary<string, ApiMethod>? ResourceMethods { get; init; }
}

/// <summary>A method of a resource.</summary>
public sealed record ApiMethod
{
    /// <summary>The HTTP method.</summary>
    public string? HttpMethod { get; init; }

    /// <summary>The authorization type (<c>NONE</c>, <c>AWS_IAM</c>, <c>CUSTOM</c>, <c>COGNITO_USER_POOLS</c>).</summary>
    public string? AuthorizationType { get; init; }
}

/// <summary>The input of <c>CreateRestApi</c>: an empty REST API, to be filled with <c>PutRestApi</c>.</summary>
public sealed record CreateRestApiRequest
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
}

/// <summary>The input of <c>ImportRestApi</c>: creates a REST API from an OpenAPI definition.</summary>
public sealed record ImportRestApiRequest
{
    /// <summary>The OpenAPI document (JSON or YAML bytes), sent as the request body.</summary>
    public required byte[] Body { get; init; }

    /// <summary>Roll the import back on warnings.</summary>
    public bool? FailOnWarnings { get; init; }

    /// <summary>
    /// Import parameters sent in the query string, e.g. <c>endpointConfigurationTypes=REGIONAL</c> or
    /// <c>basepath=ignore</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

/// <summary>The input of <c>PutRestApi</c>: replaces (or merges into) a REST API from an OpenAPI definition.</summary>
public sealed record PutRestApiRequest
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
public sealed record CreateDeploymentRequest
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
