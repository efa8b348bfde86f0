using MediaGate.Consent.Decisions;
using static MediaGate.Testing.Consents.Kids;

namespace MediaGate.Consent.Tests.Decisions;

[TestClass]
public sealed class AudienceTests
{
    [TestMethod]
    public void Parse_KeyOfEachAudience_GivesTheSameAudienceBack()
    {
        foreach (var audience in new[] { Audience.Public, Audience.Manager, Audience.ParentOf(Ava), Audience.EventFamilies([Ben, Ava], [Cleo, Ava, Ben]) })
        {
            Assert.AreEqual(audience, Audience.Parse(audience.Key), audience.Key);
        }
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("parent:")]
    [DataRow("website")]
    [DataRow("event:ava")]
    public void Parse_NotAKey_ReturnsNull(string key) => Assert.IsNull(Audience.Parse(key));
}
