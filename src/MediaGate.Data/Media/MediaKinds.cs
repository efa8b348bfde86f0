namespace MediaGate.Data.Media;

/// <summary>What an item is (api.md: an item's <c>kind</c>), and the work queue kind of the video lane.</summary>
public static class MediaKinds
{
    public const string Photo = "photo";

    public const string Video = "video";

    /// <summary>The work queue kind of a video item: claimed only by the video lane, never by the photo workers.</summary>
    public const string VideoWork = "video";
}
