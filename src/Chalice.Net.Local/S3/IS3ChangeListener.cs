namespace Chalice.Local.S3;

/// <summary>
/// Hears of every object the stand-in creates or removes, once the change is on disk and before the response is sent;
/// the emulator's S3 notifications (<see cref="EventSources.S3Notifications"/>) listen. It must return at once: S3
/// notifies asynchronously, and its response never waits for a handler.
/// </summary>
internal interface IS3ChangeListener
{
    void ObjectChanged(S3ObjectChange change);
}
