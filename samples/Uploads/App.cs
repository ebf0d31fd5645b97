using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Chalice;
using Chalice.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Uploads;

/// <summary>
/// Uploads summarised in the background: <c>PUT /uploads/{name}</c> stores a text file in S3; S3's notification invokes
/// <see cref="Uploaded"/>, which queues the file for <see cref="Summarise"/>; that writes a summary, which
/// <c>GET /summaries/{name}</c> returns; every day <see cref="CleanUp"/> deletes uploads older than <c>RETENTION_HOURS</c>.
/// The bucket and the queue exist because the handlers name them: locally the emulator creates them, on AWS the deployer.
/// </summary>
[ChaliceApp("uploads")]
public partial class App(IAmazonS3 s3, IAmazonSQS sqs, ILogger<App> log)
{
    private const string Bucket = "chalice-uploads";
    private const string Queue = "uploads-to-summarise";
    private const string UploadsPrefix = "uploads/";
    private const string SummariesPrefix = "summaries/";

    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client());
        services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
    }

    /// <summary>Stores the request's text as <c>uploads/{name}</c>.</summary>
    [Route("/uploads/{name}", "PUT", ContentTypes = ["text/plain"])]
    public async Task<JsonObject> Upload(string name, [FromBody] string text, CancellationToken cancellationToken)
    {
        var fileName = Uri.UnescapeDataString(name); // a REST API passes the path segment as the client sent it
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket, Key = UploadsPrefix + fileName, ContentBody = text, ContentType = "text/plain",
        }, cancellationToken);
        return new JsonObject { ["name"] = fileName, ["bytes"] = System.Text.Encoding.UTF8.GetByteCount(text) };
    }

    /// <summary>The summary of an upload, once <see cref="Summarise"/> has written it.</summary>
    [Route("/summaries/{name}")]
    public async Task<JsonNode?> Summary(string name, CancellationToken cancellationToken)
    {
        var fileName = Uri.UnescapeDataString(name);
        try
        {
            using var summary = await s3.GetObjectAsync(Bucket, SummariesPrefix + fileName + ".json", cancellationToken);
            return await JsonNode.ParseAsync(summary.ResponseStream, cancellationToken: cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.NotFound)
        {
            throw new NotFoundError($"No summary of {fileName} yet");
        }
    }

    /// <summary>A new upload: queue it to be summarised (the key arrives decoded).</summary>
    [OnS3Event(Bucket, Prefix = UploadsPrefix)]
    public async Task Uploaded(S3Event upload, CancellationToken cancellationToken)
    {
        var queueUrl = (await sqs.GetQueueUrlAsync(Queue, cancellationToken)).QueueUrl;
        var job = new JsonObject { ["key"] = upload.Key, ["size"] = upload.Records[0].S3.Object.Size };
        await sqs.SendMessageAsync(queueUrl, job.ToJsonString(), cancellationToken);
    }

    /// <summary>Summarises each queued upload: its size, lines, words and first line; a failed one is retried alone.</summary>
    [OnSqsMessage(Queue, BatchSize = 10, MaximumBatchingWindowInSeconds = 1)]
    public async Task<BatchResponse> Summarise(SqsEvent batch, CancellationToken cancellationToken)
    {
        var response = new BatchResponse();
        foreach (var message in batch.Records)
        {
            try
            {
                var key = (string)JsonNode.Parse(message.Body)!["key"]!;
                using var upload = await s3.GetObjectAsync(Bucket, key, cancellationToken);
                using var reader = new StreamReader(upload.ResponseStream);
                var text = await reader.ReadToEndAsync(cancellationToken);
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var name = key[UploadsPrefix.Length..];
                var summary = new JsonObject
                {
                    ["name"] = name,
                    ["bytes"] = upload.ContentLength,
                    ["lines"] = lines.Length,
                    ["words"] = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
                    ["firstLine"] = lines.FirstOrDefault() ?? "",
                };
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = Bucket, Key = SummariesPrefix + name + ".json", ContentBody = summary.ToJsonString(), ContentType = "application/json",
                }, cancellationToken);
            }
            catch (AmazonS3Exception e)
            {
                LogNotSummarised(log, message.MessageId, e.Message);
                response.AddFailure(message);
            }
        }
        return response;
    }

    /// <summary>Deletes uploads (and their summaries) older than <c>RETENTION_HOURS</c>, once a day.</summary>
    [Schedule("rate(1 day)", Description = "Deletes old uploads")]
    public async Task CleanUp(CancellationToken cancellationToken)
    {
        var retention = TimeSpan.FromHours(double.Parse(Environment.GetEnvironmentVariable("RETENTION_HOURS") ?? "168", CultureInfo.InvariantCulture));
        var cutoff = DateTime.UtcNow - retention;
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = UploadsPrefix }, cancellationToken);
        foreach (var old in (listed.S3Objects ?? []).Where(o => o.LastModified <= cutoff))
        {
            await s3.DeleteObjectAsync(Bucket, old.Key, cancellationToken);
            await s3.DeleteObjectAsync(Bucket, SummariesPrefix + old.Key[UploadsPrefix.Length..] + ".json", cancellationToken);
            LogDeleted(log, old.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Id} not summarised: {Reason}")]
    private static partial void LogNotSummarised(ILogger logger, string id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted old upload {Key}")]
    private static partial void LogDeleted(ILogger logger, string key);
}
