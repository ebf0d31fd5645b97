namespace Chalice.Configuration;

/// <summary>The app's <c>.chalice/config.json</c> is malformed; the message names the file and the setting.</summary>
public sealed class ChaliceConfigException(string message) : Exception(message);
