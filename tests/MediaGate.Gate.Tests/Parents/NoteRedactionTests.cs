using MediaGate.Consent.People;
using MediaGate.Gate.Parents;

namespace MediaGate.Gate.Tests.Parents;

[TestClass]
public sealed class NoteRedactionTests
{
    private static readonly Child Ava = new(new ChildId("ava"), "Ava");
    private static readonly Child Chloe = new(new ChildId("chloe"), "Chloe Smith");
    private static readonly Child Ben = new(new ChildId("ben"), "Ben");
    private static readonly Child[] Setting = [Ava, Chloe, Ben];

    [TestMethod]
    [DataRow("Ava and Chloe sharing the picnic blanket", "Ava and a friend sharing the picnic blanket")]
    [DataRow("Chloe Smith and Ava", "a friend and Ava")]
    [DataRow("CHLOE's turn, then chloe again", "a friend's turn, then a friend again")]
    [DataRow("Chloeann and Avalon are not children of the setting", "Chloeann and Avalon are not children of the setting")]
    [DataRow("Ben helped Ava", "a friend helped Ava")]
    public void ForFamily_AvasFamily_NamesOnlyAvaAsWholeWords(string note, string expected)
    {
        var own = new HashSet<ChildId> { Ava.Id };

        Assert.AreEqual(expected, NoteRedaction.ForFamily(note, Setting, own, own));
    }

    [TestMethod]
    public void ForFamily_AnotherChildShownToThisFamily_KeepsTheirName()
    {
        var own = new HashSet<ChildId> { Ava.Id };
        var shown = new HashSet<ChildId> { Ava.Id, Chloe.Id };

        Assert.AreEqual("Ava and Chloe, not a friend", NoteRedaction.ForFamily("Ava and Chloe, not Ben", Setting, shown, own));
    }

    [TestMethod]
    public void ForFamily_HiddenChildSharesTheOwnChildsName_OwnNameKeptTheOtherNamesGo()
    {
        var otherAva = new Child(new ChildId("ava-2"), "Ava Jones");
        var own = new HashSet<ChildId> { Ava.Id };

        string? copy = NoteRedaction.ForFamily("Ava with Ava Jones", [.. Setting, otherAva], own, own);

        Assert.AreEqual("Ava with a friend", copy);
    }
}
