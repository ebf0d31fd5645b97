namespace Chalice.Policy.Actions;

/// <summary>
/// Service-model operation → the IAM actions it needs. For almost every operation of every service that is simply
/// <c>prefix:Operation</c>, so the table lists only the exceptions, taken from AWS's Service Authorization Reference
/// (and agreeing with Chalice's <c>policies.json</c> wherever that has the operation).
/// </summary>
internal static class IamActionTable
{
    private const string Source = "Source";
    private const string Destination = "Destination";

    private static readonly Dictionary<(string Prefix, string Operation), ActionRequirement[]> s_exceptions = new()
    {
        // S3 objects: the multipart steps and reads under other names are authorised as the plain object actions.
        [("s3", "CreateMultipartUpload")] = [new("s3:PutObject")],
        [("s3", "UploadPart")] = [new("s3:PutObject")],
        [("s3", "CompleteMultipartUpload")] = [new("s3:PutObject")],
        [("s3", "ListParts")] = [new("s3:ListMultipartUploadParts")],
        [("s3", "HeadObject")] = [new("s3:GetObject")],
        [("s3", "SelectObjectContent")] = [new("s3:GetObject")],
        [("s3", "GetObjectAttributes")] = [new("s3:GetObject"), new("s3:GetObjectAttributes")],
        [("s3", "DeleteObjects")] = [new("s3:DeleteObject")],
        [("s3", "CopyObject")] = [new("s3:GetObject", Source), new("s3:PutObject", Destination)],
        [("s3", "UploadPartCopy")] = [new("s3:GetObject", Source), new("s3:PutObject", Destination)],
        // S3 listings are bucket actions.
        [("s3", "ListBuckets")] = [new("s3:ListAllMyBuckets")],
        [("s3", "ListObjects")] = [new("s3:ListBucket")],
        [("s3", "ListObjectsV2")] = [new("s3:ListBucket")],
        [("s3", "HeadBucket")] = [new("s3:ListBucket")],
        [("s3", "ListObjectVersions")] = [new("s3:ListBucketVersions")],
        [("s3", "ListMultipartUploads")] = [new("s3:ListBucketMultipartUploads")],
        // S3 bucket configuration: one Get and one Put action per subresource; Delete and List need those.
        [("s3", "GetBucketCors")] = [new("s3:GetBucketCORS")],
        [("s3", "PutBucketCors")] = [new("s3:PutBucketCORS")],
        [("s3", "DeleteBucketCors")] = [new("s3:PutBucketCORS")],
        [("s3", "GetBucketLifecycle")] = [new("s3:GetLifecycleConfiguration")],
        [("s3", "GetBucketLifecycleConfiguration")] = [new("s3:GetLifecycleConfiguration")],
        [("s3", "PutBucketLifecycle")] = [new("s3:PutLifecycleConfiguration")],
        [("s3", "PutBucketLifecycleConfiguration")] = [new("s3:PutLifecycleConfiguration")],
        [("s3", "DeleteBucketLifecycle")] = [new("s3:PutLifecycleConfiguration")],
        [("s3", "GetBucketReplication")] = [new("s3:GetReplicationConfiguration")],
        [("s3", "PutBucketReplication")] = [new("s3:PutReplicationConfiguration")],
        [("s3", "DeleteBucketReplication")] = [new("s3:PutReplicationConfiguration")],
        [("s3", "DeleteBucketTagging")] = [new("s3:PutBucketTagging")],
        [("s3", "DeleteBucketOwnershipControls")] = [new("s3:PutBucketOwnershipControls")],
        [("s3", "GetBucketEncryption")] = [new("s3:GetEncryptionConfiguration")],
        [("s3", "PutBucketEncryption")] = [new("s3:PutEncryptionConfiguration")],
        [("s3", "DeleteBucketEncryption")] = [new("s3:PutEncryptionConfiguration")],
        [("s3", "GetBucketAnalyticsConfiguration")] = [new("s3:GetAnalyticsConfiguration")],
        [("s3", "ListBucketAnalyticsConfigurations")] = [new("s3:GetAnalyticsConfiguration")],
        [("s3", "PutBucketAnalyticsConfiguration")] = [new("s3:PutAnalyticsConfiguration")],
        [("s3", "DeleteBucketAnalyticsConfiguration")] = [new("s3:PutAnalyticsConfiguration")],
        [("s3", "GetBucketIntelligentTieringConfiguration")] = [new("s3:GetIntelligentTieringConfiguration")],
        [("s3", "ListBucketIntelligentTieringConfigurations")] = [new("s3:GetIntelligentTieringConfiguration")],
        [("s3", "PutBucketIntelligentTieringConfiguration")] = [new("s3:PutIntelligentTieringConfiguration")],
        [("s3", "DeleteBucketIntelligentTieringConfiguration")] = [new("s3:PutIntelligentTieringConfiguration")],
        [("s3", "GetBucketInventoryConfiguration")] = [new("s3:GetInventoryConfiguration")],
        [("s3", "ListBucketInventoryConfigurations")] = [new("s3:GetInventoryConfiguration")],
        [("s3", "PutBucketInventoryConfiguration")] = [new("s3:PutInventoryConfiguration")],
        [("s3", "DeleteBucketInventoryConfiguration")] = [new("s3:PutInventoryConfiguration")],
        [("s3", "GetBucketMetricsConfiguration")] = [new("s3:GetMetricsConfiguration")],
        [("s3", "ListBucketMetricsConfigurations")] = [new("s3:GetMetricsConfiguration")],
        [("s3", "PutBucketMetricsConfiguration")] = [new("s3:PutMetricsConfiguration")],
        [("s3", "DeleteBucketMetricsConfiguration")] = [new("s3:PutMetricsConfiguration")],
        [("s3", "GetPublicAccessBlock")] = [new("s3:GetBucketPublicAccessBlock")],
        [("s3", "PutPublicAccessBlock")] = [new("s3:PutBucketPublicAccessBlock")],
        [("s3", "DeletePublicAccessBlock")] = [new("s3:PutBucketPublicAccessBlock")],
        [("s3", "GetBucketAccelerateConfiguration")] = [new("s3:GetAccelerateConfiguration")],
        [("s3", "PutBucketAccelerateConfiguration")] = [new("s3:PutAccelerateConfiguration")],
        [("s3", "GetBucketNotificationConfiguration")] = [new("s3:GetBucketNotification")],
        [("s3", "PutBucketNotificationConfiguration")] = [new("s3:PutBucketNotification")],
        [("s3", "GetObjectLockConfiguration")] = [new("s3:GetBucketObjectLockConfiguration")],
        [("s3", "PutObjectLockConfiguration")] = [new("s3:PutBucketObjectLockConfiguration")],
        [("s3", "GetBucketAbac")] = [new("s3:GetBucketABAC")],
        [("s3", "PutBucketAbac")] = [new("s3:PutBucketABAC")],
        // S3 Metadata V2 operations are authorised by the V1 ("Table") actions.
        [("s3", "CreateBucketMetadataConfiguration")] = [new("s3:CreateBucketMetadataTableConfiguration")],
        [("s3", "GetBucketMetadataConfiguration")] = [new("s3:GetBucketMetadataTableConfiguration")],
        [("s3", "DeleteBucketMetadataConfiguration")] = [new("s3:DeleteBucketMetadataTableConfiguration")],
        // Directory buckets and Object Lambda have their own IAM prefixes.
        [("s3", "CreateSession")] = [new("s3express:CreateSession")],
        [("s3", "RenameObject")] = [new("s3express:CreateSession")],
        [("s3", "ListDirectoryBuckets")] = [new("s3express:ListAllMyDirectoryBuckets")],
        [("s3", "WriteGetObjectResponse")] = [new("s3-object-lambda:WriteGetObjectResponse")],

        // SQS authorises batches as the single-message actions.
        [("sqs", "SendMessageBatch")] = [new("sqs:SendMessage")],
        [("sqs", "DeleteMessageBatch")] = [new("sqs:DeleteMessage")],
        [("sqs", "ChangeMessageVisibilityBatch")] = [new("sqs:ChangeMessageVisibility")],

        // STS authorises these without the caller's identity policy: GetCallerIdentity cannot even be denied, and
        // the federation calls are unsigned, checked against the role's trust policy. Granting them is noise.
        [("sts", "GetCallerIdentity")] = [],
        [("sts", "AssumeRoleWithSAML")] = [],
        [("sts", "AssumeRoleWithWebIdentity")] = [],

        // DynamoDB authorises transactions and PartiQL per item action.
        [("dynamodb", "TransactGetItems")] = [new("dynamodb:GetItem")],
        [("dynamodb", "TransactWriteItems")] =
            [new("dynamodb:ConditionCheckItem"), new("dynamodb:DeleteItem"), new("dynamodb:PutItem"), new("dynamodb:UpdateItem")],
        [("dynamodb", "ExecuteStatement")] = PartiQL(),
        [("dynamodb", "BatchExecuteStatement")] = PartiQL(),
        [("dynamodb", "ExecuteTransaction")] = PartiQL(),
    };

    /// <summary>The actions a service-model operation needs.</summary>
    public static IReadOnlyList<ActionRequirement> For(string prefix, string modelOperation) =>
        s_exceptions.TryGetValue((prefix, modelOperation), out var actions) ? actions : [new($"{prefix}:{modelOperation}")];

    // The statement is a run-time string, so any of the four PartiQL actions may be needed.
    private static ActionRequirement[] PartiQL() =>
        [new("dynamodb:PartiQLDelete"), new("dynamodb:PartiQLInsert"), new("dynamodb:PartiQLSelect"), new("dynamodb:PartiQLUpdate")];
}
