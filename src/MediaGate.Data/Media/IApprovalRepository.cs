using MediaGate.Consent.Matrix;

namespace MediaGate.Data.Media;

/// <summary>The manager's approvals of items for the website and publicity.</summary>
public interface IApprovalRepository
{
    /// <summary>Approves; approving again keeps the first approval. Only website and publicity can be approved.</summary>
    Task ApproveAsync(MediaApproval approval, CancellationToken cancellationToken = default);

    /// <summary>Takes an approval back; true when there was one.</summary>
    Task<bool> RevokeAsync(string mediaId, Purpose purpose, CancellationToken cancellationToken = default);

    Task<bool> IsApprovedAsync(string mediaId, Purpose purpose, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MediaApproval>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default);
}
