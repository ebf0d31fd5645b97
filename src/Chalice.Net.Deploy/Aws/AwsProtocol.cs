namespace Chalice.Deploy.Aws;

/// <summary>The wire protocols of the services Chalice.Net calls (the <c>metadata.protocol</c> of their models).</summary>
internal enum AwsProtocol
{
    /// <summary>Form-encoded <c>Action=…&amp;Version=…</c> POSTs with XML responses (IAM, STS, SNS).</summary>
    Query,

    /// <summary>REST routes with JSON bodies (Lambda, API Gateway).</summary>
    RestJson,

    /// <summary>
    /// JSON RPC: every operation a POST to <c>/</c> naming itself in <c>X-Amz-Target</c>, with a JSON body of the
    /// operation's input (EventBridge, CloudWatch Logs, SQS).
    /// </summary>
    Json,

    /// <summary>REST routes with XML bodies (S3).</summary>
    RestXml,
}
