namespace MediaGate.Consent.People;

/// <summary>
/// A setting-owned tablet. Only registered devices may upload; a revoked device is refused at once
/// (product.md, "Rules from the policies").
/// </summary>
public sealed record RegisteredDevice(string Id, string Name, DateTimeOffset RegisteredOn, DateTimeOffset? RevokedOn)
{
    public bool MayUploadAt(DateTimeOffset moment) => moment >= RegisteredOn && (RevokedOn is null || moment < RevokedOn);
}
