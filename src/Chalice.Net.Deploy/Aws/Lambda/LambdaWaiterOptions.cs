namespace Chalice.Deploy.Aws.Lambda;

/// <summary>Polling schedule of <see cref="LambdaFunctionWaiter"/>: starts fast, backs off, gives up after a timeout.</summary>
internal sealed record LambdaWaiterOptions
{
    /// <summary>The first pause between polls; each further pause is 1.5 times longer.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between polls.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait in total before failing (Lambda's own waiters allow about 5 minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
