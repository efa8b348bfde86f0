namespace MediaGate.Consent.Media;

/// <summary>What an item is (api.md: an item's <c>kind</c>). The rules are the same for both; the reasons name it.</summary>
public enum MediaKind
{
    /// <summary>A still photo.</summary>
    Photo,

    /// <summary>A video clip: its faces are tracks followed through the clip (issue 14).</summary>
    Video,
}
