using MediaGate.Consent.Matrix;
using MediaGate.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Consents;

/// <summary>
/// Consent that changes with the calendar rather than by a person: a grant lapses on its review date and a grant
/// dated ahead comes into force on its date (product.md, "when it lapses (annual review)"). Nobody calls
/// <see cref="ChangeConsent"/> then, so this sweep re-decides what relied on those cells and refreshes the
/// renditions, at start and every <see cref="LapseSweepOptions.SweepMinutes"/>. Idempotent: a cell whose decisions
/// already agree changes nothing, so every node may run it.
/// </summary>
public sealed partial class ConsentLapseSweep(
    IConsentRepository consents, ChangeConsent changes, IOptions<LapseSweepOptions> options, IOptions<SettingClockOptions> clock,
    TimeProvider time, ILogger<ConsentLapseSweep> logger) : BackgroundService
{
    private const string Actor = "system";

    /// <summary>One sweep: the cells whose status depends on today's date, re-evaluated.</summary>
    public async Task<ConsentChangeResult> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        var matrix = await consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, clock.Value.Zone).DateTime);
        var cells = new List<ConsentCellKey>();
        foreach (var child in matrix.Children.Keys)
        {
            foreach (var purpose in PurposeNames.All)
            {
                var cell = new ConsentCellKey(child, purpose);
                if (matrix.CurrentRecord(cell, now) is { } record
                    && (record.LapsesOn is { } lapses && lapses <= today || record.GivenOn >= today.AddDays(-2)))
                {
                    cells.Add(cell);
                }
            }
        }

        return await changes.ReEvaluateAsync(cells, Actor, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SweepMinutes == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes), time);
        do
        {
            try
            {
                var result = await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
                if (result.ChangedDecisions > 0)
                {
                    LogSwept(result.ChangedDecisions, result.AffectedMedia.Count);
                }
            }
#pragma warning disable CA1031 // A failed sweep (database briefly away) is logged and tried again at the next tick.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent dates re-decided {Decisions} decisions of {Items} items")]
    private partial void LogSwept(int decisions, int items);

    [LoggerMessage(Level = LogLevel.Error, Message = "The consent lapse sweep failed; it runs again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
