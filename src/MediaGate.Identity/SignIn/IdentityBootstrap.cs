using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Identity.SignIn;

/// <summary>
/// Creates the first manager from <c>MEDIAGATE_BOOTSTRAP_MANAGER=user:password</c> (api.md, serve) when the
/// database has no active manager; runs once at start as a hosted service. A malformed value stops the start
/// rather than leave a service nobody can administer; a value given when a manager exists is ignored.
/// </summary>
public sealed partial class IdentityBootstrap(
    IAccountRepository accounts,
    IAuditLog audit,
    CredentialHasher hasher,
    IConfiguration configuration,
    IOptions<IdentityOptions> options,
    TimeProvider time,
    ILogger<IdentityBootstrap> logger) : IHostedService
{
    public const string Variable = "MEDIAGATE_BOOTSTRAP_MANAGER";

    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the first manager if there is none and the variable is set; true when it made one.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken = default)
    {
        if (await accounts.AnyActiveManagerAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        string? value = configuration[Variable];
        if (string.IsNullOrEmpty(value))
        {
            LogNoManager(logger, Variable);
            return false;
        }

        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string username = colon > 0 ? value[..colon] : "";
        string password = colon > 0 ? value[(colon + 1)..] : "";
        if (!AccountUsernames.IsValid(username))
        {
            throw new InvalidOperationException(
                $"{Variable} must be user:password, the user made of letters, digits and . _ - @ (at most {AccountUsernames.MaxLength}).");
        }

        if (SecretRules.PasswordProblem(password, username, options.Value.MinPasswordLength) is { } problem)
        {
            throw new InvalidOperationException($"{Variable}: {problem}");
        }

        var account = new Account(Guid.NewGuid().ToString("N"), username, AccountRole.Manager, hasher.Hash(password), null, true, time.GetUtcNow());
        var added = await accounts.AddAsync(account, Array.Empty<ChildId>(), cancellationToken).ConfigureAwait(false);
        if (added != AccountAdded.Added)
        {
            // Another node bootstrapped the same name at the same moment; that manager stands.
            return false;
        }

        await audit.AppendAsync(new AuditEvent("bootstrap", AccountAuditActions.AccountCreated, account.Id,
            JsonSerializer.Serialize(new { role = AccountRoles.Manager, username })), cancellationToken).ConfigureAwait(false);
        LogCreated(logger, username);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No manager account exists; set {Variable}=user:password to create the first one")]
    private static partial void LogNoManager(ILogger logger, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first manager account {Username}")]
    private static partial void LogCreated(ILogger logger, string username);
}
