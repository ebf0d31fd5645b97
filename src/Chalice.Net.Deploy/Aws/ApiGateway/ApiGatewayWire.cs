using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.ApiGateway;

// Collection envelopes and small bodies without a public record of their own.

/// <summary>One page of a collection: API Gateway names the list <c>item</c> and the next-page token <c>position</c>.</summary>
internal sealed record Page<T>([property: JsonPropertyName("item")] IReadOnlyList<T>? Items, string? Position);

/// <summary>Source-generated JSON metadata for API Gateway's wire types (camelCase member names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RestApi))]
[JsonSerializable(typeof(Page<RestApi>))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(Stage))]
[JsonSerializable(typeof(CreateDeploymentRequest))]
[JsonSerializable(typeof(CreateRestApiRequest))]
[JsonSerializable(typeof(PatchBody))]
[JsonSerializable(typeof(ApiKey))]
[JsonSerializable(typeof(Page<ApiKey>))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(UsagePlan))]
[JsonSerializable(typeof(Page<UsagePlan>))]
[JsonSerializable(typeof(CreateUsagePlanRequest))]
[JsonSerializable(typeof(UsagePlanKey))]
[JsonSerializable(typeof(Page<UsagePlanKey>))]
[JsonSerializable(typeof(CreateUsagePlanKeyRequest))]
[JsonSerializable(typeof(CustomDomainName))]
[JsonSerializable(typeof(CreateDomainNameRequest))]
[JsonSerializable(typeof(BasePathMapping))]
[JsonSerializable(typeof(Page<BasePathMapping>))]
[JsonSerializable(typeof(CreateBasePathMappingRequest))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;
