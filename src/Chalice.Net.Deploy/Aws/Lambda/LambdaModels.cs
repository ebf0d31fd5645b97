using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.Lambda;

// Lambda's wire types, named and shaped as in the Lambda API (and the AWS SDK), so the JSON member names are the
// property names. Members bound to the URI are [JsonIgnore]d: the client puts them in the path or query string.

/// <summary>A function's configuration (<c>FunctionConfiguration</c>).</summary>
internal sealed record LambdaFunctionConfiguration
{
    /// <summary>The function name.</summary>
    public string FunctionName { get; init; } = "";

    /// <summary>The function ARN.</summary>
    public string? FunctionArn { get; init; }

    /// <summary>The runtime, e.g. <c>dotnet10</c> or <c>provided.al2023</c>.</summary>
    public string? Runtime { get; init; }

    /// <summary>The execution role ARN.</summary>
    public string? Role { get; init; }

    /// <summary>The handler.</summary>
    public string? Handler { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Timeout in seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary>Memory in MB.</summary>
    public int? MemorySize { get; init; }

    /// <summary>Size of the deployment package in bytes.</summary>
    public long CodeSize { get; init; }

    /// <summary>Base64 SHA-256 of the deployment package: compare it to skip unchanged code uploads.</summary>
    public string? CodeSha256 { get; init; }

    /// <summary>When the function was last modified (ISO 8601 as Lambda writes it).</summary>
    public string? LastModified { get; init; }

    /// <summary>The version (<c>$LATEST</c> for the unpublished one).</summary>
    public string? Version { get; init; }

    /// <summary>The revision id, for optimistic concurrency.</summary>
    public string? RevisionId { get; init; }

    /// <summary><c>Zip</c> or <c>Image</c>.</summary>
    public string? PackageType { get; init; }

    /// <summary>Environment variables.</summary>
    public LambdaEnvironment? Environment { get; init; }

    /// <summary>Instruction set architectures (<c>x86_64</c>, <c>arm64</c>).</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary><c>Pending</c>, <c>Active</c>, <c>Inactive</c> or <c>Failed</c>.</summary>
    public string? State { get; init; }

    /// <summary>Why the function is in its state.</summary>
    public string? StateReason { get; init; }

    /// <summary>A code for <see cref="StateReason"/>.</summary>
    public string? StateReasonCode { get; init; }

    /// <summary><c>InProgress</c>, <c>Successful</c> or <c>Failed</c> for the last update.</summary>
    public string? LastUpdateStatus { get; init; }

    /// <summary>Why the last update is in its status.</summary>
    public string? LastUpdateStatusReason { get; init; }

    /// <summary>A code for <see cref="LastUpdateStatusReason"/>.</summary>
    public string? LastUpdateStatusReasonCode { get; init; }

    /// <summary>The VPC the function is attached to (empty lists when none).</summary>
    public LambdaVpcConfig? VpcConfig { get; init; }

    /// <summary>The function's layers.</summary>
    public IReadOnlyList<LambdaLayer>? Layers { get; init; }

    /// <summary>X-Ray tracing: <c>Active</c> or <c>PassThrough</c>.</summary>
    public LambdaTracingConfig? TracingConfig { get; init; }

    /// <summary>The size of <c>/tmp</c>.</summary>
    public LambdaEphemeralStorage? EphemeralStorage { get; init; }
}

/// <summary>A function's VPC attachment (<c>VpcConfig</c> in, <c>VpcConfigResponse</c> out).</summary>
internal sealed record LambdaVpcConfig
{
    /// <summary>The subnets.</summary>
    public IReadOnlyList<string>? SubnetIds { get; init; }

    /// <summary>The security groups.</summary>
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    /// <summary>The VPC (answers only).</summary>
    public string? VpcId { get; init; }
}

/// <summary>A layer of a function, as <c>GetFunction</c> answers it.</summary>
internal sealed record LambdaLayer
{
    /// <summary>The layer version's ARN.</summary>
    public string? Arn { get; init; }

    /// <summary>The layer's size in bytes.</summary>
    public long? CodeSize { get; init; }
}

/// <summary>A function's X-Ray tracing mode.</summary>
internal sealed record LambdaTracingConfig
{
    /// <summary><c>Active</c> or <c>PassThrough</c>.</summary>
    public string? Mode { get; init; }
}

/// <summary>A function's <c>/tmp</c> size.</summary>
internal sealed record LambdaEphemeralStorage
{
    /// <summary>In MB, 512 to 10240.</summary>
    public int Size { get; init; }
}

/// <summary>A function's environment variables.</summary>
internal sealed record LambdaEnvironment
{
    /// <summary>The variables.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary>The deployment package of a new function.</summary>
internal sealed record LambdaFunctionCode
{
    /// <summary>The zip file's bytes (sent base64-encoded).</summary>
    public byte[]? ZipFile { get; init; }

    /// <summary>An S3 bucket holding the package, instead of <see cref="ZipFile"/>.</summary>
    public string? S3Bucket { get; init; }

    /// <summary>The package's key in <see cref="S3Bucket"/>.</summary>
    public string? S3Key { get; init; }
}

/// <summary>Where a function's package can be downloaded.</summary>
internal sealed record LambdaCodeLocation
{
    /// <summary>The repository type (<c>S3</c>).</summary>
    public string? RepositoryType { get; init; }

    /// <summary>A presigned download URL.</summary>
    public string? Location { get; init; }
}

/// <summary>A function's reserved concurrency.</summary>
internal sealed record LambdaConcurrency
{
    /// <summary>The reserved concurrent executions, or null when none is reserved.</summary>
    public int? ReservedConcurrentExecutions { get; init; }
}

/// <summary>What <c>GetFunction</c> returns: configuration, code location, tags and reserved concurrency.</summary>
internal sealed record LambdaFunction
{
    /// <summary>The configuration, including <see cref="LambdaFunctionConfiguration.CodeSha256"/>.</summary>
    public LambdaFunctionConfiguration Configuration { get; init; } = new();

    /// <summary>Where the package can be downloaded.</summary>
    public LambdaCodeLocation? Code { get; init; }

    /// <summary>The function's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The reserved concurrency, if any.</summary>
    public LambdaConcurrency? Concurrency { get; init; }
}

/// <summary>The input of <c>CreateFunction</c>.</summary>
internal sealed record CreateFunctionRequest
{
    /// <summary>The function name.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The execution role ARN.</summary>
    public required string Role { get; init; }

    /// <summary>The deployment package.</summary>
    public required LambdaFunctionCode Code { get; init; }

    /// <summary>The runtime.</summary>
    public string? Runtime { get; init; }

    /// <summary>The handler.</summary>
    public string? Handler { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Timeout in seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary>Memory in MB.</summary>
    public int? MemorySize { get; init; }

    /// <summary>Environment variables.</summary>
    public LambdaEnvironment? Environment { get; init; }

    /// <summary>Tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>One architecture: <c>x86_64</c> or <c>arm64</c>.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary>The VPC to attach to; empty lists detach the function.</summary>
    public LambdaVpcConfig? VpcConfig { get; init; }

    /// <summary>The layer version ARNs, in order (replaces all of them).</summary>
    public IReadOnlyList<string>? Layers { get; init; }

    /// <summary>X-Ray tracing.</summary>
    public LambdaTracingConfig? TracingConfig { get; init; }

    /// <summary>The size of <c>/tmp</c>.</summary>
    public LambdaEphemeralStorage? EphemeralStorage { get; init; }
}

/// <summary>The input of <c>UpdateFunctionCode</c>.</summary>
internal sealed record UpdateFunctionCodeRequest
{
    /// <summary>The function name (in the URI).</summary>
    [JsonIgnore]
    public string FunctionName { get; init; } = "";

    /// <summary>The new zip file's bytes.</summary>
    public byte[]? ZipFile { get; init; }

    /// <summary>The architecture, when it changes with the code.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary>Only update when the function is still at this revision.</summary>
    public string? RevisionId { get; init; }
}

/// <summary>The input of <c>UpdateFunctionConfiguration</c>; null members are left unchanged.</summary>
internal sealed record UpdateFunctionConfigurationRequest
{
    /// <summary>The function name (in the URI).</summary>
    [JsonIgnore]
    public string FunctionName { get; init; } = "";

    /// <summary>The execution role ARN.</summary>
    public string? Role { get; init; }

    /// <summary>The handler.</summary>
    public string? Handler { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Timeout in seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary>Memory in MB.</summary>
    public int? MemorySize { get; init; }

    /// <summary>Environment variables (replaces all of them).</summary>
    public LambdaEnvironment? Environment { get; init; }

    /// <summary>The runtime.</summary>
    public string? Runtime { get; init; }

    /// <summary>The VPC to attach to; empty lists detach the function.</summary>
    public LambdaVpcConfig? VpcConfig { get; init; }

    /// <summary>The layer version ARNs, in order (replaces all of them).</summary>
    public IReadOnlyList<string>? Layers { get; init; }

    /// <summary>X-Ray tracing.</summary>
    public LambdaTracingConfig? TracingConfig { get; init; }

    /// <summary>The size of <c>/tmp</c>.</summary>
    public LambdaEphemeralStorage? EphemeralStorage { get; init; }

    /// <summary>Only update when the function is still at this revision.</summary>
    public string? RevisionId { get; init; }
}

/// <summary>The input of <c>AddPermission</c>: a statement of the function's resource-based policy.</summary>
internal sealed record AddPermissionRequest
{
    /// <summary>The function name (in the URI).</summary>
    [JsonIgnore]
    public string FunctionName { get; init; } = "";

    /// <summary>The statement id, unique within the function's policy.</summary>
    public string StatementId { get; init; } = "";

    /// <summary>The action, e.g. <c>lambda:InvokeFunction</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The principal, e.g. <c>apigateway.amazonaws.com</c>.</summary>
    public string Principal { get; init; } = "";

    /// <summary>The ARN of the resource allowed to invoke (e.g. the REST API's execute-api ARN pattern).</summary>
    public string? SourceArn { get; init; }

    /// <summary>The account that owns <see cref="SourceArn"/>.</summary>
    public string? SourceAccount { get; init; }

    /// <summary>A version or alias (in the query string).</summary>
    [JsonIgnore]
    public string? Qualifier { get; init; }
}

/// <summary>A function's resource-based policy.</summary>
/// <param name="Policy">The policy document (JSON).</param>
/// <param name="RevisionId">The function revision the policy belongs to.</param>
internal sealed record LambdaPolicy(string Policy, string? RevisionId)
{
    /// <summary>The policy's statements.</summary>
    public IReadOnlyList<LambdaPolicyStatement> Statements => LambdaPolicyStatement.ReadAll(Policy);
}
