using MediaGate.Api.Endpoints;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Gate;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Testing.Renditions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Tests.Endpoints;

[TestClass]
public sealed class ParentEndpointsTests
{
    [TestMethod]
    public async Task ListMediaAsync_TwoFamilies_EachSeesOnlyItemsOfTheirOwnChild()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones");
        var avas = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var bens = await world.ItemAsync(RenditionWorld.Meeting, [ben], [null, ben, null]);
        await world.Renditions.RefreshItemAsync(avas.Id);
        await world.Renditions.RefreshItemAsync(bens.Id);
        var families = new FamilyChildren().Parent("mum-of-ava", ava).Parent("dad-of-ben", ben).Parent("nobody");

        var forAva = (await ParentEndpoints.ListMediaAsync(Principals.Account("mum-of-ava", "parent"), Journal(world, families), default)).Value!;
        var forBen = (await ParentEndpoints.ListMediaAsync(Principals.Account("dad-of-ben", "parent"), Journal(world, families), default)).Value!;
        var forNobody = (await ParentEndpoints.ListMediaAsync(Principals.Account("nobody", "parent"), Journal(world, families), default)).Value!;

        CollectionAssert.AreEqual(new[] { (avas.Id, ava.Value) }, forAva.Select(i => (i.MediaId, i.ChildId)).ToArray());
        CollectionAssert.AreEqual(new[] { (bens.Id, ben.Value) }, forBen.Select(i => (i.MediaId, i.ChildId)).ToArray());
        Assert.IsEmpty(forNobody);
        Assert.AreEqual("Group time", forAva[0].Note);
    }

    [TestMethod]
    public async Task ListMediaAsync_NoteNamingAChildWithoutGroupSharing_ThatChildIsAFriendToTheOtherFamily()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var chloe = await world.ChildAsync("Chloe Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, chloe], [ava, chloe, null], note: "Ava and Chloe sharing the picnic blanket");
        await world.Renditions.RefreshItemAsync(item.Id);
        var families = new FamilyChildren().Parent("mum-of-ava", ava).Parent("dad-of-chloe", chloe);

        var forAva = (await ParentEndpoints.ListMediaAsync(Principals.Account("mum-of-ava", "parent"), Journal(world, families), default)).Value!;
        var forChloe = (await ParentEndpoints.ListMediaAsync(Principals.Account("dad-of-chloe", "parent"), Journal(world, families), default)).Value!;

        Assert.AreEqual("Ava and a friend sharing the picnic blanket", forAva.Single().Note, "Chloe's family refused group sharing");
        Assert.AreEqual("Ava and Chloe sharing the picnic blanket", forChloe.Single().Note, "Ava's family allows it");
    }

    [TestMethod]
    public async Task GetImageAsync_OwnChildsItem_IsTheirRenditionNotCachedAndAudited()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var http = Principals.Request("mum-of-ava", "parent");

        var result = await ParentEndpoints.GetImageAsync(item.Id, http, Download(world, new FamilyChildren().Parent("mum-of-ava", ava)), default);

        var file = result.Result as FileContentHttpResult;
        Assert.IsNotNull(file, "expected the JPEG, got " + result.Result);
        Assert.AreEqual("image/jpeg", file.ContentType);
        Assert.AreEqual("private, no-store", http.Response.Headers.CacheControl.ToString());
        // The rendition made for Ava's parents: Ava shown, Ben (no group option) masked.
        var image = PhotoReader.ReadUpright(file.FileContents.ToArray(), new IngestLimits()).Value.Image;
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(image, plain, faces[0], scale));
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(image, plain, faces[1], scale));
        var audit = await world.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e is { Action: "view", Actor: "mum-of-ava" } && e.Subject == item.Id));
    }

    [TestMethod]
    public async Task GetImageAsync_SiblingsInOnePhoto_ChildIdChoosesWhoseRenditionAndAnotherChildIs404()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: false);
        var ben = await world.ChildAsync("Ben Smith", group: false);
        var cat = await world.ChildAsync("Cat Brown");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var families = new FamilyChildren().Parent("mum-of-both", ava, ben);
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;

        var forBen = await ParentEndpoints.GetImageAsync(item.Id, Principals.Request("mum-of-both", "parent"), Download(world, families), default, ben.Value);
        var forCat = await ParentEndpoints.GetImageAsync(item.Id, Principals.Request("mum-of-both", "parent"), Download(world, families), default, cat.Value);

        var image = PhotoReader.ReadUpright(((FileContentHttpResult)forBen.Result).FileContents.ToArray(), new IngestLimits()).Value.Image;
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(image, plain, faces[1], scale), "Ben's rendition shows Ben to his own family");
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(image, plain, faces[0], scale), "Ben's rendition masks Ava, who has no group option");
        Assert.AreEqual(StatusCodes.Status404NotFound, (forCat.Result as ProblemHttpResult)?.StatusCode);
    }

    [TestMethod]
    public async Task GetImageAsync_AnotherFamilysItem_Is404AndNotAudited()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var cat = await world.ChildAsync("Cat Brown");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var http = Principals.Request("dad-of-cat", "parent");

        var result = await ParentEndpoints.GetImageAsync(item.Id, http, Download(world, new FamilyChildren().Parent("dad-of-cat", cat)), default);

        Assert.AreEqual(StatusCodes.Status404NotFound, (result.Result as ProblemHttpResult)?.StatusCode);
        Assert.IsFalse((await world.Database.Audit.ReadAsync()).Any(e => e.Action == "view"));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("../../etc/passwd")]
    [DataRow("0123456789ABCDEF0123456789ABCDEF")]
    public async Task GetImageAsync_NotAnId_Is404(string mediaId)
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");

        var result = await ParentEndpoints.GetImageAsync(
            mediaId, Principals.Request("mum", "parent"), Download(world, new FamilyChildren().Parent("mum", ava)), default);

        Assert.AreEqual(StatusCodes.Status404NotFound, (result.Result as ProblemHttpResult)?.StatusCode);
    }

    [TestMethod]
    public async Task GetImageAsync_AfterTheJournalConsentIsWithdrawn_Is404AndTheListIsEmpty()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var families = new FamilyChildren().Parent("mum-of-ava", ava);

        await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Journal, false, false, "Mother", "withdrawal 3", null), RenditionWorld.Manager);

        var image = await ParentEndpoints.GetImageAsync(item.Id, Principals.Request("mum-of-ava", "parent"), Download(world, families), default);
        var list = await ParentEndpoints.ListMediaAsync(Principals.Account("mum-of-ava", "parent"), Journal(world, families), default);
        Assert.AreEqual(StatusCodes.Status404NotFound, (image.Result as ProblemHttpResult)?.StatusCode);
        Assert.IsEmpty(list.Value!);
        Assert.IsNull(await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava).Key));
    }

    private static RenditionDownload Download(RenditionWorld world, IParentChildren families) =>
        new(world.Database.Renditions, world.Database.Videos, world.Database.Audit, families, world.RenditionStore,
            Microsoft.Extensions.Options.Options.Create(new MediaGate.Ingest.Video.VideoLimits()),
            Microsoft.Extensions.Options.Options.Create(new MediaGate.Gate.Video.VideoServiceOptions()), world.Time);

    private static ParentJournal Journal(RenditionWorld world, IParentChildren families) =>
        new(families, world.Database.Children, world.Database.ParentMedia, world.Database.Videos, world.Notes);
}
