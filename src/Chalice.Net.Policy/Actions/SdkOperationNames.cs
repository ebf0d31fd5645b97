namespace Chalice.Policy.Actions;

/// <summary>
/// The AWS SDK for .NET names most operations after the service model (its request type is the model operation +
/// <c>Request</c>), but its hand-written S3 client kept older names. This maps those to the model operations
/// (botocore's names, as in <c>shared/fixtures/aws-models/s3</c>); every other SDK operation is its model operation.
/// </summary>
internal static class SdkOperationNames
{
    private static readonly Dictionary<(string Prefix, string Operation), string[]> s_modelOperations = new()
    {
        [("s3", "CopyPart")] = ["UploadPartCopy"],
        [("s3", "DeleteCORSConfiguration")] = ["DeleteBucketCors"],
        [("s3", "GetCORSConfiguration")] = ["GetBucketCors"],
        [("s3", "PutCORSConfiguration")] = ["PutBucketCors"],
        [("s3", "DeleteLifecycleConfiguration")] = ["DeleteBucketLifecycle"],
        [("s3", "GetLifecycleConfiguration")] = ["GetBucketLifecycleConfiguration"],
        [("s3", "PutLifecycleConfiguration")] = ["PutBucketLifecycleConfiguration"],
        [("s3", "GetBucketNotification")] = ["GetBucketNotificationConfiguration"],
        [("s3", "PutBucketNotification")] = ["PutBucketNotificationConfiguration"],
        [("s3", "GetObjectMetadata")] = ["HeadObject"],
        [("s3", "InitiateMultipartUpload")] = ["CreateMultipartUpload"],
        [("s3", "ListVersions")] = ["ListObjectVersions"],
        [("s3", "PutBucket")] = ["CreateBucket"],
        // One SDK operation for two model operations: with a Key it is the object's ACL, without the bucket's.
        [("s3", "GetACL")] = ["GetBucketAcl", "GetObjectAcl"],
        [("s3", "PutACL")] = ["PutBucketAcl", "PutObjectAcl"],
    };

    /// <summary>The service-model operation(s) an SDK operation sends.</summary>
    public static IReadOnlyList<string> ToModelOperations(string prefix, string sdkOperation) =>
        s_modelOperations.TryGetValue((prefix, sdkOperation), out var names) ? names : [sdkOperation];
}
