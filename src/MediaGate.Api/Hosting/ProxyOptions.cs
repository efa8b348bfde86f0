using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Configuration section <c>Service</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed. None by default: the headers are then ignored, so a client cannot claim another address (and so
/// escape or aim the sign-in throttle) by sending them.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Service";

    /// <summary>Addresses (<c>10.0.0.5</c>) or networks in CIDR form (<c>10.0.0.0/24</c>) of the proxies in front of the service.</summary>
    public IList<string> KnownProxies { get; } = new List<string>();

    /// <summary>The configured proxies as networks (an address is a network of one).</summary>
    public IReadOnlyList<IPNetwork> Networks() => KnownProxies.Select(ParseNetwork).OfType<IPNetwork>().ToArray();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (string proxy in KnownProxies.Where(p => ParseNetwork(p) is null))
        {
            yield return new ValidationResult(
                $"Service:KnownProxies: '{proxy}' is not an IP address or a network in CIDR form (e.g. 10.0.0.5 or 10.0.0.0/24).", [nameof(KnownProxies)]);
        }
    }

    private static IPNetwork? ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(text, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }
}
