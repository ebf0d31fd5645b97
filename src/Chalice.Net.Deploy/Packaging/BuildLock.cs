namespace Chalice.Deploy.Packaging;

/// <summary>
/// A lock file that lets one process at a time build into an artifacts folder: two deploys (or test runs) packaging
/// the same app for the same runtime would otherwise publish into the same folder at once and break each other's build.
/// The second one waits, then finds an incremental build.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <summary>Waits until the lock at <paramref name="path"/> is free and takes it.</summary>
    public static async Task<BuildLock> AcquireAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var announced = false;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix, a sharing lock on Windows.
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                if (!announced)
                    progress?.Report($"Waiting for another build of the same package to finish ({path})");
                announced = true;
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
