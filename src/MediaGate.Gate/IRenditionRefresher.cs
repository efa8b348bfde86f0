namespace MediaGate.Gate;

/// <summary>
/// Brings an item's renditions in line with its stored decisions (issue 7, section 5): a released decision gets
/// its rendition made or re-made, any other has its rendition withdrawn. Processing and every re-decision call
/// it after storing the decisions; it must be idempotent (a worker may call it twice for the same decisions).
/// Implemented by the renditions use case (Gate/Renditions).
/// </summary>
public interface IRenditionRefresher
{
    Task RefreshAsync(string mediaId, CancellationToken cancellationToken = default);
}
