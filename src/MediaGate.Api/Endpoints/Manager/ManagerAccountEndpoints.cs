using System.Security.Claims;
using MediaGate.Api.Identity.Contracts;
using MediaGate.Data.Identity;
using MediaGate.Gate.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's accounts (README, Manager): create, list, deactivate, new password, new PIN, a parent's children.
/// Mapped inside the <c>/api/manager</c> group (manager policy); the rules are <see cref="AccountRegister"/>'s. Every
/// change is audited, never with a secret; responses carry account data, so nothing caches them.
/// </summary>
public static class ManagerAccountEndpoints
{
    public static RouteGroupBuilder MapManagerAccountEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/accounts", CreateAccountAsync);
        group.MapGet("/accounts", ListAccountsAsync);
        group.MapDelete("/accounts/{id}", DeactivateAsync);
        group.MapPut("/accounts/{id}/password", ChangePasswordAsync);
        group.MapPut("/accounts/{id}/pin", ChangePinAsync);
        group.MapPut("/accounts/{id}/children", ChangeChildrenAsync);
        return group;
    }

    /// <summary><c>POST /api/manager/accounts</c>: Creates a manager, staff or parent account (a parent with the children it may see). Weak passwords and PINs are refused with the reason.</summary>
    public static async Task<Results<Created<AccountCreatedResponse>, ProblemHttpResult>> CreateAccountAsync(
        CreateAccountRequest request, ClaimsPrincipal user, AccountRegister accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        var outcome = await accounts.CreateAsync(
            new NewAccount(request.Username, request.Password, request.Pin, request.Role, request.Children), ManagerActor.Of(user), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(account => TypedResults.Created((string?)null, new AccountCreatedResponse(account.Id)));
    }

    /// <summary><c>GET /api/manager/accounts</c>: Lists the accounts: role, username, display name, children of a parent, whether active.</summary>
    public static async Task<Ok<AccountListing[]>> ListAccountsAsync(AccountRegister accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return TypedResults.Ok((await accounts.ListAsync(cancellationToken).ConfigureAwait(false))
            .Select(v => new AccountListing(v.Account.Id, v.Account.Username, v.Account.Role.ToText(), v.Account.Active, v.Account.PasswordHash is not null,
                v.Account.PinHash is not null, [.. v.Children.Select(c => c.Value)], v.Account.CreatedAt))
            .ToArray());
    }

    /// <summary>204 (also when already inactive); 404 unknown; 409 for the last active manager.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        string id, ClaimsPrincipal user, AccountRegister accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return (await accounts.DeactivateAsync(id, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false)).ToResult(_ => TypedResults.NoContent());
    }

    /// <summary><c>PUT /api/manager/accounts/{id}/password</c>: Sets a new password (or PIN for staff); the account's earlier sessions end.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        string id, PasswordChangeRequest request, ClaimsPrincipal user, AccountRegister accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        return (await accounts.ChangePasswordAsync(id, request.Password, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false)).ToResult(_ => TypedResults.NoContent());
    }

    /// <summary>Staff only (the PIN signs in on a tablet): 400 for another role's account.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePinAsync(
        string id, PinChangeRequest request, ClaimsPrincipal user, AccountRegister accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        return (await accounts.ChangePinAsync(id, request.Pin, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false)).ToResult(_ => TypedResults.NoContent());
    }

    /// <summary>Parents only: replaces the whole list (empty unlinks every child); 400 for an unknown child or another role.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeChildrenAsync(
        string id, ChildrenChangeRequest request, ClaimsPrincipal user, AccountRegister accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        return (await accounts.ChangeChildrenAsync(id, request.Children, ManagerActor.Of(user), cancellationToken).ConfigureAwait(false)).ToResult(_ => TypedResults.NoContent());
    }
}
