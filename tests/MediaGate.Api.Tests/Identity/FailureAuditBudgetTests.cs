namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class FailureAuditBudgetTests
{
    [TestMethod]
    public void Take_OneAddressOverTheBudget_RecordsThenSaysSoOnceThenSkips()
    {
        var budget = new FailureAuditBudget(new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

        var verdicts = Enumerable.Range(0, FailureAuditBudget.PerWindow + 3).Select(_ => budget.Take("203.0.113.7")).ToArray();

        Assert.IsTrue(verdicts.Take(FailureAuditBudget.PerWindow).All(v => v == FailureAuditVerdict.Record), "the budget's failures are recorded");
        Assert.AreEqual(FailureAuditVerdict.RecordThatTheRestAreNot, verdicts[FailureAuditBudget.PerWindow], "the first one over says the rest are not recorded");
        Assert.IsTrue(verdicts.Skip(FailureAuditBudget.PerWindow + 1).All(v => v == FailureAuditVerdict.Skip), "the rest are skipped");
        Assert.AreEqual(FailureAuditVerdict.Record, budget.Take("198.51.100.2"), "another address has its own budget");
    }

    [TestMethod]
    public void Take_AMinuteLater_RecordsAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var budget = new FailureAuditBudget(clock);
        for (int i = 0; i <= FailureAuditBudget.PerWindow; i++)
        {
            budget.Take("203.0.113.7");
        }

        Assert.AreEqual(FailureAuditVerdict.Skip, budget.Take("203.0.113.7"), "over the budget within the minute");
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.AreEqual(FailureAuditVerdict.Record, budget.Take("203.0.113.7"), "a new minute records again");
    }

    [TestMethod]
    public void Take_MoreAddressesThanRemembered_NewOnesShareOneBudget()
    {
        var budget = new FailureAuditBudget(new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        for (int i = 0; i < FailureAuditBudget.MaxAddresses; i++)
        {
            budget.Take("address-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var overflow = Enumerable.Range(0, FailureAuditBudget.PerWindow + 2)
            .Select(i => budget.Take("late-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        Assert.AreEqual(FailureAuditVerdict.Skip, overflow[^1], "addresses beyond the remembered ones share one budget, so they cannot each add entries");
    }
}
