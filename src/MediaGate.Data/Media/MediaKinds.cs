using MediaGate.Consent.Media;

namespace MediaGate.Data.Media;

/// <summary>What an item is (api.md: an item's <c>kind</c>), and the work queue kind of the video lane.</summary>
public static class MediaKinds
{
    public const string Photo = "photo";

    public const string Video = "video";

    /// <summary>The decision's kind of an item's stored kind (<see cref="Photo"/> or <see cref="Video"/>; no kind is a photo, as before videos).</summary>
    public static MediaKind Of(string? kind) => kind == Video ? MediaKind.Video : MediaKind.Photo;

    /// <summary>The stored name of a decision's kind.</summary>
    public static string Name(MediaKind kind) => kind == MediaKind.Video ? Video : Photo;

    /// <summary>The work queue kind of a video item: claimed only by the video lane, never by the photo workers.</summary>
    public const string VideoWork = "video";
}
