namespace MediaGate.Ingest.Detect;

/// <summary>
/// YuNet's five key points of a face, in the same pixel space as its box. "Right" and "left" are the
/// person's own: their right eye appears on the left of the picture.
/// </summary>
internal readonly record struct FaceLandmarks(
    float RightEyeX,
    float RightEyeY,
    float LeftEyeX,
    float LeftEyeY,
    float NoseX,
    float NoseY,
    float RightMouthX,
    float RightMouthY,
    float LeftMouthX,
    float LeftMouthY)
{
    /// <summary>The points mapped like <see cref="FaceBox.ToImage"/>: shift by a window's corner, divide by its scale.</summary>
    public FaceLandmarks ToImage(float offsetX, float offsetY, float scale)
    {
        float X(float x) => (x + offsetX) / scale;
        float Y(float y) => (y + offsetY) / scale;
        return new(X(RightEyeX), Y(RightEyeY), X(LeftEyeX), Y(LeftEyeY), X(NoseX), Y(NoseY), X(RightMouthX), Y(RightMouthY), X(LeftMouthX), Y(LeftMouthY));
    }

    /// <summary>The points in the left-right mirror of a picture <paramref name="pictureWidth"/> wide: the
    /// mirror of a right eye is a left eye, so the pairs swap.</summary>
    public FaceLandmarks MirrorHorizontally(float pictureWidth) => new(
        pictureWidth - LeftEyeX,
        LeftEyeY,
        pictureWidth - RightEyeX,
        RightEyeY,
        pictureWidth - NoseX,
        NoseY,
        pictureWidth - LeftMouthX,
        LeftMouthY,
        pictureWidth - RightMouthX,
        RightMouthY);
}
