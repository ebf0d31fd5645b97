using Amazon.S3;
using Chalice.Tests;

namespace Chalice.Local.Tests.S3;

/// <summary>
/// Runs one scenario through the real AWSSDK.S3 client against moto's S3 and against a fresh stand-in (both with no
/// bucket until the scenario creates one) and requires identical transcripts.
/// </summary>
internal static class S3Differential
{
    public static async Task<string> AssertSameAsync(MotoServer moto, Func<IAmazonS3, S3Transcript, Task> scenario,
        Action<AmazonS3Config>? configure = null)
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        var expected = await RunAsync(moto.Endpoint, scenario, configure);

        await using var standIn = await S3StandInSession.StartAsync();
        var actual = await RunAsync(standIn.Endpoint, scenario, configure);

        TestContext.Current.TestOutputHelper?.WriteLine(actual);
        if (expected != actual)
            TestContext.Current.TestOutputHelper?.WriteLine("--- moto answered:\n" + expected);
        Assert.Equal(expected, actual);
        return actual;
    }

    private static async Task<string> RunAsync(Uri endpoint, Func<IAmazonS3, S3Transcript, Task> scenario, Action<AmazonS3Config>? configure)
    {
        using var s3 = S3TestClients.For(endpoint, configure);
        var transcript = new S3Transcript();
        await scenario(s3, transcript);
        return transcript.ToString();
    }
}
