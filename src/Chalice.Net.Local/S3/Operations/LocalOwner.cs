using System.Xml.Linq;
using Chalice.Local.S3.Protocol;

namespace Chalice.Local.S3.Operations;

/// <summary>The single account that owns everything in the stand-in, as listings show it.</summary>
internal static class LocalOwner
{
    public const string Id = "6368616c6963652d6c6f63616c2d73332d7374616e642d696e2d6f776e657221";
    public const string DisplayName = "chalice-local";

    public static XElement Element() =>
        S3Xml.Element("Owner", S3Xml.Element("ID", Id), S3Xml.Element("DisplayName", DisplayName));
}
