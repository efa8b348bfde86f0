namespace MediaGate.Data.Media;

/// <summary>What the manager decided for an item and a purpose in review (api.md, <c>POST /api/manager/media/{mediaId}/decision</c>).</summary>
public enum ReviewAction
{
    /// <summary>Released as the consent engine decides (approves website and publicity use).</summary>
    Release,

    /// <summary>Released with the masks the engine asks for, also where the setting would hold a journal photo needing masks.</summary>
    Mask,

    /// <summary>Never released for the purpose, whatever the consent says.</summary>
    Block,
}
