namespace Chalice.Policy.Documents;

/// <summary>
/// An IAM policy is missing or is not a valid policy document: a user's policy file, or a policy about to be sent to
/// IAM (which does not always reject malformed ones, and moto never does). The message names the document and the fault.
/// </summary>
public sealed class InvalidPolicyException(string message) : Exception(message);
