namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>What became of one photo of the day, as the tablet, the manager's review and the parents' renditions show it.</summary>
internal sealed class DayResult
{
    public required LabelledPhoto Photo { get; init; }

    /// <summary>Indexes into the nursery's children.</summary>
    public required IReadOnlyList<int> Tagged { get; init; }

    public TimeSpan Sent { get; set; }

    public string? ObservationId { get; set; }

    public string? MediaId { get; set; }

    public string? UploadError { get; set; }

    /// <summary>api.md status once decided; null while still processing when the day ended.</summary>
    public string? Status { get; set; }

    public TimeSpan? Decided { get; set; }

    public IReadOnlyList<DayFace> Faces { get; set; } = [];

    /// <summary>The engine's hold and block reasons (manager's review), one sentence each.</summary>
    public IReadOnlyList<string> Reasons { get; set; } = [];

    /// <summary>Per tagged child's parent: the labelled faces that are not shown as in the master ("" when all are shown).</summary>
    public List<string> PixelProblems { get; } = [];

    /// <summary>What <see cref="DayPlayer.RenditionChecks"/> found.</summary>
    public List<string> RuleProblems { get; } = [];

    /// <summary>Unassigned detections away from every labelled face that a parent's rendition shows unmasked.</summary>
    public List<string> ShownUnassigned { get; } = [];

    public bool Released => Status == "released";

    /// <summary>Released with nobody touching it and every tagged child's face shown in every tagged family's rendition.</summary>
    public bool ReleasedWithFacesShown => Released && PixelProblems.Count == 0;
}
