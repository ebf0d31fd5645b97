namespace Chalice.Lambda;

/// <summary>What Lambda tells a function about the invocation it is serving.</summary>
public interface ILambdaContext
{
    /// <summary>The invocation's request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string AwsRequestId { get; }

    /// <summary>The ARN the caller invoked, possibly with a version or alias.</summary>
    string InvokedFunctionArn { get; }

    /// <summary>The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    string FunctionName { get; }

    /// <summary>The function's version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    string FunctionVersion { get; }

    /// <summary>The configured memory in MB.</summary>
    int MemoryLimitInMB { get; }

    /// <summary>The CloudWatch Logs group of the function.</summary>
    string LogGroupName { get; }

    /// <summary>The CloudWatch Logs stream of this execution environment.</summary>
    string LogStreamName { get; }

    /// <summary>When Lambda stops the invocation.</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/>.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>, also in <c>_X_AMZN_TRACE_ID</c>).</summary>
    string? TraceId { get; }

    /// <summary>The mobile client context JSON, when the caller sent one.</summary>
    string? ClientContext { get; }

    /// <summary>The Cognito identity JSON, when the caller sent one.</summary>
    string? CognitoIdentity { get; }
}
