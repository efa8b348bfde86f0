namespace MediaGate.Consent.Media;

/// <summary>Whose face a detected face is, as far as people have said (MediaGate does no face recognition).</summary>
public enum FaceAssignmentKind
{
    /// <summary>Nobody has said yet. Treated as an unknown child: a certain face holds the photo until someone does (unless
    /// matching counts apply), a faint one is only masked.</summary>
    Unassigned,

    /// <summary>A tagged child, assigned automatically (one face, one child), by staff or by the manager.</summary>
    Child,

    /// <summary>An adult marked as staff by the uploader; the setting option decides whether it is shown.</summary>
    StaffAdult,

    /// <summary>Someone said this is nobody in the matrix (a visitor, a sibling): no consent for anything.</summary>
    Unknown,

    /// <summary>Someone said the detection is not a face at all (a thumb, a toy, a picture on the wall): it gets no
    /// mask and does not count as a face (product.md, "Who is in a photo"); audited with the detection's score.</summary>
    NotAFace,
}
