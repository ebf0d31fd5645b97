using Chalice.Events;
using Chalice.Functions;
using Chalice.Local.S3;
using Chalice.Testing;

namespace Chalice.Local.EventSources;

/// <summary>
/// S3's event notifications to the app's S3 handlers: every object the stand-in creates or removes is offered to each
/// handler whose bucket, event types, prefix and suffix select it (<see cref="S3EventFilter"/>), which is invoked
/// asynchronously, as S3 invokes Lambda, with the one-record event S3 sends ("Amazon S3 event notifications send one
/// event entry for each notification message",
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html).
/// </summary>
internal sealed class S3Notifications(IReadOnlyList<FunctionDefinition> functions, AsynchronousInvoker invoker, EventBuilder events)
    : IS3ChangeListener
{
    private readonly (FunctionDefinition Function, S3EventSettings Settings)[] _handlers =
        [.. functions.Where(f => f.Source is S3EventSettings).Select(f => (f, (S3EventSettings)f.Source!))];

    /// <summary>The buckets the handlers name, which exist from the start as declared buckets do.</summary>
    public IEnumerable<string> Buckets => _handlers.Select(h => h.Settings.Bucket).Distinct(StringComparer.Ordinal);

    public void ObjectChanged(S3ObjectChange change)
    {
        byte[]? payload = null;
        foreach (var (function, settings) in _handlers)
        {
            if (!S3EventFilter.Selects(settings, change))
                continue;
            payload ??= LambdaEventJson.Serialize(new S3Event { Records = [events.S3Record(change)] });
            invoker.Invoke(function, payload);
        }
    }
}
