namespace Chalice.Policy.Loading;

/// <summary>
/// The app's project could not be loaded: it does not exist, does not restore or does not evaluate. The message is
/// one line meant for the user, naming the project and MSBuild's first error.
/// </summary>
public sealed class ProjectLoadException(string message) : Exception(message);
