using MediaGate.Storage.Encryption;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Says plainly what to do when no master key is configured and none could be generated (the master
/// store is not the local folder: several nodes must share one key, so none is made up on one of them).
/// </summary>
internal sealed class MasterKeyRequirement : IValidateOptions<EnvelopeEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EnvelopeEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MasterKeys.Count > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "No master key configured: set Storage:Encryption:CurrentKeyId and Storage:Encryption:MasterKeys:0:Id and :Key " +
                "(32 random bytes in base64, e.g. openssl rand -base64 32). Only the folder master store generates one by itself.");
    }
}
