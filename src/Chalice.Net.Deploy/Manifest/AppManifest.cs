// The app manifest's schema, compiled into both Chalice.Net.Generators (which writes the manifest into the app's
// assembly) and Chalice.Net.Deploy (which reads it), so that the two cannot disagree. JSON names are the camelCase
// property names; a function's kind is its record type. Keep this file to data, in C# that netstandard2.0 accepts.
using System.Collections.Generic;

namespace Chalice.Deploy.Manifest;

/// <summary>
/// What the source generator recorded about an app (name, functions, routes with their options), read from the
/// compiled assembly's metadata without loading it.
/// </summary>
internal sealed partial record AppManifest(string Name, IReadOnlyList<FunctionManifest> Functions, IReadOnlyList<RouteManifest> Routes)
{
    /// <summary>
    /// The schema this build writes and reads; raised on any change an older reader would misread (2: event handlers and
    /// pure functions, which a reader of 1 would not deploy; 3: the app's binary media types, which a reader of 2 would
    /// leave out of the deployed API; 4: authorizers answering with simple responses, which a reader of 3 would deploy
    /// expecting IAM policies).
    /// </summary>
    public const int CurrentSchemaVersion = 4;

    /// <summary>The schema the manifest was written in.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// The authorizers declared on the app class and its blueprints that are not functions of the app (none when a
    /// manifest written before them has no such list).
    /// </summary>
    public IReadOnlyList<ApiAuthorizerManifest> Authorizers { get; init; } = System.Array.Empty<ApiAuthorizerManifest>();

    /// <summary>
    /// The media types the app adds to Chalice's default binary media types (<c>[ChaliceApp(BinaryMediaTypes = ...)]</c>);
    /// the deployer combines them with the defaults (<c>Chalice.BinaryMediaTypes.With</c>).
    /// </summary>
    public IReadOnlyList<string> BinaryMediaTypes { get; init; } = new string[0];
}

/// <summary>
/// A Lambda function of the app. Each kind is a record deriving from this one; adding a kind is one record here, its
/// <c>[JsonDerivedType]</c> line on the reading side (ManifestJson.cs) and its case in the generator's writer.
/// </summary>
internal abstract partial record FunctionManifest(string Name)
{
    /// <summary>The JSON property that names the kind; written first.</summary>
    public const string KindProperty = "kind";
}

/// <summary>The <c>kind</c> of each function record: Chalice's names for the kinds of event a middleware can wrap.</summary>
internal static class FunctionKinds
{
    /// <summary><see cref="ApiFunctionManifest"/>.</summary>
    public const string Api = "api";

    /// <summary><see cref="PureFunctionManifest"/>.</summary>
    public const string Pure = "pure_lambda";

    /// <summary><see cref="ScheduleFunctionManifest"/>.</summary>
    public const string Schedule = "scheduled";

    /// <summary><see cref="S3FunctionManifest"/>.</summary>
    public const string S3 = "s3";

    /// <summary><see cref="SqsFunctionManifest"/>.</summary>
    public const string Sqs = "sqs";

    /// <summary><see cref="SnsFunctionManifest"/>.</summary>
    public const string Sns = "sns";

    /// <summary><see cref="CloudWatchEventFunctionManifest"/>.</summary>
    public const string CloudWatch = "cloudwatch";

    /// <summary><see cref="KinesisFunctionManifest"/>.</summary>
    public const string Kinesis = "kinesis";

    /// <summary><see cref="DynamoDBFunctionManifest"/>.</summary>
    public const string DynamoDB = "dynamodb";

    /// <summary><see cref="AuthorizerFunctionManifest"/>.</summary>
    public const string Authorizer = "authorizer";
}

/// <summary>The function behind API Gateway that serves every route (Chalice's <c>api_handler</c>).</summary>
internal sealed record ApiFunctionManifest(string Name) : FunctionManifest(Name)
{
    /// <summary>Chalice's name for it.</summary>
    public const string DefaultName = "api_handler";
}

// The functions besides the API. Name is the function's name (its Lambda function is {app}-{stage}-{name}, and its key
// under lambda_functions in the config); Handler is the method, which the Lambda function runs (its handler setting, or
// CHALICE_FUNCTION on the managed runtime: see Chalice.Lambda.LambdaFunctionSelector).

/// <summary>A <c>[LambdaFunction]</c>: invoked directly, no event source.</summary>
internal sealed record PureFunctionManifest(string Name, string Handler) : FunctionManifest(Name);

/// <summary>A <c>[Schedule]</c>: an EventBridge rule with a schedule expression.</summary>
internal sealed record ScheduleFunctionManifest(string Name, string Handler, string Expression, string? Description) : FunctionManifest(Name);

/// <summary>An <c>[OnS3Event]</c>: an entry in the bucket's notification configuration.</summary>
internal sealed record S3FunctionManifest(string Name, string Handler, string Bucket, IReadOnlyList<string> Events, string? Prefix, string? Suffix)
    : FunctionManifest(Name);

/// <summary>
/// An <c>[OnSqsMessage]</c>: an event source mapping on the queue (by name, or by ARN); <c>ReportsBatchItemFailures</c>
/// when the handler returns a <c>BatchResponse</c>, so the mapping needs <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>.
/// </summary>
internal sealed record SqsFunctionManifest(
    string Name, string Handler, string? Queue, string? QueueArn, int BatchSize, int MaximumBatchingWindowInSeconds, int? MaximumConcurrency,
    bool ReportsBatchItemFailures) : FunctionManifest(Name);

/// <summary>An <c>[OnSnsMessage]</c>: a <c>lambda</c> subscription to the topic (by name, or by ARN).</summary>
internal sealed record SnsFunctionManifest(string Name, string Handler, string Topic) : FunctionManifest(Name);

/// <summary>An <c>[OnCloudWatchEvent]</c>: an EventBridge rule with the event pattern (its JSON as written).</summary>
internal sealed record CloudWatchEventFunctionManifest(string Name, string Handler, string EventPattern) : FunctionManifest(Name);

/// <summary>An <c>[OnKinesisRecord]</c>: an event source mapping on the stream; <c>StartingPosition</c> is Lambda's (<c>LATEST</c>, <c>TRIM_HORIZON</c>).</summary>
internal sealed record KinesisFunctionManifest(
    string Name, string Handler, string Stream, int BatchSize, string StartingPosition, int MaximumBatchingWindowInSeconds,
    bool ReportsBatchItemFailures) : FunctionManifest(Name);

/// <summary>An <c>[OnDynamoDBRecord]</c>: an event source mapping on the table's stream; <c>StartingPosition</c> is Lambda's.</summary>
internal sealed record DynamoDBFunctionManifest(
    string Name, string Handler, string StreamArn, int BatchSize, string StartingPosition, int MaximumBatchingWindowInSeconds,
    bool ReportsBatchItemFailures) : FunctionManifest(Name);

/// <summary>
/// An <c>[Authorizer]</c>: a Lambda authorizer of the REST API (an <c>x-amazon-apigateway-authorizer</c> of type
/// <c>token</c> or <c>request</c>) that API Gateway may invoke. <c>Type</c> is <c>TOKEN</c> or <c>REQUEST</c>;
/// <c>IdentitySources</c> are in API Gateway's syntax (<c>method.request.header.Authorization</c>); <c>TtlSeconds</c> is
/// its <c>authorizerResultTtlInSeconds</c>. <c>SimpleResponses</c>: it answers with HTTP APIs' simple responses
/// (<c>EnableSimpleResponses</c>) instead of an IAM policy.
/// </summary>
internal sealed record AuthorizerFunctionManifest(
    string Name, string Handler, string Type, IReadOnlyList<string> IdentitySources, int TtlSeconds, bool SimpleResponses = false)
    : FunctionManifest(Name);

/// <summary>
/// An authorizer of the API declared by an attribute, not a function of the app. Each kind is a record deriving from this
/// one, named in JSON by <see cref="AuthorizerKinds"/>; adding a kind is one record here, its <c>[JsonDerivedType]</c>
/// line (ManifestJson.cs) and its case in the generator's writer.
/// </summary>
internal abstract partial record ApiAuthorizerManifest(string Name)
{
    /// <summary>The JSON property that names the kind; written first.</summary>
    public const string KindProperty = "kind";
}

/// <summary>The <c>kind</c> of each authorizer record: API Gateway's names for them in OpenAPI and its APIs.</summary>
internal static class AuthorizerKinds
{
    /// <summary><see cref="CognitoUserPoolAuthorizerManifest"/>.</summary>
    public const string CognitoUserPools = "cognito_user_pools";

    /// <summary><see cref="IamAuthorizerManifest"/>.</summary>
    public const string Iam = "aws_iam";

    /// <summary><see cref="CustomAuthorizerManifest"/>.</summary>
    public const string Custom = "custom";

    /// <summary><see cref="JwtAuthorizerManifest"/>.</summary>
    public const string Jwt = "jwt";
}

/// <summary><c>[CognitoUserPoolAuthorizer]</c>: a <c>COGNITO_USER_POOLS</c> authorizer of the REST API; <c>Header</c> carries the token.</summary>
internal sealed record CognitoUserPoolAuthorizerManifest(string Name, IReadOnlyList<string> ProviderArns, string Header) : ApiAuthorizerManifest(Name);

/// <summary><c>[IamAuthorizer]</c>: the routes that name it use <c>AWS_IAM</c> authorization.</summary>
internal sealed record IamAuthorizerManifest(string Name) : ApiAuthorizerManifest(Name);

/// <summary>
/// <c>[CustomAuthorizer]</c>: a Lambda authorizer that is an existing function. <c>AuthorizerUri</c> is as declared, a
/// function ARN or API Gateway's invocation URI; the rest as in <see cref="AuthorizerFunctionManifest"/>.
/// </summary>
internal sealed record CustomAuthorizerManifest(string Name, string AuthorizerUri, string Type, IReadOnlyList<string> IdentitySources, int TtlSeconds)
    : ApiAuthorizerManifest(Name);

/// <summary><c>[JwtAuthorizer]</c>: a JWT authorizer of the HTTP API.</summary>
internal sealed record JwtAuthorizerManifest(string Name, string Issuer, IReadOnlyList<string> Audiences, string Header) : ApiAuthorizerManifest(Name);

/// <summary>One route with Chalice's options.</summary>
internal sealed record RouteManifest(
    string Path,
    IReadOnlyList<string> Methods,
    string Handler,
    string Name,
    IReadOnlyList<string> ContentTypes,
    CorsManifest? Cors,
    bool ApiKeyRequired,
    string? Authorizer);

/// <summary>A route's CORS settings.</summary>
internal sealed record CorsManifest(
    string AllowOrigin,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    int? MaxAge,
    bool AllowCredentials);
