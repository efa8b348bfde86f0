using System.Security.Claims;
using System.Text.Json;
using MediaGate.Api.Identity;
using MediaGate.Api.Identity.Contracts;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The manager's changes to existing accounts (README, Manager): deactivate, new password, new PIN, a parent's
/// children. Mapped inside the <c>/api/manager</c> group (manager policy). Every change is audited, never with a
/// secret. A deactivated account's tokens are refused from the next request on (TokenValidationEvents reads the
/// account on every request); a parent's children are read per request, so a new list applies at once.
/// </summary>
public static class ManagerAccountEndpoints
{
    private const int MaxChildren = 100;

    public static RouteGroupBuilder MapManagerAccountEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapDelete("/accounts/{id}", DeactivateAsync);
        group.MapPut("/accounts/{id}/password", ChangePasswordAsync);
        group.MapPut("/accounts/{id}/pin", ChangePinAsync);
        group.MapPut("/accounts/{id}/children", ChangeChildrenAsync);
        return group;
    }

    /// <summary>204 (also when already inactive); 404 unknown; 409 for the last active manager.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        string id, ClaimsPrincipal user, MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!Identifiers.IsGenerated(id))
        {
            return UnknownAccount();
        }

        switch (await database.Accounts.DeactivateKeepingAManagerAsync(id, cancellationToken).ConfigureAwait(false))
        {
            case Deactivation.NotFound:
                return UnknownAccount();
            case Deactivation.LastManager:
                return TypedResults.Problem(
                    "This is the last active manager account; nobody could manage the setting without it. Create another manager first.",
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Last manager");
        }

        await AuditAsync(database, user, IdentityAuditActions.AccountDeactivated, id, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary><c>PUT /api/manager/accounts/{id}/password</c>: Sets a new password (or PIN for staff); the account's earlier sessions end.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        string id, PasswordChangeRequest request, ClaimsPrincipal user, MediaGateDatabase database, CredentialHasher hasher,
        IOptions<IdentityOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(options);
        Account? target = Identifiers.IsGenerated(id) ? await database.Accounts.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (SecretRules.PasswordProblem(request.Password, target?.Username, options.Value.MinPasswordLength) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [problem] });
        }

        if (target is null || await database.Accounts.SetPasswordHashAsync(id, hasher.Hash(request.Password!), cancellationToken).ConfigureAwait(false) != AccountChange.Changed)
        {
            return UnknownAccount();
        }

        await AuditAsync(database, user, IdentityAuditActions.PasswordChanged, id, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>Staff only (the PIN signs in on a tablet): 400 for another role's account.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePinAsync(
        string id, PinChangeRequest request, ClaimsPrincipal user, MediaGateDatabase database, CredentialHasher hasher,
        IOptions<IdentityOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(options);
        if (SecretRules.PinProblem(request.Pin, options.Value.MinPinLength) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pin"] = [problem] });
        }

        string pin = request.Pin!;
        Account? account = Identifiers.IsGenerated(id) ? await database.Accounts.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (account is null)
        {
            return UnknownAccount();
        }

        if (account.Role != AccountRole.Staff)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pin"] = ["Only staff accounts have a PIN."] });
        }

        if (await database.Accounts.SetPinHashAsync(id, hasher.Hash(pin), cancellationToken).ConfigureAwait(false) != AccountChange.Changed)
        {
            return UnknownAccount();
        }

        await AuditAsync(database, user, IdentityAuditActions.PinChanged, id, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>Parents only: replaces the whole list (empty unlinks every child); 400 for an unknown child or another role.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeChildrenAsync(
        string id, ChildrenChangeRequest request, ClaimsPrincipal user, MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        var ids = request.Children;
        if (ids is null || ids.Count > MaxChildren || ids.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > Identifiers.MaxLength || c.Any(char.IsControl)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["children"] = [$"Required: a list of at most {MaxChildren} child ids, none empty."],
            });
        }

        Account? account = Identifiers.IsGenerated(id) ? await database.Accounts.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (account is null)
        {
            return UnknownAccount();
        }

        if (account.Role != AccountRole.Parent)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["children"] = ["Only parent accounts are linked to children."] });
        }

        ChildId[] children = [.. ids.Select(c => new ChildId(c!))];
        switch (await database.Accounts.SetChildrenAsync(id, children, cancellationToken).ConfigureAwait(false))
        {
            case AccountChange.NotFound:
                return UnknownAccount();
            case AccountChange.UnknownChild:
                return TypedResults.Problem("A child id in 'children' is not a child of the setting; nothing was changed.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Unknown child");
        }

        await AuditAsync(database, user, IdentityAuditActions.ChildrenChanged, id,
            new { children = children.Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() }, cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult UnknownAccount() =>
        TypedResults.Problem("No account has this id.", statusCode: StatusCodes.Status404NotFound, title: "Unknown account");

    private static Task AuditAsync(MediaGateDatabase database, ClaimsPrincipal user, string action, string subject, object? detail, CancellationToken cancellationToken) =>
        database.Audit.AppendAsync(new AuditEvent(user.AccountId() ?? IdentityAuditActions.Anonymous, action, subject,
            detail is null ? null : JsonSerializer.Serialize(detail)), cancellationToken);
}
