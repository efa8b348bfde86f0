using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MediaGate.Api.Hosting;

/// <summary>The <c>Operations</c> section: who may scrape metrics, how long a readiness probe may take (validated at start-up).</summary>
public sealed class OperationsOptions : IValidatableObject
{
    public const string Section = "Operations";

    /// <summary>
    /// Networks (CIDR) allowed to read <c>/metrics</c>; default loopback only (<c>127.0.0.0/8</c>, <c>::1/128</c>).
    /// Metrics are not a family's data, but they tell an outsider how busy the setting is; a Prometheus on
    /// another host is allowed by adding its network, not by opening the endpoint to everyone. Others get 404.
    /// </summary>
    public IList<string> MetricsNetworks { get; } = new List<string>();

    /// <summary>How long each readiness check (database, each store) may take before it counts as failed; default 5 s, 1 to 60.</summary>
    [Range(1, 60)]
    public int ReadyTimeoutSeconds { get; set; } = 5;

    /// <summary>The largest request body of the JSON endpoints, in bytes; default 1 MiB (1 KiB to 64 MiB). Endpoints that take files set their own.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Serve the API reference page at <c>/scalar</c>; default false. Its package builds the page with inline script,
    /// so it is served only where the operator asks for it (a development machine), and then under its own policy
    /// (<see cref="Web.SecurityHeaders.ApiReferencePolicy"/>), never without one. The OpenAPI document is always served.
    /// </summary>
    public bool ApiReference { get; set; }

    /// <summary>The configured networks, or loopback when none are configured.</summary>
    public IReadOnlyList<IPNetwork> AllowedMetricsNetworks() =>
        MetricsNetworks.Count == 0
            ? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]
            : MetricsNetworks.Select(n => IPNetwork.Parse(n)).ToArray();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (string network in MetricsNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult($"Operations:MetricsNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/8).", [nameof(MetricsNetworks)]);
            }
        }
    }
}
