namespace Chalice.Policy.Actions;

/// <summary>
/// The SDK's higher-level helpers that call a service for you (S3's TransferUtility, AmazonS3Util, the
/// ICoreAmazonS3 conveniences, SQS's AuthorizeS3ToSendMessage) → the actions the calls they make need. Members are
/// named without their <c>Async</c> / <c>WithResponse</c> suffixes, so each entry covers every variant.
/// </summary>
internal static class SdkHelperTable
{
    private static readonly ActionRequirement[] s_upload = [new("s3:PutObject"), new("s3:AbortMultipartUpload")];

    private static readonly Dictionary<(string Type, string Member), ActionRequirement[]> s_helpers =
        new Dictionary<(string, string), ActionRequirement[]>()
            // TransferUtility uploads large files in parts and aborts the upload when a part fails (the same actions
            // as boto3's upload_file in Chalice's policies-extra.json); downloads may read in ranges.
            .AddForEach(["Amazon.S3.Transfer.TransferUtility", "Amazon.S3.Transfer.ITransferUtility"], new()
            {
                ["Upload"] = s_upload,
                ["UploadDirectory"] = s_upload,
                ["Download"] = [new("s3:GetObject")],
                ["DownloadDirectory"] = [new("s3:ListBucket"), new("s3:GetObject")],
                ["OpenStream"] = [new("s3:GetObject")],
                ["AbortMultipartUploads"] = [new("s3:ListBucketMultipartUploads"), new("s3:AbortMultipartUpload")],
            })
            .AddForEach(["Amazon.S3.Util.AmazonS3Util"], new()
            {
                // Probes the bucket's ACL: 404 means no bucket.
                ["DoesS3BucketExistV2"] = [new("s3:GetBucketAcl")],
                ["DeleteS3BucketWithObjects"] =
                    [new("s3:ListBucketVersions"), new("s3:DeleteObject"), new("s3:DeleteObjectVersion"), new("s3:DeleteBucket")],
            })
            // Implemented explicitly by AmazonS3Client: reachable through IAmazonS3, which extends ICoreAmazonS3.
            .AddForEach(["Amazon.Runtime.SharedInterfaces.ICoreAmazonS3"], new()
            {
                ["Delete"] = [new("s3:DeleteObject")],
                ["Deletes"] = [new("s3:DeleteObject")],
                ["DownloadToFilePath"] = [new("s3:GetObject")],
                ["EnsureBucketExists"] = [new("s3:ListBucket"), new("s3:CreateBucket")],
                ["GeneratePreSignedURL"] = [new("s3:GetObject")],
                ["GetAllObjectKeys"] = [new("s3:ListBucket")],
                ["GetObjectStream"] = [new("s3:GetObject")],
                ["MakeObjectPublic"] = [new("s3:GetObjectAcl"), new("s3:PutObjectAcl")],
                ["UploadObjectFromFilePath"] = [new("s3:PutObject")],
                ["UploadObjectFromStream"] = [new("s3:PutObject")],
            })
            .AddForEach(["Amazon.SQS.IAmazonSQS", "Amazon.SQS.AmazonSQSClient"], new()
            {
                // Reads the queue policy, adds a statement for the bucket and writes it back.
                ["AuthorizeS3ToSendMessage"] = [new("sqs:GetQueueAttributes"), new("sqs:SetQueueAttributes")],
            });

    /// <summary>The actions of a helper member, by the full name of its declaring type.</summary>
    public static bool TryGet(string typeFullName, string member, out ActionRequirement[] actions) =>
        s_helpers.TryGetValue((typeFullName, Normalize(member)), out actions!);

    /// <summary><c>UploadWithResponseAsync</c> → <c>Upload</c>.</summary>
    public static string Normalize(string member)
    {
        if (member.EndsWith("Async", StringComparison.Ordinal))
            member = member[..^"Async".Length];
        if (member.EndsWith("WithResponse", StringComparison.Ordinal))
            member = member[..^"WithResponse".Length];
        return member;
    }

    private static Dictionary<(string, string), ActionRequirement[]> AddForEach(
        this Dictionary<(string, string), ActionRequirement[]> table,
        string[] types,
        Dictionary<string, ActionRequirement[]> members)
    {
        foreach (var type in types)
        {
            foreach (var (member, actions) in members)
                table.Add((type, member), actions);
        }
        return table;
    }
}
