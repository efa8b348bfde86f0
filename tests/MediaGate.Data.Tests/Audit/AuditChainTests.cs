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

    private static readonly AuditKeys Keys = new("key-1", id => id == "key-1" ? Enumerable.Range(1, 32).Select(i => (byte)i).ToArray() : null);

    [TestMethod]
    public void Verify_KeyedChain_IsIntactWithTheKey()
    {
        var entries = Chain(5, Keys);

        var result = AuditChain.Verify(entries, Keys);

        Assert.IsTrue(result.IsIntact, result.Problem);
        StringAssert.StartsWith(entries[0].Hash, "k1:key-1:");
    }

    [TestMethod]
    public void Verify_KeyedEntryEditedAndRechainedWithoutTheKey_IsBroken()
    {
        // Write access to the database, not the master key: the attacker edits entry 3 and recomputes every link after
        // it with the plain hash (the only one it can compute).
        var entries = Chain(5, Keys);
        for (int i = 2; i < entries.Count; i++)
        {
            var e = entries[i] with { Actor = i == 2 ? "someone-else" : entries[i].Actor, PreviousHash = entries[i - 1].Hash };
            entries[i] = e with { Hash = AuditChain.HashOf(e.Sequence, e.At, e.Actor, e.Action, e.Subject, e.Detail, e.PreviousHash) };
        }

        var result = AuditChain.Verify(entries, Keys);

        Assert.IsFalse(result.IsIntact);
        Assert.AreEqual(3, result.FirstBroken);
        StringAssert.Contains(result.Problem, "re-made without the key");
    }

    [TestMethod]
    public void Verify_KeyedEntryRechainedWithAnotherKey_IsBroken()
    {
        var entries = Chain(5, Keys);
        var other = new AuditKeys("key-1", _ => new byte[32]);
        var forged = entries[4] with { Detail = "{}" };
        entries[4] = forged with { Hash = AuditChain.KeyedHashOf(forged.Sequence, forged.At, forged.Actor, forged.Action, forged.Subject, forged.Detail, forged.PreviousHash, "key-1", other.Find("key-1")!) };

        var result = AuditChain.Verify(entries, Keys);

        Assert.AreEqual(5, result.FirstBroken);
    }

    [TestMethod]
    public void Verify_PlainEntriesBeforeKeying_StillVerify()
    {
        var entries = Chain(3);
        entries.Add(AuditChain.Next(entries[^1], Start.AddHours(1), new AuditEvent("manager-1", "view", "media-x"), Keys));

        Assert.IsTrue(AuditChain.Verify(entries, Keys).IsIntact);
        Assert.IsFalse(AuditChain.Verify(entries).IsIntact, "without the key a keyed entry cannot be checked");
    }

    [TestMethod]
    public void CheckHead_LastEntriesCutOff_SaysSo()
    {
        var entries = Chain(6, Keys);
        var head = AuditHead.Sign(entries[^1], Start.AddDays(1), Keys);
        entries.RemoveRange(4, 2);

        Assert.IsTrue(AuditChain.Verify(entries, Keys).IsIntact, "a cut-off chain still links");
        StringAssert.Contains(AuditChain.CheckHead(entries, head, Keys), "cut off");
    }

    [TestMethod]
    public void CheckHead_HeadAlteredOrChainRemade_SaysSo()
    {
        var entries = Chain(4, Keys);
        var head = AuditHead.Sign(entries[^1], Start.AddDays(1), Keys);

        Assert.IsNull(AuditChain.CheckHead(entries, head, Keys));
        StringAssert.Contains(AuditChain.CheckHead(entries, head with { Sequence = 2 }, Keys), "signature");
        var remade = Chain(4, Keys);
        remade[3] = AuditChain.Next(remade[2], Start.AddHours(5), new AuditEvent("x", "y", "z"), Keys);
        StringAssert.Contains(AuditChain.CheckHead(remade, head, Keys), "differs");
    }

    private static List<AuditEntry> Chain(int count, AuditKeys? keys = null)
    {
        var entries = new List<AuditEntry>();
        for (int i = 0; i < count; i++)
        {
            entries.Add(AuditChain.Next(entries.LastOrDefault(), Start.AddMinutes(i), new AuditEvent("manager-1", "view", "media-" + i, "{\"n\":" + i + "}"), keys));
        }

        return entries;
    }
}
