using System.Collections.Concurrent;
using System.Xml.Linq;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Chalice.Local.S3;

/// <summary>
/// Serves S3's REST API from a data folder. <see cref="S3StandIn.StartAsync"/> runs it on its own loopback port; to
/// serve it from another ASP.NET Core app instead, pass <see cref="HandleAsync"/> as the terminal
/// <see cref="RequestDelegate"/> of a branch (by port, by host, or under a path base such as <c>app.Map("/s3", …)</c>).
/// </summary>
public sealed class S3RequestHandler
{
    private static readonly HashSet<string> s_errorResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-amz-request-id", "x-amz-id-2", "Server",
    };

    private readonly S3StandInOptions _options;
    private readonly FileObjectStore _store;
    private readonly ChangeSequencer _sequencer = new();
    private readonly ConcurrentDictionary<string, bool> _reportedMissingBuckets = new(StringComparer.Ordinal);

    /// <summary>Opens (or creates) the data folder named by <paramref name="options"/> and creates its known buckets.</summary>
    /// <exception cref="ArgumentException">A known bucket's name is not a valid S3 bucket name.</exception>
    public S3RequestHandler(S3StandInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        foreach (var bucket in options.KnownBuckets)
        {
            if (!BucketName.IsValid(bucket))
                throw new ArgumentException($"'{bucket}' is not a valid S3 bucket name.", nameof(options));
        }
        _options = options;
        _store = new FileObjectStore(options.DataDirectory);
        foreach (var bucket in options.KnownBuckets)
            _store.TryCreateBucket(bucket);
    }

    /// <summary>The full path of the data folder.</summary>
    public string DataDirectory => _store.Root;

    /// <summary>Serves one S3 request. Never throws for a client's mistake: errors become S3 error responses.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The ids only need to be unique, not unguessable: no system call for them on every request.
        Span<byte> random = stackalloc byte[32];
        Random.Shared.NextBytes(random);
        var requestId = Convert.ToHexString(random[..8]);
        var response = context.Response;
        response.Headers["x-amz-request-id"] = requestId;
        response.Headers["x-amz-id-2"] = Convert.ToBase64String(random[8..]);
        response.Headers.Server = "AmazonS3";

        var operationName = "-";
        try
        {
            var address = S3Address.From(context);
            var operation = S3OperationRouter.Select(context.Request, address);
            operationName = operation.Name;
            await operation.ExecuteAsync(new S3Call(context, address, _store, _options.ChangeListener, _sequencer));
        }
        catch (S3ErrorException error) when (!response.HasStarted)
        {
            if (error.Code == "NoSuchBucket")
                ReportMissingBucket(error);
            await WriteErrorAsync(context, error, requestId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            S3Log.Failure(_options.Logger, exception, context.Request.Method, Target(context));
            if (response.HasStarted)
            {
                // Part of the body is already on the wire: breaking the connection is the only honest signal left.
                context.Abort();
                return;
            }
            var internalError = new S3ErrorException(StatusCodes.Status500InternalServerError, "InternalError",
                $"The local S3 stand-in failed: {exception.Message}");
            await WriteErrorAsync(context, internalError, requestId);
        }
        S3Log.Request(_options.Logger, context.Request.Method, Target(context), response.StatusCode, operationName);
    }

    /// <summary>
    /// Says, once per bucket, that the app asked for a bucket that does not exist here: an app that works only because
    /// a bucket exists locally would fail on AWS, so the stand-in never makes one up, but it tells the developer how to
    /// declare one that does exist on AWS.
    /// </summary>
    private void ReportMissingBucket(S3ErrorException error)
    {
        var bucket = error.Details.FirstOrDefault(d => d.Name == "BucketName").Value;
        if (bucket is not null && _reportedMissingBuckets.TryAdd(bucket, true))
            S3Log.MissingBucket(_options.Logger, bucket);
    }

    private static async Task WriteErrorAsync(HttpContext context, S3ErrorException error, string requestId)
    {
        var response = context.Response;
        // Drop headers an operation had set before failing (ETag, user metadata, …), keeping the request ids.
        foreach (var name in response.Headers.Keys.Where(n => !s_errorResponseHeaders.Contains(n)).ToList())
            response.Headers.Remove(name);
        foreach (var (name, value) in error.Headers)
            response.Headers[name] = value;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            // HEAD responses have no body; S3 reports the error by status alone.
            response.StatusCode = error.StatusCode;
            return;
        }
        var document = new XElement("Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            error.Details.Select(d => new XElement(d.Name, d.Value)),
            new XElement("RequestId", requestId),
            new XElement("HostId", response.Headers["x-amz-id-2"].ToString()));
        await S3Xml.WriteAsync(response, document, error.StatusCode);
    }

    private static string Target(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
}
