using MediaGate.Data.Media;

namespace MediaGate.Data.Tests.Support;

/// <summary>Adds an upload the way AcceptUpload does: each original written down as pending before the commit that claims it.</summary>
internal static class RecordedUploads
{
    public static async Task<UploadOutcome> AddRecordedUploadAsync(this MediaGateDatabase database, NewUpload upload)
    {
        foreach (var item in upload.Items)
        {
            await database.PendingDeletions.RecordUploadAsync(item.UploadKey, upload.Observation.ReceivedAt.AddHours(6));
        }

        return await database.Media.AddUploadAsync(upload);
    }
}
