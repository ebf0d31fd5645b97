using Chalice.Gateway.Authorization;
using Chalice.Project.LocalTokens;

namespace Chalice.Local.Tests.Authorization;

/// <summary>The key the emulator and chalice-net token share: made once per app, kept private, never silently replaced.</summary>
public sealed class LocalSigningKeyTests
{
    [Fact]
    public void The_first_use_makes_the_key_and_later_uses_read_the_same_one()
    {
        var folder = EmulatorHarness.AppFolder("{}");

        using var first = LocalSigningKey.ForApp(folder);
        using var second = LocalSigningKey.ForApp(folder);

        Assert.Equal(first.KeyId, second.KeyId);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, LocalSigningKey.RelativePath)));
    }

    [Fact]
    public void A_file_that_holds_no_key_is_one_clear_error_and_is_left_alone()
    {
        var folder = EmulatorHarness.AppFolder("{}");
        var path = Path.Combine(folder, LocalSigningKey.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not a key");

        var error = Assert.Throws<IOException>(() => LocalSigningKey.ForApp(folder));

        Assert.StartsWith(path + " holds no RSA private key", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a key", File.ReadAllText(path));
    }
}
