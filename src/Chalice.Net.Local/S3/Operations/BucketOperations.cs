using System.Xml;
using System.Xml.Linq;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary>The bucket-level operations: create, head, delete, list all, and location.</summary>
internal static class BucketOperations
{
    /// <summary>The region every bucket lives in: the stand-in checks CreateBucket's location constraint as S3 would, then ignores it.</summary>
    public const string Region = "us-east-1";

    /// <summary><c>PUT /bucket</c>.</summary>
    public static async Task CreateAsync(S3Call call)
    {
        var bucket = call.Bucket;
        if (!BucketName.IsValid(bucket))
            throw S3ErrorException.InvalidBucketName(bucket);
        var signingRegion = SigningRegion(call);
        var location = await ReadLocationConstraintAsync(call);
        // A regional endpoint only creates buckets in its own region; us-east-1 accepts any constraint.
        if (signingRegion != Region && location != signingRegion)
            throw S3ErrorException.IllegalLocationConstraint(location ?? "unspecified");
        // In us-east-1, S3 (and moto) answer the owner's repeated CreateBucket with success; elsewhere with 409.
        if (!call.Store.TryCreateBucket(bucket) && signingRegion != Region)
            throw S3ErrorException.BucketAlreadyOwnedByYou(bucket);
        call.Response.Headers.Location = "/" + bucket;
        call.Response.ContentLength = 0;
    }

    /// <summary><c>HEAD /bucket</c>.</summary>
    public static Task HeadAsync(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        call.Response.Headers["x-amz-bucket-region"] = Region;
        call.Response.ContentType = "application/xml";
        return Task.CompletedTask;
    }

    /// <summary><c>DELETE /bucket</c>: only an empty bucket can be deleted.</summary>
    public static Task DeleteAsync(S3Call call)
    {
        var bucket = call.Bucket;
        if (!BucketName.IsValid(bucket))
            throw S3ErrorException.InvalidBucketName(bucket);
        switch (call.Store.DeleteBucket(bucket))
        {
            case BucketDeletion.NotFound:
                throw S3ErrorException.NoSuchBucket(bucket);
            case BucketDeletion.NotEmpty:
                throw S3ErrorException.BucketNotEmpty(bucket);
            default:
                call.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
        }
    }

    /// <summary><c>GET /</c>.</summary>
    public static Task ListAsync(S3Call call) =>
        S3Xml.WriteAsync(call.Response, S3Xml.Element("ListAllMyBucketsResult",
            S3Xml.Element("Buckets", call.Store.ListBuckets().Select(b => S3Xml.Element("Bucket",
                S3Xml.Element("Name", b.Name),
                S3Xml.Element("CreationDate", S3Xml.Timestamp(b.CreationDate))))),
            LocalOwner.Element()));

    /// <summary><c>GET /bucket?location</c>: empty for us-east-1, as S3 answers.</summary>
    public static Task GetLocationAsync(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        return S3Xml.WriteAsync(call.Response, S3Xml.Element("LocationConstraint"));
    }

    /// <summary>The <c>LocationConstraint</c> of a <c>CreateBucketConfiguration</c> body, or null without one.</summary>
    private static async Task<string?> ReadLocationConstraintAsync(S3Call call)
    {
        using var reader = new StreamReader(call.Request.Body);
        var body = await reader.ReadToEndAsync(call.Aborted);
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            var constraint = XDocument.Parse(body).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "LocationConstraint");
            return string.IsNullOrEmpty(constraint?.Value) ? null : constraint.Value;
        }
        catch (XmlException)
        {
            throw S3ErrorException.MalformedXml();
        }
    }

    /// <summary>
    /// The region in the SigV4 credential scope (<c>Credential=AKID/20260101/eu-west-1/s3/aws4_request</c>, in the
    /// Authorization header or a presigned URL), or us-east-1 for unsigned requests.
    /// </summary>
    private static string SigningRegion(S3Call call)
    {
        var credential = call.Query("X-Amz-Credential");
        if (credential is null && call.Header("Authorization") is { } authorization)
        {
            var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
            if (start >= 0)
                credential = authorization[(start + "Credential=".Length)..].Split(',')[0];
        }
        var scope = credential?.Split('/');
        return scope is { Length: 5 } ? scope[2] : Region;
    }
}
