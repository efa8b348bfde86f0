namespace MediaGate.Data.Retention;

/// <summary>Which object store a pending deletion is in (the keyed stores "master" and "renditions").</summary>
public enum DeletionStore
{
    /// <summary>The encrypted master store: upload originals and processed masters.</summary>
    Master,

    /// <summary>The rendition store: the masked JPEGs per purpose and audience.</summary>
    Renditions,
}
