using MediaGate.Api.Endpoints.Manager;
using MediaGate.Data.Audit;
using MediaGate.Gate.Audit;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>Issue 13: the audit log shows names and sentences, not ids and raw JSON.</summary>
[TestClass]
public sealed class AuditSentencesTests
{
    /// <summary>A video's media id (the names say which items are videos).</summary>
    private const string Clip = "fedcba9876543210fedcba9876543210";

    private static readonly AuditNames Names = new(
        new Dictionary<string, string> { ["acc-head"] = "head", ["acc-mum"] = "ava-mum" },
        new Dictionary<string, string> { ["child-ava"] = "Ava Jones", ["child-ben"] = "Ben Smith" },
        new Dictionary<string, string> { ["dev-1"] = "Robins tablet" },
        new Dictionary<string, string> { ["ev-1"] = "Summer fair" },
        new HashSet<string> { Clip });

    private static AuditEntry Entry(string actor, string action, string subject, string? detail = null) =>
        new(1, DateTimeOffset.UnixEpoch, actor, action, subject, detail, "p", "h");

    [TestMethod]
    [DataRow("acc-head", "consent-change", "child-ava", "{\"purpose\":\"website\",\"granted\":false,\"group\":false,\"withdrawn\":true}", "Withdrew the website consent of Ava Jones.")]
    [DataRow("acc-head", "account-children", "acc-mum", "{\"children\":[\"child-ava\",\"child-ben\"]}", "Changed the children ava-mum may see: Ava Jones and Ben Smith.")]
    [DataRow("acc-head", "event-attendees", "ev-1", "{\"attendees\":[\"child-ben\"]}", "Changed the attendees of the event Summer fair to Ben Smith.")]
    [DataRow("acc-head", "device-register", "dev-1", null, "Registered the tablet Robins tablet.")]
    [DataRow("acc-head", "decision", "0123456789abcdef", "{\"purpose\":\"journal\",\"action\":\"mask\"}", "Released photo 01234567 with masks for journal.")]
    [DataRow("acc-head", "child-left", "child-ben", "{\"leftOn\":\"2026-07-31\"}", "Recorded that Ben Smith leaves on 2026-07-31.")]
    [DataRow("acc-head", "text-unmask", "0123456789abcdef", "{\"region\":2,\"x\":10,\"y\":20,\"w\":30,\"h\":8,\"score\":0.9}", "Un-masked text region 2 of photo 01234567 on the website and in publicity (it names no child).")]
    [DataRow("acc-head", "decision", Clip, "{\"purpose\":\"journal\",\"action\":\"block\"}", "Blocked video fedcba98 for journal.")]
    [DataRow("acc-head", "decision", Clip, "{\"cause\":\"consent-change\"}", "Decided video fedcba98 again after a consent change.")]
    [DataRow("acc-head", "view-master-video", Clip, null, "Played the unmasked original of video fedcba98.")]
    [DataRow("acc-mum", "view-video", Clip, "{\"purpose\":\"journal\"}", "Played video fedcba98.")]
    [DataRow("acc-head", "upload", "obs-1", "{\"device\":\"dev-1\",\"items\":[{\"mediaId\":\"" + Clip + "\"}]}", "Uploaded 1 video from the tablet Robins tablet.")]
    [DataRow("acc-head", "upload", "obs-1", "{\"device\":\"dev-1\",\"items\":[{\"mediaId\":\"0123456789abcdef\"},{\"mediaId\":\"0123456789abcdee\"}]}", "Uploaded 2 photos from the tablet Robins tablet.")]
    [DataRow("acc-head", "requeue", "0123456789abcdef", null, "Put photo 01234567 back in the queue to be processed again.")]
    public void What_KnownAction_SentenceWithNamesNotIds(string actor, string action, string subject, string? detail, string expected)
    {
        string said = AuditSentences.What(Entry(actor, action, subject, detail), Names);

        Assert.AreEqual(expected, said);
    }

    [TestMethod]
    [DataRow("acc-head", "head")]
    [DataRow("website:main-site", "The website (key main-site)")]
    [DataRow("system", "MediaGate")]
    [DataRow("anonymous", "Someone not signed in")]
    public void Who_Actor_NamedForTheManager(string actor, string expected) =>
        Assert.AreEqual(expected, AuditSentences.Who(Entry(actor, "sign-in", ""), Names));

    [TestMethod]
    public void What_MalformedDetailOrUnknownAction_PlainSentenceNoThrow()
    {
        string broken = AuditSentences.What(Entry("acc-head", "consent-change", "child-gone", "{not json"), Names);
        string unknown = AuditSentences.What(Entry("acc-head", "something-new", "x1"), Names);

        Assert.AreEqual("Refused the unknown consent of a child no longer listed.", broken);
        Assert.AreEqual("something-new x1.", unknown);
    }
}
