using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Chalice;
using Microsoft.Extensions.DependencyInjection;

namespace S3Test;

/// <summary>Stores JSON documents in an S3 bucket: PUT /objects/{key} writes one, GET /objects/{key} reads it back.</summary>
[ChaliceApp("s3test")]
public partial class App(IAmazonS3 s3)
{
    /// <summary>The seed's bucket, unless the stage sets <c>BUCKET_NAME</c> in <c>.chalice/config.json</c>.</summary>
    private static readonly string Bucket = Environment.GetEnvironmentVariable("BUCKET_NAME") ?? "ippevent-public";

    public static void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client());

    [Route("/objects/{key}", "GET", "PUT")]
    public async Task<JsonNode?> S3Objects(string key, CancellationToken cancellationToken)
    {
        var request = CurrentRequest;
        if (request.Method == "PUT")
        {
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Bucket,
                Key = key,
                ContentBody = request.JsonBody?.ToJsonString() ?? "null",
                ContentType = "application/json",
            }, cancellationToken);
            return null;
        }

        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);
            return await JsonNode.ParseAsync(response.ResponseStream, cancellationToken: cancellationToken);
        }
        // Without s3:ListBucket, S3 answers a missing key with 403 AccessDenied rather than 404, so that callers
        // cannot probe which keys exist; the least-privilege policy grants only GetObject and PutObject.
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            throw new NotFoundError(key);
        }
    }
}
