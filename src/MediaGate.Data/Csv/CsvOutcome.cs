using System.Diagnostics.CodeAnalysis;

namespace MediaGate.Data.Csv;

/// <summary>Either a value or the <see cref="CsvProblem"/> that rejects the whole file (nothing is half-imported).</summary>
public sealed class CsvOutcome<T>
    where T : class
{
    private CsvOutcome(T? value, CsvProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public CsvProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Problem is null;

#pragma warning disable CA1000 // Static factories on the generic type read best at the call site: CsvOutcome<T>.Fail(...).
    public static CsvOutcome<T> Success(T value) => new(value, null);

    public static CsvOutcome<T> Fail(int line, string reason) => new(null, new CsvProblem(line, reason));

    public static CsvOutcome<T> Fail(CsvProblem problem) => new(null, problem);
#pragma warning restore CA1000
}
