using System.Globalization;

namespace Chalice.Local.S3;

/// <summary>
/// The <c>sequencer</c> of S3's notifications: "a string representation of a hexadecimal value used to determine event
/// sequence" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html), greater for
/// each later change. Here the clock's ticks, bumped when two changes share a tick, as 18 upper-case hex digits (the
/// length S3's own have, e.g. <c>0055AED6DCD90281E5</c> in that page's examples).
/// </summary>
internal sealed class ChangeSequencer
{
    private long _last;

    public string Next() => NextValue().ToString("X18", CultureInfo.InvariantCulture);

    /// <summary>The next value: the clock's ticks, or one more than the last value when the clock has not moved on.</summary>
    public long NextValue()
    {
        long next;
        long last;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(last + 1, DateTime.UtcNow.Ticks);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);
        return next;
    }
}
