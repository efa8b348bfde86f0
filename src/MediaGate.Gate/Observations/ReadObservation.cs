using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Review;

namespace MediaGate.Gate.Observations;

/// <summary>
/// The tablet's view of an observation: per item its status and faces with assignments, for the staff whom
/// <see cref="StaffReadRule"/> allows (taken on their tablet or by them, recently).
/// </summary>
public sealed class ReadObservation(IMediaRepository media, IVideoRepository videos, IDecisionRepository decisions, TimeProvider time)
{
    /// <summary>How many recent observations the tablet lists unless it asks otherwise.</summary>
    public const int DefaultRecent = 20;

    /// <summary>The most recent observations one request lists.</summary>
    public const int MaxRecent = 100;

    /// <summary>
    /// The observation for the tablet (<c>GET /api/tablet/observations/{id}</c>): "not found" for an id of no observation,
    /// and the same for one the caller may not see (<see cref="StaffReadRule"/>).
    /// </summary>
    public async Task<GateOutcome<ObservationView>> FindAsync(string observationId, TabletCaller? caller, CancellationToken cancellationToken)
    {
        var view = caller is not null && Identifiers.IsGenerated(observationId) ? await ReadAsync(observationId, caller, cancellationToken).ConfigureAwait(false) : null;
        return view is null ? GateProblem.NotFound("Not found", "There is no such observation.") : view;
    }

    /// <summary>The staff member's recent observations (<see cref="RecentOfStaffAsync"/>); <paramref name="limit"/> 1 to <see cref="MaxRecent"/>.</summary>
    public async Task<GateOutcome<IReadOnlyList<ObservationView>>> RecentAsync(TabletCaller? caller, int? limit, CancellationToken cancellationToken)
    {
        if (caller is null)
        {
            return GateProblem.NotFound("Not found", "There is no such staff member.");
        }

        if (limit is < 1 or > MaxRecent)
        {
            return GateProblem.Invalid("Invalid limit", $"limit is 1 to {MaxRecent}.");
        }

        return GateOutcome<IReadOnlyList<ObservationView>>.Success(await RecentOfStaffAsync(caller, limit ?? DefaultRecent, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The observation, or null when there is none with this id or the caller may not see it.</summary>
    public async Task<ObservationView?> ReadAsync(string observationId, TabletCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var observation = await media.FindObservationAsync(observationId, cancellationToken).ConfigureAwait(false);
        return observation is null || !StaffReadRule.Allows(observation, caller, time.GetUtcNow())
            ? null
            : await ViewAsync(observation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The staff member's own recent observations, most recently uploaded first (README, <c>GET
    /// /api/tablet/observations?limit</c>): what the tablet page lists so staff can follow and assign their uploads.
    /// </summary>
    public async Task<IReadOnlyList<ObservationView>> RecentOfStaffAsync(TabletCaller caller, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var observations = await media.ObservationsOfStaffAsync(caller.StaffId, limit, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var views = new List<ObservationView>(observations.Count);
        foreach (var observation in observations.Where(o => StaffReadRule.Allows(o, caller, now)))
        {
            views.Add(await ViewAsync(observation, cancellationToken).ConfigureAwait(false));
        }

        return views;
    }

    private async Task<ObservationView> ViewAsync(ObservationRecord observation, CancellationToken cancellationToken)
    {
        var observationId = observation.Id;
        var items = await media.ItemsOfObservationAsync(observationId, cancellationToken).ConfigureAwait(false);
        var views = new List<MediaItemView>(items.Count);
        foreach (var item in items)
        {
            views.Add(await ViewAsync(item, cancellationToken).ConfigureAwait(false));
        }

        return new ObservationView(observation.Id, observation.CapturedAt, observation.Note, observation.Children.Select(c => c.Value).ToArray(), views,
            observation.ReceivedAt, observation.EventId);
    }

    /// <summary>One item as the tablet sees it.</summary>
    public async Task<MediaItemView> ViewAsync(MediaItemRecord item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var faces = await media.FacesAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var kind = await videos.KindOfAsync(item.Id, cancellationToken).ConfigureAwait(false) ?? MediaKinds.Photo;
        var tracks = kind == MediaKinds.Video
            ? (await videos.TracksAsync(item.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Number)
            : [];
        return new MediaItemView(item.Id, item.Sha256, item.Status.Name(), item.StatusDetail, item.Width, item.Height,
            faces.Select(f => new FaceView(f.FaceId, f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height, f.Score, f.Assignment.Child?.Value,
                f.Assignment.Kind.Name(), f.Uncertain, f.Uncertain, tracks.GetValueOrDefault(f.Number)?.FirstMs, tracks.GetValueOrDefault(f.Number)?.LastMs)).ToArray(),
            kind,
            await SentBackAsync(item, cancellationToken).ConfigureAwait(false) ? ParentListItem.Again : null);
    }

    /// <summary>Whether a consent change sent the waiting item back to be checked (only a waiting item's decisions are read).</summary>
    private async Task<bool> SentBackAsync(MediaItemRecord item, CancellationToken cancellationToken) =>
        item.Status is MediaStatus.Held or MediaStatus.NeedsAssignment
        && ItemStatusRule.SentBackByConsentChange(await decisions.OfMediaAsync(item.Id, cancellationToken).ConfigureAwait(false));
}
