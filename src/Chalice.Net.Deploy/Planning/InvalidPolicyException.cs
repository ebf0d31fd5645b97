namespace Chalice.Deploy.Planning;

/// <summary>The IAM policy to deploy is malformed; the message says how.</summary>
internal sealed class InvalidPolicyException(string message) : Exception(message);
