using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chalice.Tests;

/// <summary>
/// A moto server (an AWS-compatible endpoint from the machine image) on a free loopback port, one per test class.
/// Use it through <c>IClassFixture&lt;MotoServer&gt;</c>. When moto is missing, tests fail under <c>CI=true</c> and
/// skip with the install command elsewhere.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;
    private string? _unavailable;

    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";

    /// <summary>Variables for moto's process: its own switches, e.g. <c>INITIAL_NO_AUTH_ACTION_COUNT=0</c> to check credentials like AWS.</summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment { get; init; } = new Dictionary<string, string>();

    public int Port { get; private set; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Call at the start of each test: fails or skips when moto could not be started.</summary>
    public void EnsureAvailable()
    {
        if (_unavailable is not null)
            throw SharedFixtures.Unavailable(_unavailable);
    }

    public async ValueTask InitializeAsync()
    {
        Port = FreePort.Next();
        var start = new ProcessStartInfo("python3", $"-m moto.server -H 127.0.0.1 -p {Port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in ProcessEnvironment)
            start.Environment[name] = value;
        try
        {
            _process = Process.Start(start)!;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _unavailable = $"python3 is not available ({e.Message}); install moto with: pip install 'moto[server]==5.2.1'";
            return;
        }
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _unavailable = $"moto exited with code {_process.ExitCode}; install it with: pip install 'moto[server]==5.2.1'";
                return;
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        _unavailable = "moto did not answer within 30 s";
    }

    /// <summary>Wipes every resource moto holds.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
