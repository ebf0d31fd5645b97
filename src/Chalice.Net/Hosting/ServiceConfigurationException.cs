namespace Chalice.Hosting;

/// <summary>
/// The app's services cannot be built as <c>ConfigureServices</c> registers them: a service the app's constructor or a
/// registered service needs is missing, or a lifetime is wrong. The message is one line naming the service and the fix,
/// for the developer to read at start-up (emulator, test client, or Lambda's init error), not a stack trace.
/// </summary>
public sealed class ServiceConfigurationException(string message) : InvalidOperationException(message);
