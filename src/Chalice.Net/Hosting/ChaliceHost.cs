using System.ComponentModel;
using Chalice.Lambda;

namespace Chalice.Hosting;

/// <summary>Starts a local host (the emulator) for an app; supplied by Chalice.Net.Local.</summary>
public delegate Task<int> LocalHostRunner(ChaliceAppDefinition definition, string[] args);

/// <summary>The generated <c>Main</c>: Lambda when <c>AWS_LAMBDA_RUNTIME_API</c> is set, else the local emulator.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChaliceHost
{
    /// <summary>Runs the app and returns the process exit code.</summary>
    public static Task<int> RunAsync<TApp>(string[] args, LocalHostRunner? localHost) where TApp : IChaliceApp
    {
        if (Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } runtimeApi)
            return LambdaRuntime.RunAsync(TApp.Definition, runtimeApi);
        if (localHost is not null)
            return localHost(TApp.Definition, args);

        Console.Error.WriteLine(
            $"'{TApp.Definition.Name}' was built for AWS Lambda (without Chalice.Net.Local) and AWS_LAMBDA_RUNTIME_API is not set. " +
            "Run it on Lambda, or build it with the local emulator to serve it locally.");
        return Task.FromResult(2);
    }
}
