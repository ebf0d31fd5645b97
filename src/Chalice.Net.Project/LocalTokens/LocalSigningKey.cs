using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Chalice.Project.LocalTokens;

/// <summary>
/// The RSA key with which the local gateway stands in for the Cognito user pools and JWT issuers an app declares: it
/// signs the tokens <c>chalice-net token</c> prints and verifies those the gateway receives. The emulator and the CLI
/// share one key per app, kept in <c>.chalice/local/token-signing-key.pem</c> (created on first use, readable by its
/// owner only, and ignored by git like the rest of <c>.chalice/local/</c>); the test client uses a key of its own.
/// </summary>
internal sealed class LocalSigningKey : IDisposable
{
    /// <summary>The key's file under an app's folder.</summary>
    public static readonly string RelativePath = Path.Combine(".chalice", "local", "token-signing-key.pem");

    private LocalSigningKey(RSA key)
    {
        Key = key;
        // The key id a JWKS would list it under: a digest of the public key, so that a token signed by another key
        // (another app's, an old one) is told apart before its signature is checked.
        var digest = SHA256.HashData(key.ExportSubjectPublicKeyInfo());
        KeyId = Base64Url.EncodeToString(digest.AsSpan(0, 12));
    }

    public RSA Key { get; }

    /// <summary>The <c>kid</c> of the tokens it signs.</summary>
    public string KeyId { get; }

    /// <summary>A new key in memory (the test client's).</summary>
    public static LocalSigningKey Create() => new(RSA.Create(2048));

    /// <summary>The key of the app in <paramref name="appDirectory"/>, created there on first use.</summary>
    /// <exception cref="IOException">The file cannot be read or written, or holds no RSA key.</exception>
    public static LocalSigningKey ForApp(string appDirectory)
    {
        var path = Path.Combine(appDirectory, RelativePath);
        if (!File.Exists(path))
            CreateFile(path);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path, Encoding.ASCII));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new IOException($"{path} holds no RSA private key ({e.Message}); delete it and a new one is made (tokens printed before stop working).", e);
        }
        return new LocalSigningKey(rsa);
    }

    private static void CreateFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream, Encoding.ASCII))
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        try
        {
            // The emulator and the CLI may both make the first key at once: the first one moved in wins, and the
            // other reads it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    public void Dispose() => Key.Dispose();
}
