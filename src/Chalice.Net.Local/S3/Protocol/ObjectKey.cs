using System.Text;

namespace Chalice.Local.S3.Protocol;

/// <summary>
/// The keys the stand-in accepts. Keys never become file paths (the store names files by a hash of the key), but keys
/// shaped like paths that climb out of a folder are refused anyway: such a key is almost always a bug in the app, and
/// refusing it here keeps every object addressable the same way on every operating system.
/// </summary>
internal static class ObjectKey
{
    /// <summary>S3's limit on a key's UTF-8 length.</summary>
    public const int MaxUtf8Length = 1024;

    /// <summary>Throws an <see cref="S3ErrorException"/> describing why <paramref name="key"/> is refused.</summary>
    public static void Validate(string key)
    {
        if (Encoding.UTF8.GetByteCount(key) > MaxUtf8Length)
            throw S3ErrorException.KeyTooLong(key);
        if (EscapeReason(key) is { } reason)
        {
            throw S3ErrorException.InvalidArgument(
                $"The object key is refused by the local S3 stand-in: {reason}. Keys that look like paths escaping a folder could address files outside its data directory.",
                "key", key);
        }
    }

    private static string? EscapeReason(string key)
    {
        if (key.Contains('\0'))
            return "it contains a NUL character";
        if (key[0] is '/' or '\\')
            return "it starts with a path separator (an absolute path)";
        if (key.Length >= 2 && char.IsAsciiLetter(key[0]) && key[1] == ':')
            return "it starts with a drive letter (an absolute path)";
        foreach (var segment in key.Split('/', '\\'))
        {
            if (segment == "..")
                return "it contains a '..' path segment";
        }
        return null;
    }
}
