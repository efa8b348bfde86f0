using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Gate.Observations;

namespace MediaGate.Gate.Tests.Observations;

[TestClass]
public sealed class StaffReadRuleTests
{
    private static readonly DateTimeOffset Uploaded = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly ObservationRecord AnnasOnRobins =
        new("obs-1", "tablet-robins", "staff-anna", Uploaded, Uploaded, null, [new ChildId("ava")], null);

    [TestMethod]
    [DataRow("tablet-robins", "staff-anna", true)]
    [DataRow("tablet-robins", "staff-ben", true)]
    [DataRow("tablet-owls", "staff-anna", true)]
    [DataRow("tablet-owls", "staff-ben", false)]
    public void Allows_WithinTheWindow_TheSameTabletOrTheSameStaffOnly(string device, string staff, bool allowed)
    {
        Assert.AreEqual(allowed, StaffReadRule.Allows(AnnasOnRobins, new TabletCaller(device, staff), Uploaded.AddHours(1)));
    }

    [TestMethod]
    public void Allows_TheUploaderOnceTheWindowIsOver_IsRefused()
    {
        var uploader = new TabletCaller("tablet-robins", "staff-anna");

        Assert.IsTrue(StaffReadRule.Allows(AnnasOnRobins, uploader, Uploaded + StaffReadRule.Window - TimeSpan.FromSeconds(1)));
        Assert.IsFalse(StaffReadRule.Allows(AnnasOnRobins, uploader, Uploaded + StaffReadRule.Window));
    }
}
