using System.Diagnostics.CodeAnalysis;

namespace MediaGate.Ingest;

/// <summary>Either a value or an <see cref="IngestFailure"/>: expected failures are values, bugs are exceptions.</summary>
public readonly struct Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, IngestFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public IngestFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    /// <summary>The value; throws when this outcome is a failure (a bug in the caller).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Outcome is a failure: {Failure}");

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Fail(IngestFailureKind kind, string message) => new(default, new IngestFailure(kind, message));

    public static Outcome<T> Fail(IngestFailure failure) => new(default, failure);

#pragma warning disable CA2225 // Implicit conversions are the point: steps return a T or an IngestFailure.
    public static implicit operator Outcome<T>(T value) => Success(value);

    public static implicit operator Outcome<T>(IngestFailure failure) => Fail(failure);
#pragma warning restore CA2225

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }
}
