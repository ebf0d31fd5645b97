namespace Chalice.Deploy.State;

/// <summary>
/// Keeps the state of a stage while a plan runs and writes it after every change, so that a deploy or delete that
/// stops midway has recorded exactly what exists.
/// </summary>
/// <param name="store">Where the state file is written.</param>
/// <param name="state">The state before the first change.</param>
internal sealed class StateRecorder(DeployedStateStore store, DeployedState state)
{
    /// <summary>The state as recorded so far.</summary>
    public DeployedState State { get; private set; } = state;

    /// <summary>Records a resource (replacing the one of its name) and writes the state file.</summary>
    public void Record(DeployedResource resource)
    {
        State = State.With(resource);
        store.Save(State);
    }

    /// <summary>Forgets a recorded resource and writes the state file; nothing happens when it is not recorded.</summary>
    public void Forget(string name)
    {
        if (State.Find(name) is null)
            return;
        State = State.Without(name);
        store.Save(State);
    }

    /// <summary>Writes the state as it stands.</summary>
    public void Save() => store.Save(State);
}
