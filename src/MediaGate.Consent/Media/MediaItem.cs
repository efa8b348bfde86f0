using MediaGate.Consent.People;

namespace MediaGate.Consent.Media;

/// <summary>One photo as the decision sees it: the children staff tagged and the faces the detector found.</summary>
public sealed record MediaItem(MediaItemId Id, IReadOnlyList<ChildId> TaggedChildren, IReadOnlyList<MediaFace> Faces);
