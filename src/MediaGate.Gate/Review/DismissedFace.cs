namespace MediaGate.Gate.Review;

/// <summary>
/// A certain detection someone marked "not a face" (<c>GET /api/manager/dismissals</c>), for the manager's spot checks.
/// </summary>
/// <param name="MediaId">The item.</param>
/// <param name="FaceId">The face; its crop is <c>GET /api/manager/media/{mediaId}/faces/{faceId}/crop</c>.</param>
/// <param name="Number">1-based, as the reasons name it.</param>
/// <param name="Score">The detector's confidence.</param>
/// <param name="X">Left edge, pixels of the master.</param>
/// <param name="Y">Top edge.</param>
/// <param name="W">Width.</param>
/// <param name="H">Height.</param>
/// <param name="By">The account that dismissed it.</param>
/// <param name="At">When.</param>
public sealed record DismissedFace(string MediaId, string FaceId, int Number, float Score, float X, float Y, float W, float H, string? By, DateTimeOffset? At);
