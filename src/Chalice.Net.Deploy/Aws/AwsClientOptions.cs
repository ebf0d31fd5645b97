namespace Chalice.Deploy.Aws;

/// <summary>How the clients send requests: retries, observation, clock and the HTTP handler (tests inject these).</summary>
internal sealed record AwsClientOptions
{
    /// <summary>The innermost HTTP handler; null uses a <see cref="SocketsHttpHandler"/>. Not disposed by the clients.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Sees every attempt of every call.</summary>
    public IAwsCallObserver? Observer { get; init; }

    /// <summary>
    /// How long establishing a connection (TCP and TLS) may take before the attempt fails as a connection failure
    /// (<c>deploy --connection-timeout</c>, botocore's connect_timeout); null leaves it to <see cref="AwsRetryOptions.AttemptTimeout"/>.
    /// Applies to the clients' own handler, not to an injected <see cref="HttpHandler"/>.
    /// </summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>Retry budget and backoff.</summary>
    public AwsRetryOptions Retry { get; init; } = new();

    /// <summary>The clock for signing times and durations.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Waits between attempts and waiter polls; tests replace it to run instantly and record the delays.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = static (delay, token) => Task.Delay(delay, token);

    /// <summary>The jitter source; a seeded <see cref="System.Random"/> makes backoff reproducible.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "chalice-net/" + typeof(AwsClientOptions).Assembly.GetName().Version?.ToString(3);
}
