using System.Diagnostics.CodeAnalysis;

namespace MediaGate.Gate.Outcomes;

/// <summary>
/// What a use case answered: a value, or the <see cref="GateProblem"/> that stopped it. Expected refusals are values;
/// bugs and outages nobody expects are exceptions.
/// </summary>
public readonly struct GateOutcome<T>
{
    private readonly T? _value;

    private GateOutcome(T? value, GateProblem? problem)
    {
        _value = value;
        Problem = problem;
    }

    public GateProblem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Problem is null;

    /// <summary>The value; throws when this outcome is a problem (a bug in the caller).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The outcome is a problem: {Problem}");

    public static GateOutcome<T> Success(T value) => new(value, null);

    public static GateOutcome<T> Fail(GateProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(default, problem);
    }

#pragma warning disable CA2225 // Implicit conversions are the point: use cases return a T or a GateProblem.
    public static implicit operator GateOutcome<T>(T value) => Success(value);

    public static implicit operator GateOutcome<T>(GateProblem problem) => Fail(problem);
#pragma warning restore CA2225
}
