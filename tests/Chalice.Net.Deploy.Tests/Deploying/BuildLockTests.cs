using Chalice.Deploy.Packaging;

namespace Chalice.Deploy.Tests.Deploying;

public sealed class BuildLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chalice-lock-").FullName;

    [Fact]
    public async Task A_second_build_of_the_same_package_waits_for_the_first()
    {
        var path = Path.Combine(_directory, "aot-linux-x64.lock");
        var messages = new List<string>();
        var first = await BuildLock.AcquireAsync(path, null, TestContext.Current.CancellationToken);

        var second = BuildLock.AcquireAsync(path, new SynchronousProgress(messages), TestContext.Current.CancellationToken);
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);
        Assert.Single(messages);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    private sealed class SynchronousProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (messages)
                messages.Add(value);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
