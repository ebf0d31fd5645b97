namespace Chalice.Functions;

/// <summary>What invokes a function of the app, besides the API (whose routes are the <c>api_handler</c> function).</summary>
public enum FunctionKind
{
    /// <summary><c>[LambdaFunction]</c>: invoked directly with any JSON (Chalice's <c>lambda_function</c>, middleware kind <c>pure_lambda</c>).</summary>
    Pure,

    /// <summary><c>[Schedule]</c>: an EventBridge schedule (Chalice's <c>schedule</c>, middleware kind <c>scheduled</c>).</summary>
    Schedule,

    /// <summary><c>[OnS3Event]</c>: a bucket notification (Chalice's <c>on_s3_event</c>).</summary>
    S3,

    /// <summary><c>[OnSqsMessage]</c>: an SQS event source mapping (Chalice's <c>on_sqs_message</c>).</summary>
    Sqs,

    /// <summary><c>[OnSnsMessage]</c>: an SNS subscription (Chalice's <c>on_sns_message</c>).</summary>
    Sns,

    /// <summary><c>[OnCloudWatchEvent]</c>: an EventBridge rule with an event pattern (Chalice's <c>on_cw_event</c>, middleware kind <c>cloudwatch</c>).</summary>
    CloudWatch,

    /// <summary><c>[OnKinesisRecord]</c>: a Kinesis event source mapping (Chalice's <c>on_kinesis_record</c>).</summary>
    Kinesis,

    /// <summary><c>[OnDynamoDBRecord]</c>: a DynamoDB stream event source mapping (Chalice's <c>on_dynamodb_record</c>).</summary>
    DynamoDB,

    /// <summary><c>[Authorizer]</c>: a Lambda authorizer API Gateway calls before the routes that name it (Chalice's <c>authorizer</c>).</summary>
    Authorizer,
}
