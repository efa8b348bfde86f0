namespace MediaGate.Api.Tests.Hosting;

/// <summary>
/// The system clock until <see cref="Fail"/> is set; then reading it throws an exception whose message
/// stands for server internals that must never reach a response.
/// </summary>
internal sealed class ThrowingClock : TimeProvider
{
    public const string Secret = "internal-detail-/srv/secret-path";

    public bool Fail { get; set; }

    public override DateTimeOffset GetUtcNow() => Fail ? throw new InvalidOperationException(Secret) : base.GetUtcNow();
}
