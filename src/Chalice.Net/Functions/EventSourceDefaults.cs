// This file is compiled into both Chalice.Net (whose attributes take these defaults) and Chalice.Net.Generators
// (netstandard2.0, which records them in the manifest when an attribute leaves a setting out), so that the two cannot
// disagree. Keep it to constants in C# that netstandard2.0 accepts.
namespace Chalice.Functions
{
    /// <summary>Chalice's defaults for the settings of each event source (chalice/app.py, <c>DecoratorAPI</c>).</summary>
    internal static class EventSourceDefaults
    {
        /// <summary><c>on_s3_event(events=None)</c> means <c>['s3:ObjectCreated:*']</c>.</summary>
        public const string S3Event = "s3:ObjectCreated:*";

        /// <summary><c>on_sqs_message(batch_size=1)</c>.</summary>
        public const int SqsBatchSize = 1;

        /// <summary><c>on_kinesis_record(batch_size=100)</c> and <c>on_dynamodb_record(batch_size=100)</c>.</summary>
        public const int StreamBatchSize = 100;

        /// <summary><c>maximum_batching_window_in_seconds=0</c> for SQS, Kinesis and DynamoDB.</summary>
        public const int MaximumBatchingWindowInSeconds = 0;

        /// <summary>No <c>maximum_concurrency</c>: Lambda's own scaling.</summary>
        public const int UnsetMaximumConcurrency = 0;

        /// <summary><c>authorizer(ttl_seconds=None)</c>: API Gateway's default cache time, 300 seconds.</summary>
        public const int AuthorizerTtlSeconds = 300;

        /// <summary>API Gateway's longest authorizer cache time (<c>authorizerResultTtlInSeconds</c>, at most 3600).</summary>
        public const int MaxAuthorizerTtlSeconds = 3600;

        /// <summary>API Gateway's type of an authorizer that receives one header's value.</summary>
        public const string AuthorizerTokenType = "TOKEN";

        /// <summary>API Gateway's type of an authorizer that receives the request.</summary>
        public const string AuthorizerRequestType = "REQUEST";

        /// <summary><c>authorizer(header='Authorization')</c>.</summary>
        public const string AuthorizerHeader = "Authorization";
    }
}
