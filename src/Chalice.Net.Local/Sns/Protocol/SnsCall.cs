using Chalice.Local.Sns.Topics;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.Sns.Protocol;

/// <summary>One SNS request being served: its parameters, the topics, and where to answer.</summary>
internal sealed class SnsCall(HttpContext http, QueryParameters parameters, string action, string requestId, TopicRegistry topics, SnsPublisher publisher, TimeProvider clock)
{
    public TimeProvider Clock { get; } = clock;
    public HttpContext Http { get; } = http;
    public QueryParameters Parameters { get; } = parameters;
    public string Action { get; } = action;
    public TopicRegistry Topics { get; } = topics;
    public SnsPublisher Publisher { get; } = publisher;

    /// <summary>This endpoint's base address, for the URLs inside notifications.</summary>
    public Uri Endpoint => new($"{Http.Request.Scheme}://{Http.Request.Host}/");

    /// <summary>The topic a parameter names, or SNS's <c>NotFound</c>.</summary>
    public StoredTopic Topic(string parameter = "TopicArn") =>
        Topics.Find(Parameters.Required(parameter)) ?? throw SnsErrorException.NotFound("Topic");

    public Task WriteAsync(params object?[] result) => SnsXml.WriteResultAsync(Http, Action, requestId, result);
}
