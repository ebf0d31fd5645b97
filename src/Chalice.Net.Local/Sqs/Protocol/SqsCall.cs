using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chalice.Local.Sqs.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.Sqs.Protocol;

/// <summary>One SQS request being served: its JSON body, the queues, and the response.</summary>
internal sealed class SqsCall(HttpContext http, byte[] body, QueueRegistry queues, ILogger logger)
{
    public HttpContext Http { get; } = http;
    public ILogger Logger { get; } = logger;
    public QueueRegistry Queues { get; } = queues;
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>
    /// Who sent the request, as SQS reports it in a message's <c>SenderId</c>: locally the access key id the request
    /// was signed with (AWS gives the IAM user's or role's unique id), or <c>anonymous</c>.
    /// </summary>
    public string SenderId
    {
        get
        {
            var authorization = Http.Request.Headers.Authorization.ToString();
            var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
            if (start < 0)
                return "anonymous";
            start += "Credential=".Length;
            var end = authorization.IndexOf('/', start);
            return end > start ? authorization[start..end] : "anonymous";
        }
    }

    /// <summary>The request's input.</summary>
    /// <exception cref="SqsErrorException">The body is not JSON of the operation's input shape.</exception>
    public T Read<T>(JsonTypeInfo<T> typeInfo) where T : class
    {
        try
        {
            return (body.Length == 0 ? null : JsonSerializer.Deserialize(body, typeInfo))
                ?? throw SqsErrorException.SerializationException("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw SqsErrorException.SerializationException($"The request body is not valid for this operation: {e.Message.Split(" Path:", 2)[0]}");
        }
    }

    /// <summary>The queue a <c>QueueUrl</c> names (its last path segment), or SQS's error.</summary>
    public LocalQueue Queue(string? queueUrl)
    {
        if (string.IsNullOrEmpty(queueUrl))
            throw SqsErrorException.MissingParameter("QueueUrl");
        var name = queueUrl.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (Queues.Find(name) is { } queue)
            return queue;
        Http.Items[SqsRequestHandler.MissingQueueItem] = name;
        throw SqsErrorException.QueueDoesNotExist();
    }

    /// <summary>A queue's URL as this endpoint serves it: <c>http://{host}/{account}/{name}</c>, like AWS's.</summary>
    public string UrlOf(LocalQueue queue) => $"{Http.Request.Scheme}://{Http.Request.Host}/{Queues.AccountId}/{queue.Name}";

    public Task WriteAsync<T>(T output, JsonTypeInfo<T> typeInfo)
    {
        var response = Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = SqsRequestHandler.ContentType;
        return JsonSerializer.SerializeAsync(response.Body, output, typeInfo, Aborted);
    }

    public Task WriteEmptyAsync() => WriteAsync(new EmptyOutput(), SqsJsonContext.Default.EmptyOutput);
}
