using MediaGate.Consent.People;

namespace MediaGate.Consent.Media;

/// <summary>
/// One photo or video as the decision sees it: the children staff tagged, the faces the detector found (a video's
/// faces are its tracks), and which of the two it is, so that the reasons say "this video" for a video.
/// </summary>
public sealed record MediaItem(MediaItemId Id, IReadOnlyList<ChildId> TaggedChildren, IReadOnlyList<MediaFace> Faces, MediaKind Kind);
