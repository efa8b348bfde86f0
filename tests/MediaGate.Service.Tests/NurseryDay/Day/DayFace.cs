namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>A detection as the tablet lists it (api.md): box, score, assignment, and whether it is faint.</summary>
internal sealed record DayFace(double X, double Y, double W, double H, double Score, string? ChildId, string? Kind, bool Faint)
{
    public PixelBox Box => new(X, Y, W, H);
}
