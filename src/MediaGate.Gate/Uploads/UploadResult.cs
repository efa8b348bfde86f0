namespace MediaGate.Gate.Uploads;

/// <summary>
/// What <see cref="AcceptUpload"/> answered: a receipt (new, or replayed for a repeated <c>Idempotency-Key</c>),
/// or a problem with the HTTP status it stands for.
/// </summary>
public sealed record UploadResult
{
    private UploadResult(UploadReceipt? receipt, bool replayed, UploadProblem? problem)
    {
        Receipt = receipt;
        Replayed = replayed;
        Problem = problem;
    }

    public UploadReceipt? Receipt { get; }

    /// <summary>True when the receipt is the stored answer to an earlier request with the same key (nothing new stored).</summary>
    public bool Replayed { get; }

    public UploadProblem? Problem { get; }

    public static UploadResult Accepted(UploadReceipt receipt, bool replayed) => new(receipt, replayed, null);

    public static UploadResult Refused(int status, string title, string detail) => new(null, false, new UploadProblem(status, title, detail));
}
