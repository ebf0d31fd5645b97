namespace Chalice;

/// <summary>Where an event source mapping starts reading a stream (Lambda's <c>StartingPosition</c>).</summary>
public enum StartingPosition
{
    /// <summary><c>LATEST</c>: only records added after the mapping is made (Chalice's default).</summary>
    Latest,

    /// <summary><c>TRIM_HORIZON</c>: the oldest record the stream still holds.</summary>
    TrimHorizon,
}
