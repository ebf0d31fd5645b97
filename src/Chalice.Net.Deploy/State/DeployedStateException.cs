namespace Chalice.Deploy.State;

/// <summary>A state file cannot be read; the message names it and says what to do.</summary>
internal sealed class DeployedStateException(string message) : Exception(message);
