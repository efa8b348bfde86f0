namespace MediaGate.Identity.SignIn;

/// <summary>What the audit log records of one failed sign-in (<see cref="FailureAuditBudget"/>).</summary>
public enum FailureAuditVerdict
{
    /// <summary>The failure, as always.</summary>
    Record,

    /// <summary>The failure that used up the address's budget: one entry saying that further failures are not recorded.</summary>
    RecordThatTheRestAreNot,

    /// <summary>Nothing: the address's budget for this minute is used up.</summary>
    Skip,
}
