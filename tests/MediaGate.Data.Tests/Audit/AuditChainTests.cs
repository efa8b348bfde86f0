using MediaGate.Data.Audit;

namespace MediaGate.Data.Tests.Audit;

[TestClass]
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Verify_ChainBuiltByNext_IsIntactWithNewestHashAsHead()
    {
        var entries = Chain(5);

        var result = AuditChain.Verify(entries);

        Assert.IsTrue(result.IsIntact);
        Assert.AreEqual(5, result.Checked);
        Assert.AreEqual(entries[^1].Hash, result.HeadHash);
        Assert.AreEqual(AuditChain.Genesis, entries[0].PreviousHash);
    }

    [TestMethod]
    public void Verify_EntryChanged_NamesThatEntry()
    {
        var entries = Chain(5);
        entries[2] = entries[2] with { Subject = "media-other" };

        var result = AuditChain.Verify(entries);

        Assert.IsFalse(result.IsIntact);
        Assert.AreEqual(3, result.FirstBroken);
        Assert.AreEqual(2, result.Checked);
    }

    [TestMethod]
    public void Verify_EntryChangedAndItsHashRecomputed_NamesTheNextEntry()
    {
        // An attacker who recomputes the changed entry's own hash still breaks the link from the entry after it.
        var entries = Chain(5);
        var forged = entries[2] with { Actor = "someone-else" };
        entries[2] = forged with { Hash = AuditChain.HashOf(forged.Sequence, forged.At, forged.Actor, forged.Action, forged.Subject, forged.Detail, forged.PreviousHash) };

        var result = AuditChain.Verify(entries);

        Assert.AreEqual(4, result.FirstBroken);
    }

    [TestMethod]
    public void Verify_EntryRemoved_NamesTheGap()
    {
        var entries = Chain(5);
        entries.RemoveAt(1);

        var result = AuditChain.Verify(entries);

        Assert.AreEqual(3, result.FirstBroken);
        StringAssert.Contains(result.Problem, "entry 2 is missing");
    }

    [TestMethod]
    public void Verify_TwoEntriesSwapped_IsBroken()
    {
        var entries = Chain(4);
        (entries[1], entries[2]) = (entries[2], entries[1]);

        var result = AuditChain.Verify(entries);

        Assert.IsFalse(result.IsIntact);
        Assert.AreEqual(3, result.FirstBroken);
    }

    [TestMethod]
    public void HashOf_TextMovedBetweenFields_DiffersFromTheOriginal()
    {
        string original = AuditChain.HashOf(1, Start, "ab", "c", "s", null, AuditChain.Genesis);
        string moved = AuditChain.HashOf(1, Start, "a", "bc", "s", null, AuditChain.Genesis);
        string emptyDetail = AuditChain.HashOf(1, Start, "ab", "c", "s", "", AuditChain.Genesis);

        Assert.AreNotEqual(original, moved);
        Assert.AreNotEqual(original, emptyDetail);
    }

    [TestMethod]
    public void Verify_EmptyLog_IsIntactWithGenesisHead()
    {
        var result = AuditChain.Verify([]);

        Assert.IsTrue(result.IsIntact);
        Assert.AreEqual(0, result.Checked);
        Assert.AreEqual(AuditChain.Genesis, result.HeadHash);
    }

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        for (int i = 0; i < count; i++)
        {
            entries.Add(AuditChain.Next(entries.LastOrDefault(), Start.AddMinutes(i), new AuditEvent("manager-1", "view", "media-" + i, "{\"n\":" + i + "}")));
        }

        return entries;
    }
}
