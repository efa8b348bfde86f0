namespace MediaGate.Consent.ReEvaluation;

/// <summary>What the service must do about a rendition whose decision changed.</summary>
public enum RenditionChange
{
    /// <summary>It was released and no longer may be: take it down now (product.md: withdrawal "also for media already released").</summary>
    Withdraw,

    /// <summary>Still released, but different faces are masked: re-make it.</summary>
    Remake,

    /// <summary>It was held or blocked and now comes out differently: re-decide it (e.g. newly releasable, or now blocked).</summary>
    Reconsider,
}
