using Chalice.Local.S3.Operations;
using Chalice.Local.S3.Protocol;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3;

/// <summary>
/// Picks the operation a request asks for from its method, whether it names a bucket and a key, and its query.
/// Query parameters are allow-listed per operation: an unsupported subresource such as <c>PUT ?tagging</c> must be
/// refused with 501 rather than served as the plain operation (which would overwrite the object with the tag XML).
/// </summary>
internal static class S3OperationRouter
{
    private static readonly S3Operation s_listBuckets = new("ListBuckets", BucketOperations.ListAsync);
    private static readonly S3Operation s_createBucket = new("CreateBucket", BucketOperations.CreateAsync);
    private static readonly S3Operation s_headBucket = new("HeadBucket", BucketOperations.HeadAsync);
    private static readonly S3Operation s_deleteBucket = new("DeleteBucket", BucketOperations.DeleteAsync);
    private static readonly S3Operation s_deleteObjects = new("DeleteObjects", DeleteObjects.ExecuteAsync, ["delete"]);
    private static readonly S3Operation s_getBucketLocation = new("GetBucketLocation", BucketOperations.GetLocationAsync, ["location"]);
    private static readonly S3Operation s_listObjectsV2 = new("ListObjectsV2", ListObjects.ExecuteV2Async, ListObjects.V2Parameters);
    private static readonly S3Operation s_listObjects = new("ListObjects", ListObjects.ExecuteV1Async, ListObjects.V1Parameters);
    private static readonly S3Operation s_putObject = new("PutObject", PutObject.ExecuteAsync);
    private static readonly S3Operation s_copyObject = new("CopyObject", CopyObject.ExecuteAsync);
    private static readonly S3Operation s_getObject = new("GetObject", GetObject.ExecuteAsync, [.. ObjectHeaders.ResponseOverrideParameters, "versionId"]);
    private static readonly S3Operation s_headObject = new("HeadObject", GetObject.ExecuteAsync, ["versionId"]);
    private static readonly S3Operation s_deleteObject = new("DeleteObject", DeleteObject.ExecuteAsync, ["versionId"]);
    private static readonly S3Operation s_createMultipartUpload = new("CreateMultipartUpload", MultipartUpload.CreateAsync, MultipartUpload.CreateParameters);
    private static readonly S3Operation s_uploadPart = new("UploadPart", MultipartUpload.UploadPartAsync, MultipartUpload.UploadPartParameters);
    private static readonly S3Operation s_uploadPartCopy = new("UploadPartCopy", MultipartUpload.UploadPartCopyAsync, MultipartUpload.UploadPartParameters);
    private static readonly S3Operation s_listParts = new("ListParts", MultipartUpload.ListPartsAsync, MultipartUpload.ListPartsParameters);
    private static readonly S3Operation s_abortMultipartUpload = new("AbortMultipartUpload", MultipartUpload.AbortAsync, MultipartUpload.AbortParameters);
    private static readonly S3Operation s_completeMultipartUpload = new("CompleteMultipartUpload", CompleteMultipartUpload.ExecuteAsync, CompleteMultipartUpload.Parameters);
    private static readonly S3Operation s_putBucketVersioning = new("PutBucketVersioning", BucketVersioning.PutAsync, BucketVersioning.Parameters);
    private static readonly S3Operation s_getBucketVersioning = new("GetBucketVersioning", BucketVersioning.GetAsync, BucketVersioning.Parameters);
    private static readonly S3Operation s_listObjectVersions = new("ListObjectVersions", ListObjectVersions.ExecuteAsync, ListObjectVersions.Parameters);
    private static readonly S3Operation s_listMultipartUploads = new("ListMultipartUploads", ListMultipartUploads.ExecuteAsync, ListMultipartUploads.Parameters);

    /// <summary>The operation for a request, or an S3 error when the stand-in does not serve it.</summary>
    public static S3Operation Select(HttpRequest request, S3Address address)
    {
        var operation = address switch
        {
            { Bucket: null } => ForService(request.Method),
            { Key: null } => ForBucket(request),
            _ => ForObject(request),
        };
        RejectUnsupportedQuery(request, operation);
        return operation;
    }

    private static S3Operation ForService(string method) =>
        HttpMethods.IsGet(method) ? s_listBuckets : throw S3ErrorException.MethodNotAllowed(method, "SERVICE");

    private static S3Operation ForBucket(HttpRequest request)
    {
        var method = request.Method;
        if (HttpMethods.IsGet(method))
        {
            if (request.Query.ContainsKey("location"))
                return s_getBucketLocation;
            if (request.Query.ContainsKey("uploads"))
                return s_listMultipartUploads;
            if (request.Query.ContainsKey("versioning"))
                return s_getBucketVersioning;
            if (request.Query.ContainsKey("versions"))
                return s_listObjectVersions;
            return request.Query["list-type"].ToString() switch
            {
                "2" => s_listObjectsV2,
                "" => s_listObjects,
                var other => throw S3ErrorException.InvalidArgument("Invalid List Type specified in Request", "list-type", other),
            };
        }
        if (HttpMethods.IsPut(method))
            return request.Query.ContainsKey("versioning") ? s_putBucketVersioning : s_createBucket;
        if (HttpMethods.IsHead(method))
            return s_headBucket;
        if (HttpMethods.IsDelete(method))
            return s_deleteBucket;
        if (HttpMethods.IsPost(method))
        {
            return request.Query.ContainsKey("delete")
                ? s_deleteObjects
                : throw S3ErrorException.NotImplemented("POST on a bucket without ?delete (browser form uploads)");
        }
        throw S3ErrorException.MethodNotAllowed(method, "BUCKET");
    }

    private static S3Operation ForObject(HttpRequest request)
    {
        var method = request.Method;
        var isCopy = request.Headers.ContainsKey("x-amz-copy-source");
        var uploadId = request.Query.ContainsKey("uploadId");
        if (HttpMethods.IsPut(method))
            return uploadId ? (isCopy ? s_uploadPartCopy : s_uploadPart) : (isCopy ? s_copyObject : s_putObject);
        if (HttpMethods.IsGet(method))
            return uploadId ? s_listParts : s_getObject;
        if (HttpMethods.IsHead(method))
            return s_headObject;
        if (HttpMethods.IsDelete(method))
            return uploadId ? s_abortMultipartUpload : s_deleteObject;
        if (HttpMethods.IsPost(method))
        {
            if (request.Query.ContainsKey("uploads"))
                return s_createMultipartUpload;
            if (uploadId)
                return s_completeMultipartUpload;
            throw S3ErrorException.NotImplemented("POST on an object without ?uploads or ?uploadId (restore, select)");
        }
        throw S3ErrorException.MethodNotAllowed(method, "OBJECT");
    }

    private static void RejectUnsupportedQuery(HttpRequest request, S3Operation operation)
    {
        foreach (var name in request.Query.Keys)
        {
            if (!operation.QueryParameters.Contains(name) && !IsAlwaysAccepted(name))
                throw S3ErrorException.NotImplemented($"the '{name}' query parameter on {request.Method} ({operation.Name})");
        }
    }

    // x-id names the operation for routing; X-Amz-* carry a presigned URL's signature, which is not checked.
    private static bool IsAlwaysAccepted(string name) =>
        name == "x-id" || name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase);
}
