using System.Globalization;

namespace MediaGate.Data.Csv;

/// <summary>Why a consent CSV was rejected: the line (1-based, the header is line 1) and the reason.</summary>
public sealed record CsvProblem(int Line, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Reason}");
}
