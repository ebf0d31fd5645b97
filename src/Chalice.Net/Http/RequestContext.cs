using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice;

/// <summary>
/// The parts of API Gateway's <c>requestContext</c> that REST and HTTP APIs share. Everything else is on
/// <see cref="Request.RestEvent"/> or <see cref="Request.HttpApiEvent"/>.
/// </summary>
public sealed record RequestContext
{
    /// <summary>API Gateway's id of the request.</summary>
    public string? RequestId { get; init; }

    /// <summary>The API Gateway stage.</summary>
    public string? Stage { get; init; }

    /// <summary>The AWS account that owns the API.</summary>
    public string? AccountId { get; init; }

    /// <summary>The API's id.</summary>
    public string? ApiId { get; init; }

    /// <summary>The host name the client called.</summary>
    public string? DomainName { get; init; }

    /// <summary>The client's IP address.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The client's <c>User-Agent</c>.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The protocol, e.g. <c>HTTP/1.1</c>.</summary>
    public string? Protocol { get; init; }

    /// <summary>The request time, in milliseconds since the Unix epoch.</summary>
    public long RequestTimeEpoch { get; init; }

    /// <summary>What the authorizer returned (claims, principal id, context), if any.</summary>
    public JsonObject? Authorizer { get; init; }

    internal static RequestContext From(ApiGatewayProxyRequest e)
    {
        var c = e.RequestContext;
        return new RequestContext
        {
            RequestId = c?.RequestId,
            Stage = c?.Stage,
            AccountId = c?.AccountId,
            ApiId = c?.ApiId,
            DomainName = c?.DomainName,
            SourceIp = c?.Identity?.SourceIp,
            UserAgent = c?.Identity?.UserAgent,
            Protocol = c?.Protocol,
            RequestTimeEpoch = c?.RequestTimeEpoch ?? 0,
            Authorizer = c?.Authorizer,
        };
    }

    internal static RequestContext From(HttpApiV2ProxyRequest e)
    {
        var c = e.RequestContext;
        return new RequestContext
        {
            RequestId = c?.RequestId,
            Stage = c?.Stage,
            AccountId = c?.AccountId,
            ApiId = c?.ApiId,
            DomainName = c?.DomainName,
            SourceIp = c?.Http?.SourceIp,
            UserAgent = c?.Http?.UserAgent,
            Protocol = c?.Http?.Protocol,
            RequestTimeEpoch = c?.TimeEpoch ?? 0,
            Authorizer = c?.Authorizer,
        };
    }
}
