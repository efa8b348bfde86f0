namespace MediaGate.Data.Work;

/// <summary>Where an item of work stands.</summary>
public enum WorkState
{
    /// <summary>Waiting for a node.</summary>
    Pending,

    /// <summary>A node holds it until its lease runs out.</summary>
    Claimed,

    /// <summary>Done; never claimed again.</summary>
    Done,

    /// <summary>Given up after too many attempts (a file that crashes or stalls every node); needs a person.</summary>
    Failed,
}
