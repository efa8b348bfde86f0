namespace MediaGate.Data.Retention;

/// <summary>Why an object is due for deletion.</summary>
public enum DeletionReason
{
    /// <summary>An upload's original, written down before it was stored; removed when the upload commits, so one still here was abandoned.</summary>
    Upload,

    /// <summary>A master or rendition of an item deleted on the retention schedule.</summary>
    Retention,
}
