namespace MediaGate.Api.Tests.Hosting;

/// <summary>
/// The system clock until <see cref="Fail"/> is set; then reading it throws an exception whose message
/// stands for server internals that must never reach a response.
/// </summary>
internal sealed class ThrowingClock : TimeProvider
{
    public const string Secret = "internal-detail-/srv/secret-path";

    public bool Fail { get; set; }

    /// <summary>When set, reading the clock throws this instead (a failure of the service's surroundings).</summary>
    public Exception? Failure { get; set; }

    public override DateTimeOffset GetUtcNow() =>
        Failure is { } failure ? throw failure : Fail ? throw new InvalidOperationException(Secret) : base.GetUtcNow();
}
