namespace Chalice.Deploy.Planning;

/// <summary>The IAM policy to deploy is malformed; the message says how.</summary>
public sealed class InvalidPolicyException(string message) : Exception(message);
