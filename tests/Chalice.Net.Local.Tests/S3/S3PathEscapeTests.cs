using System.Text;

namespace Chalice.Local.Tests.S3;

/// <summary>Requests whose key or bucket tries to leave the data folder are refused, and nothing is written anywhere.</summary>
public sealed class S3PathEscapeTests : IAsyncLifetime
{
    private static readonly string s_marker = $"escape-{Guid.NewGuid():N}.txt";
    private S3StandInSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await S3StandInSession.StartAsync("victim-bucket");

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    public static TheoryData<string, string> EscapingTargets => new()
    {
        { $"/victim-bucket/../{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/a/../../../{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/a/../../../../../../../../tmp/{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/%2e%2e/%2E%2E/{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/..%2F..%2F{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/..%5C..%5C{s_marker}", "InvalidArgument" },
        { $"/victim-bucket//tmp/{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/%2Ftmp%2F{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/%5Ctmp%5C{s_marker}", "InvalidArgument" },
        { $"/victim-bucket/C:%5Ctmp%5C{s_marker}", "InvalidArgument" },
        { $"/../{s_marker}", "InvalidBucketName" },
        { $"/%2e%2e/{s_marker}", "InvalidBucketName" },
        { $"/%2e%2e%2F%2e%2e/{s_marker}", "InvalidBucketName" },
    };

    [Theory]
    [MemberData(nameof(EscapingTargets))]
    public async Task A_put_that_tries_to_escape_is_refused_with_400_and_writes_nothing(string target, string expectedCode)
    {
        var response = await RawHttp.SendAsync(_session.Endpoint, "PUT", target, body: Encoding.ASCII.GetBytes("owned"));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains($"<Code>{expectedCode}</Code>", response.Body, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Theory]
    [MemberData(nameof(EscapingTargets))]
    public async Task A_get_that_tries_to_escape_is_refused_with_400(string target, string expectedCode)
    {
        var response = await RawHttp.SendAsync(_session.Endpoint, "GET", target);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains($"<Code>{expectedCode}</Code>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_the_target_is_refused_with_400_and_writes_nothing()
    {
        // Kestrel itself refuses an encoded NUL in the path before any handler runs; ObjectKeyTests covers the
        // stand-in's own check, which applies when the handler is mounted in a more permissive server.
        var response = await RawHttp.SendAsync(_session.Endpoint, "PUT", $"/victim-bucket/nul%00{s_marker}", body: Encoding.ASCII.GetBytes("owned"));

        Assert.Equal(400, response.StatusCode);
        AssertNothingWritten();
    }

    [Fact]
    public async Task A_refused_key_is_explained_in_the_error_message()
    {
        var response = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/victim-bucket/a/../b", body: [1]);

        Assert.Contains("contains a '..' path segment", response.Body, StringComparison.Ordinal);
        Assert.Contains("<ArgumentValue>a/../b</ArgumentValue>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_with_dots_that_do_not_climb_are_ordinary_keys()
    {
        var put = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/victim-bucket/a/./b..c/...", body: Encoding.ASCII.GetBytes("fine"));
        var get = await RawHttp.SendAsync(_session.Endpoint, "GET", "/victim-bucket/a/./b..c/...");

        Assert.Equal(200, put.StatusCode);
        Assert.Equal("fine", get.Body);
    }

    private void AssertNothingWritten()
    {
        // The only files the stand-in may have made are its own; none carries the marker or the body.
        var everything = Directory.EnumerateFiles(_session.ParentDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.DoesNotContain(everything, f => f.Contains(s_marker, StringComparison.Ordinal));
        Assert.All(everything, f => Assert.NotEqual("owned", File.ReadAllText(f)));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), s_marker)));
        Assert.False(File.Exists(Path.Combine("/tmp", s_marker)));
        Assert.DoesNotContain(Directory.EnumerateFiles(_session.DataDirectory, "*", SearchOption.AllDirectories),
            f => Path.GetDirectoryName(f)!.EndsWith("objects", StringComparison.Ordinal));
    }
}
