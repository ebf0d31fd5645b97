using Chalice.Tests;

namespace Samples.S3Test.Tests;

internal static class SampleFolder
{
    /// <summary>A throw-away copy of the sample's <c>.chalice/</c>, so the stand-in's data stays out of the repository.</summary>
    public static string CopyConfig()
    {
        var folder = Directory.CreateTempSubdirectory("s3test-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, ".chalice"));
        File.Copy(RepoPaths.InRepo("samples", "S3Test", ".chalice", "config.json"), Path.Combine(folder, ".chalice", "config.json"));
        return folder;
    }
}
