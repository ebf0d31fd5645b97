namespace MultiFile;

internal static class Names
{
    public const string Bucket = "multi-file-reports";
    public const string ReportPrefix = "reports/";
    public static readonly string Queue = $"https://sqs.ap-southeast-2.amazonaws.com/111122223333/{QueueName}";
    private const string QueueName = "report-requests";
}
