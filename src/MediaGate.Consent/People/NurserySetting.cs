using MediaGate.Consent.Decisions;

namespace MediaGate.Consent.People;

/// <summary>
/// The nursery (an Ofsted "setting"), its local time zone (consent lapses on a calendar date there)
/// and the options that shape its decisions.
/// </summary>
public sealed record NurserySetting(string Name, TimeZoneInfo TimeZone, DecisionOptions Options);
