namespace Chalice.Policy.Documents;

/// <summary>A policy file the user supplied is missing or is not a valid IAM policy document.</summary>
public sealed class PolicyFileException(string message) : Exception(message);
