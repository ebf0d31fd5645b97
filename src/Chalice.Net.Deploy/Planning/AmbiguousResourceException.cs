namespace Chalice.Deploy.Planning;

/// <summary>Several resources could be the stage's; the deployer will not guess. The message lists them.</summary>
internal sealed class AmbiguousResourceException(string message) : Exception(message);
