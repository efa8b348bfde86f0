using System.Diagnostics.CodeAnalysis;

namespace MediaGate.Ingest.Video;

/// <summary>Either a value or a <see cref="VideoFailure"/>: expected failures are values, bugs are exceptions.</summary>
public readonly struct VideoOutcome<T>
{
    private readonly T? _value;

    private VideoOutcome(T? value, VideoFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public VideoFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    /// <summary>The value; throws when this outcome is a failure (a bug in the caller).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Outcome is a failure: {Failure}");

    public static VideoOutcome<T> Success(T value) => new(value, null);

    public static VideoOutcome<T> Fail(VideoFailureKind kind, string message) => new(default, new VideoFailure(kind, message));

#pragma warning disable CA2225 // Implicit conversions are the point: steps return a T or a VideoFailure.
    public static implicit operator VideoOutcome<T>(T value) => Success(value);

    public static implicit operator VideoOutcome<T>(VideoFailure failure) => new(default, failure);
#pragma warning restore CA2225
}
