using MediaGate.Data;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Observations;

/// <summary>
/// The tablet's view of an observation: per item its status and faces with assignments. Every tablet of the
/// setting may read the setting's observations (one setting per deployment); changing assignments is kept to
/// the observation's own uploader (<see cref="Faces.AssignFaces"/>).
/// </summary>
public sealed class ReadObservation(MediaGateDatabase database)
{
    /// <summary>The observation, or null when there is none with this id.</summary>
    public async Task<ObservationView?> ReadAsync(string observationId, CancellationToken cancellationToken)
    {
        var observation = await database.Media.FindObservationAsync(observationId, cancellationToken).ConfigureAwait(false);
        return observation is null ? null : await ViewAsync(observation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The staff member's own recent observations, most recently uploaded first (README, <c>GET
    /// /api/tablet/observations?limit</c>): what the tablet page lists so staff can follow and assign their uploads.
    /// </summary>
    public async Task<IReadOnlyList<ObservationView>> RecentOfStaffAsync(string staffId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        var observations = await database.Media.ObservationsOfStaffAsync(staffId, limit, cancellationToken).ConfigureAwait(false);
        var views = new List<ObservationView>(observations.Count);
        foreach (var observation in observations)
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
        return new MediaItemView(item.Id, item.Sha256, item.Status.Name(), item.StatusDetail, item.Width, item.Height,
            faces.Select(f => new FaceView(f.FaceId, f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height, f.Score, f.Assignment.Child?.Value,
                f.Assignment.Kind.Name(), f.Uncertain, f.Uncertain)).ToArray());
    }
}
