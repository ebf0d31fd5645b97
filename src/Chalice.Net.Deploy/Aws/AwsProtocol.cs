namespace Chalice.Deploy.Aws;

/// <summary>The wire protocols of the services Chalice.Net calls (the <c>metadata.protocol</c> of their models).</summary>
internal enum AwsProtocol
{
    /// <summary>Form-encoded <c>Action=…&amp;Version=…</c> POSTs with XML responses (IAM, STS).</summary>
    Query,

    /// <summary>REST routes with JSON bodies (Lambda, API Gateway).</summary>
    RestJson,
}
