namespace Chalice.Local.S3.Protocol;

/// <summary>
/// An S3 error response: thrown anywhere in request handling, rendered by <see cref="S3RequestHandler"/> as S3's
/// <c>&lt;Error&gt;</c> document. The factories carry S3's own codes, statuses and messages.
/// </summary>
internal sealed class S3ErrorException(int statusCode, string code, string message, params (string Name, string Value)[] details)
    : Exception(message)
{
    /// <summary>The HTTP status S3 answers with.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>S3's error code, e.g. <c>NoSuchKey</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Extra elements S3 puts in the error document, e.g. <c>Key</c> or <c>BucketName</c>.</summary>
    public IReadOnlyList<(string Name, string Value)> Details { get; } = details;

    /// <summary>Headers S3 sends with this error, e.g. <c>x-amz-delete-marker</c> when a delete marker hides the key.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>The current version of the key is a delete marker: 404 as for a missing key, saying so in headers.</summary>
    public static S3ErrorException HiddenByDeleteMarker(string key, string versionId) =>
        new(404, "NoSuchKey", "The specified key does not exist.", ("Key", key))
        {
            Headers = [("x-amz-delete-marker", "true"), ("x-amz-version-id", versionId)],
        };

    /// <summary>A GET or HEAD of a delete marker by its version id (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html).</summary>
    public static S3ErrorException DeleteMarkerRequested(string method, string versionId, DateTimeOffset lastModified) =>
        new(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", ("Method", method), ("ResourceType", "DeleteMarker"))
        {
            Headers = [("x-amz-delete-marker", "true"), ("x-amz-version-id", versionId), ("Last-Modified", S3Xml.HttpDate(lastModified))],
        };

    public static S3ErrorException NoSuchKey(string key) =>
        new(404, "NoSuchKey", "The specified key does not exist.", ("Key", key));

    // The multipart errors' messages are those of https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html.
    public static S3ErrorException NoSuchUpload(string uploadId) =>
        new(404, "NoSuchUpload",
            "The specified multipart upload does not exist. The upload ID might not be valid, or the multipart upload might have been aborted or completed.",
            ("UploadId", uploadId));

    public static S3ErrorException InvalidPart(string uploadId, int partNumber, string etag) =>
        new(400, "InvalidPart",
            "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
            ("UploadId", uploadId), ("PartNumber", partNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ETag", etag));

    public static S3ErrorException InvalidPartOrder() =>
        new(400, "InvalidPartOrder",
            "The list of parts was not in ascending order. The parts list must be specified in order by part number.");

    public static S3ErrorException EntityTooSmall(long proposedSize, long minimum) =>
        new(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.",
            ("ProposedSize", proposedSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MinSizeAllowed", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static S3ErrorException NoSuchVersion(string key, string versionId) =>
        new(404, "NoSuchVersion", "The specified version does not exist.", ("Key", key), ("VersionId", versionId));

    public static S3ErrorException NoSuchBucket(string bucket) =>
        new(404, "NoSuchBucket", "The specified bucket does not exist", ("BucketName", bucket));

    public static S3ErrorException InvalidBucketName(string bucket) =>
        new(400, "InvalidBucketName", "The specified bucket is not valid.", ("BucketName", bucket));

    public static S3ErrorException BucketAlreadyOwnedByYou(string bucket) =>
        new(409, "BucketAlreadyOwnedByYou",
            "Your previous request to create the named bucket succeeded and you already own it.", ("BucketName", bucket));

    public static S3ErrorException BucketNotEmpty(string bucket) =>
        new(409, "BucketNotEmpty", "The bucket you tried to delete is not empty", ("BucketName", bucket));

    public static S3ErrorException InvalidRange(string requested, long actualSize) =>
        new(416, "InvalidRange", "The requested range is not satisfiable",
            ("RangeRequested", requested), ("ActualObjectSize", actualSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static S3ErrorException BadDigest(string message) => new(400, "BadDigest", message);

    public static S3ErrorException InvalidDigest(string message) => new(400, "InvalidDigest", message);

    public static S3ErrorException IncompleteBody(string message) => new(400, "IncompleteBody", message);

    public static S3ErrorException InvalidRequest(string message) => new(400, "InvalidRequest", message);

    public static S3ErrorException InvalidArgument(string message, string name, string value) =>
        new(400, "InvalidArgument", message, ("ArgumentName", name), ("ArgumentValue", value));

    public static S3ErrorException KeyTooLong(string key) =>
        new(400, "KeyTooLongError", "Your key is too long", ("Size", System.Text.Encoding.UTF8.GetByteCount(key).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MaxSizeAllowed", "1024"));

    public static S3ErrorException MalformedXml() =>
        new(400, "MalformedXML",
            "The XML you provided was not well-formed or did not validate against our published schema");

    public static S3ErrorException IllegalLocationConstraint(string location) =>
        new(400, "IllegalLocationConstraintException",
            $"The {location} location constraint is incompatible for the region specific endpoint this request was sent to.");

    public static S3ErrorException InvalidContinuationToken() =>
        new(400, "InvalidArgument", "The continuation token provided is incorrect", ("ArgumentName", "continuation-token"));

    public static S3ErrorException MethodNotAllowed(string method, string resourceType) =>
        new(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
            ("Method", method), ("ResourceType", resourceType));

    public static S3ErrorException NotImplemented(string what) =>
        new(501, "NotImplemented",
            $"A header or query you provided implies functionality that is not implemented: {what} is not supported by the local S3 stand-in.");

    public static S3ErrorException PreconditionFailed(string condition) =>
        new(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold", ("Condition", condition));
}
