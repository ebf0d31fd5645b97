namespace Chalice.Deploy.Aws.ApiGateway;

// API Gateway's API keys and usage plans, shaped as in the API Gateway model
// (shared/fixtures/aws-models/apigateway/2015-07-09/service-2.json: ApiKey, UsagePlan, UsagePlanKey, ApiStage,
// ThrottleSettings, QuotaSettings); JSON member names are the camel-cased property names.

/// <summary>An API key (<c>ApiKey</c>).</summary>
internal sealed record ApiKey
{
    /// <summary>The key's id, what the deployer prints.</summary>
    public string Id { get; init; } = "";

    /// <summary>The key's value: only in answers that include values (<c>includeValues</c>), and in <c>CreateApiKey</c>'s.</summary>
    public string? Value { get; init; }

    /// <summary>The key's name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether callers can use it.</summary>
    public bool Enabled { get; init; }

    /// <summary>The key's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>The input of <c>CreateApiKey</c>.</summary>
internal sealed record CreateApiKeyRequest
{
    /// <summary>The key's name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether callers can use it.</summary>
    public bool Enabled { get; init; }

    /// <summary>The value; API Gateway generates one when null.</summary>
    public string? Value { get; init; }

    /// <summary>Tags to create it with.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>A stage a usage plan applies to (<c>ApiStage</c>).</summary>
/// <param name="ApiId">The REST API.</param>
/// <param name="Stage">Its stage.</param>
internal sealed record ApiStage(string ApiId, string Stage);

/// <summary>A usage plan's rate limits (<c>ThrottleSettings</c>).</summary>
internal sealed record ThrottleSettings
{
    /// <summary>The largest burst of requests.</summary>
    public int? BurstLimit { get; init; }

    /// <summary>Steady-state requests per second.</summary>
    public double? RateLimit { get; init; }
}

/// <summary>A usage plan's quota (<c>QuotaSettings</c>).</summary>
internal sealed record QuotaSettings
{
    /// <summary>The requests allowed per period.</summary>
    public int? Limit { get; init; }

    /// <summary>Days into the period the quota starts from.</summary>
    public int? Offset { get; init; }

    /// <summary><c>DAY</c>, <c>WEEK</c> or <c>MONTH</c>.</summary>
    public string? Period { get; init; }
}

/// <summary>A usage plan (<c>UsagePlan</c>).</summary>
internal sealed record UsagePlan
{
    /// <summary>The plan's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The plan's name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The stages it applies to.</summary>
    public IReadOnlyList<ApiStage>? ApiStages { get; init; }

    /// <summary>The rate limits.</summary>
    public ThrottleSettings? Throttle { get; init; }

    /// <summary>The quota.</summary>
    public QuotaSettings? Quota { get; init; }

    /// <summary>The plan's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>The input of <c>CreateUsagePlan</c>.</summary>
internal sealed record CreateUsagePlanRequest
{
    /// <summary>The plan's name.</summary>
    public required string Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The stages it applies to.</summary>
    public IReadOnlyList<ApiStage>? ApiStages { get; init; }

    /// <summary>The rate limits.</summary>
    public ThrottleSettings? Throttle { get; init; }

    /// <summary>The quota.</summary>
    public QuotaSettings? Quota { get; init; }

    /// <summary>Tags to create it with.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>An API key of a usage plan (<c>UsagePlanKey</c>).</summary>
internal sealed record UsagePlanKey
{
    /// <summary>The key's id.</summary>
    public string Id { get; init; } = "";

    /// <summary><c>API_KEY</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The key's name.</summary>
    public string? Name { get; init; }
}

/// <summary>The input of <c>CreateUsagePlanKey</c> (the plan is in the URI).</summary>
/// <param name="KeyId">The key.</param>
/// <param name="KeyType">Always <c>API_KEY</c>.</param>
internal sealed record CreateUsagePlanKeyRequest(string KeyId, string KeyType);
