using MediaGate.Data;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Observations;

/// <summary>
/// The tablet's view of an observation: per item its status and faces with assignments, for the staff whom
/// <see cref="StaffReadRule"/> allows (taken on their tablet or by them, recently).
/// </summary>
public sealed class ReadObservation(MediaGateDatabase database, TimeProvider time)
{
    /// <summary>The observation, or null when there is none with this id or the caller may not see it.</summary>
    public async Task<ObservationView?> ReadAsync(string observationId, TabletCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var observation = await database.Media.FindObservationAsync(observationId, cancellationToken).ConfigureAwait(false);
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
        var observations = await database.Media.ObservationsOfStaffAsync(caller.StaffId, limit, cancellationToken).ConfigureAwait(false);
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
        var items = await database.Media.ItemsOfObservationAsync(observationId, cancellationToken).ConfigureAwait(false);
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
        var faces = await database.Media.FacesAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var kind = await database.Videos.KindOfAsync(item.Id, cancellationToken).ConfigureAwait(false) ?? MediaKinds.Photo;
        var tracks = kind == MediaKinds.Video
            ? (await database.Videos.TracksAsync(item.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Number)
            : [];
        return new MediaItemView(item.Id, item.Sha256, item.Status.Name(), item.StatusDetail, item.Width, item.Height,
            faces.Select(f => new FaceView(f.FaceId, f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height, f.Score, f.Assignment.Child?.Value,
                f.Assignment.Kind.Name(), f.Uncertain, f.Uncertain, tracks.GetValueOrDefault(f.Number)?.FirstMs, tracks.GetValueOrDefault(f.Number)?.LastMs)).ToArray(),
            kind);
    }
}
