using MediaGate.Data.Media;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Uploads;
using MediaGate.Ingest.Video;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// The request cap and the per-file limits agree (issue 14): a clip the video limits allow is not refused at the request, a
/// request of photos keeps <c>Gate:MaxUploadBytes</c>, and anything above a clip's request cap is refused. Small configured
/// limits prove the rule; the defaults are checked with a declared length, without sending 500 MB.
/// </summary>
[TestClass]
public sealed class UploadRequestCapTests
{
    private const long PhotoRequestCap = 200_000;
    private const long ClipLimit = 600_000;

    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["Gate:MaxUploadBytes"] = PhotoRequestCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Video:Limits:MaxBytes"] = ClipLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [TestMethod]
    public async Task AcceptAsync_ClipJustUnderTheVideoLimit_IsNotRefusedByTheRequestCap()
    {
        await using var gate = await CreateAsync(SmallLimits);
        var ava = await gate.AddChildAsync("Ava");

        var result = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File("clip.mp4", Clip(ClipLimit - 1)).RequestAsync(), CancellationToken.None);

        Assert.IsNull(result.Problem, result.Problem?.Detail);
        var item = await gate.Database.Media.FindItemAsync(result.Value.Receipt.Items[0].MediaId);
        Assert.AreEqual(ClipLimit - 1, item!.ByteLength);
    }

    [TestMethod]
    public async Task AcceptAsync_PhotosOverThePhotoRequestCap_AreTooLargeThoughClipsMayBeLarger()
    {
        await using var gate = await CreateAsync(SmallLimits);
        var ava = await gate.AddChildAsync("Ava");
        var request = await new UploadBody { Children = [ava] }.File(Photos.Coffee).RequestAsync();
        Assert.IsTrue(request.ContentLength is > PhotoRequestCap and < ClipLimit, "the photo request must fall between the two caps");

        var result = await gate.Accept.AcceptAsync(request, CancellationToken.None);

        Assert.AreEqual(GateProblemKind.TooLarge, result.Problem?.Kind);
        Assert.IsEmpty(await gate.MasterKeysAsync(), "objects left in the master store");
    }

    [TestMethod]
    public async Task AcceptAsync_DeclaredLengthAboveTheClipRequestCap_IsTooLargeBeforeReadingTheBody()
    {
        await using var gate = await CreateAsync(SmallLimits);
        long cap = AcceptUpload.VideoRequestBytes(new GateOptions { MaxUploadBytes = PhotoRequestCap }, ClipLimit);

        var result = await gate.Accept.AcceptAsync(
            new UploadRequest("tablet-robins", "staff-anna", "multipart/form-data; boundary=b", cap + 1, null, new UnreadableStream()), CancellationToken.None);

        Assert.AreEqual(GateProblemKind.TooLarge, result.Problem?.Kind);
    }

    [TestMethod]
    public async Task AcceptAsync_ClipOverTheVideoLimit_IsTooLargeAndKeepsNothing()
    {
        await using var gate = await CreateAsync(SmallLimits);
        var ava = await gate.AddChildAsync("Ava");

        var result = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File("clip.mp4", Clip(ClipLimit + 1)).RequestAsync(), CancellationToken.None);

        Assert.AreEqual(GateProblemKind.TooLarge, result.Problem?.Kind);
        Assert.IsEmpty(await gate.MasterKeysAsync(), "objects left in the master store");
        Assert.IsEmpty(await gate.Database.Media.ItemsWithStatusAsync([MediaStatus.Processing], 10));
    }

    [TestMethod]
    public async Task AcceptAsync_DefaultLimitsAndTheDeclaredLengthOfAFullSizeClip_IsNotRefusedByTheRequestCap()
    {
        await using var gate = await CreateAsync(new Dictionary<string, string?>());
        var ava = await gate.AddChildAsync("Ava");
        var request = await new UploadBody { Children = [ava] }.File("clip.mp4", Clip(4096)).RequestAsync();

        // Content-Length is what a tablet declares for a clip at the default video limit; the body sent is a small clip.
        var result = await gate.Accept.AcceptAsync(request with { ContentLength = new VideoLimits().MaxBytes + (64 * 1024) }, CancellationToken.None);

        Assert.IsNull(result.Problem, result.Problem?.Detail);
    }

    private static Task<GateHarness> CreateAsync(IDictionary<string, string?> settings) =>
        GateHarness.CreateAsync(Backends.SqliteFolders, settings, configure: services => services.AddOptions<VideoLimits>().BindConfiguration("Video:Limits"));

    /// <summary>An MP4 by its first bytes (an <c>ftyp</c> box of brand isom), padded to <paramref name="length"/>: the upload only sniffs it.</summary>
    private static byte[] Clip(long length)
    {
        var bytes = new byte[length];
        byte[] head = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
