using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.ApiGatewayV2;

/// <summary>One page of a collection: API Gateway v2 names the list <c>items</c> and the next-page token <c>nextToken</c>.</summary>
internal sealed record ItemsPage<T>(IReadOnlyList<T>? Items, string? NextToken);

/// <summary><c>UpdateStage</c>'s body: the stage name is in the URI there.</summary>
internal sealed record UpdateStageBody(bool? AutoDeploy);

/// <summary>Source-generated JSON metadata for API Gateway v2's wire types (camelCase member names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HttpApi))]
[JsonSerializable(typeof(ItemsPage<HttpApi>))]
[JsonSerializable(typeof(CreateHttpApiRequest))]
[JsonSerializable(typeof(UpdateHttpApiRequest))]
[JsonSerializable(typeof(HttpApiIntegration))]
[JsonSerializable(typeof(ItemsPage<HttpApiIntegration>))]
[JsonSerializable(typeof(HttpApiIntegrationRequest))]
[JsonSerializable(typeof(HttpApiRoute))]
[JsonSerializable(typeof(ItemsPage<HttpApiRoute>))]
[JsonSerializable(typeof(HttpApiRouteRequest))]
[JsonSerializable(typeof(HttpApiAuthorizer))]
[JsonSerializable(typeof(HttpApiAuthorizerRequest))]
[JsonSerializable(typeof(HttpApiStage))]
[JsonSerializable(typeof(HttpApiStageRequest))]
[JsonSerializable(typeof(UpdateStageBody))]
[JsonSerializable(typeof(HttpApiDomainName))]
[JsonSerializable(typeof(CreateHttpApiDomainNameRequest))]
[JsonSerializable(typeof(ApiMapping))]
[JsonSerializable(typeof(ItemsPage<ApiMapping>))]
[JsonSerializable(typeof(CreateApiMappingRequest))]
internal sealed partial class ApiGatewayV2JsonContext : JsonSerializerContext;
