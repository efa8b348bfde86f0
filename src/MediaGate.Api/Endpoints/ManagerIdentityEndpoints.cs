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
/// The manager's accounts, devices and website keys (api.md, Manager). Mapped inside the <c>/api/manager</c>
/// group, which requires <see cref="Policies.Manager"/>. Secrets (device secrets, website keys) are in the
/// response once and stored only as hashes; every creation and revocation is audited.
/// </summary>
public static class ManagerIdentityEndpoints
{
    private const int MaxNameLength = 100;
    private const int MaxChildren = 100;

    public static RouteGroupBuilder MapManagerIdentityEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/accounts", CreateAccountAsync);
        group.MapGet("/accounts", ListAccountsAsync);
        group.MapPost("/devices", RegisterDeviceAsync);
        group.MapGet("/devices", ListDevicesAsync);
        group.MapDelete("/devices/{deviceId}", RevokeDeviceAsync);
        group.MapPost("/website-keys", CreateWebsiteKeyAsync);
        group.MapDelete("/website-keys/{name}", RevokeWebsiteKeyAsync);
        return group;
    }

    /// <summary><c>POST /api/manager/accounts</c>: Creates a manager, staff or parent account (a parent with the children it may see). Weak passwords and PINs are refused with the reason.</summary>
    public static async Task<Results<Created<AccountCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateAccountAsync(
        CreateAccountRequest request, ClaimsPrincipal user, MediaGateDatabase database, CredentialHasher hasher, IOptions<IdentityOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var errors = ValidateAccount(request, options.Value, out AccountRole role, out ChildId[] children);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var account = new Account(
            Guid.NewGuid().ToString("N"),
            request.Username!,
            role,
            request.Password is null ? null : hasher.Hash(request.Password),
            request.Pin is null ? null : hasher.Hash(request.Pin),
            true,
            time.GetUtcNow());
        switch (await database.Accounts.AddAsync(account, children, cancellationToken).ConfigureAwait(false))
        {
            case AccountAdded.UnknownChild:
                return TypedResults.Problem("A child id in 'children' is not a child of the setting.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown child");
            case AccountAdded.UsernameTaken:
                return TypedResults.Problem("Another account has this username (compared without case).", statusCode: StatusCodes.Status409Conflict, title: "Username taken");
        }

        await AuditAsync(database, user, IdentityAuditActions.AccountCreated, account.Id,
            new { role = account.Role.ToText(), username = account.Username, children = children.Length }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created((string?)null, new AccountCreatedResponse(account.Id));
    }

    /// <summary><c>GET /api/manager/accounts</c>: Lists the accounts: role, username, display name, children of a parent, whether active.</summary>
    public static async Task<Ok<AccountListing[]>> ListAccountsAsync(MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var accounts = await database.Accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        var listings = new List<AccountListing>(accounts.Count);
        foreach (Account account in accounts)
        {
            var children = await database.Accounts.ChildrenOfAsync(account.Id, cancellationToken).ConfigureAwait(false);
            listings.Add(new AccountListing(account.Id, account.Username, account.Role.ToText(), account.Active, account.PasswordHash is not null,
                account.PinHash is not null, [.. children.Select(c => c.Value)], account.CreatedAt));
        }

        return TypedResults.Ok(listings.ToArray());
    }

    /// <summary><c>POST /api/manager/devices</c>: Registers a tablet; answers its id and its secret, shown once.</summary>
    public static async Task<Results<Created<DeviceRegisteredResponse>, ValidationProblem>> RegisterDeviceAsync(
        RegisterDeviceRequest request, ClaimsPrincipal user, MediaGateDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        if (!IsValidName(request.Name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [NameRule] });
        }

        string secret = SecretTokens.NewSecret();
        var device = new Device(Guid.NewGuid().ToString("N"), request.Name!.Trim(), SecretTokens.Hash(secret), time.GetUtcNow(), null);
        await database.Devices.AddAsync(device, cancellationToken).ConfigureAwait(false);
        await AuditAsync(database, user, IdentityAuditActions.DeviceRegistered, device.Id, new { name = device.Name }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created((string?)null, new DeviceRegisteredResponse(device.Id, secret));
    }

    /// <summary><c>GET /api/manager/devices</c>: Lists the registered tablets.</summary>
    public static async Task<Ok<DeviceListing[]>> ListDevicesAsync(MediaGateDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var devices = await database.Devices.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(devices.Select(d => new DeviceListing(d.Id, d.Name, d.CreatedAt, d.RevokedAt)).ToArray());
    }

    /// <summary>Revokes at once: the device's tokens fail on their next request. Revoking twice is not an error.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeDeviceAsync(
        string deviceId, ClaimsPrincipal user, MediaGateDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        switch (await database.Devices.RevokeAsync(deviceId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            case Revocation.NotFound:
                return TypedResults.Problem("No device has this id.", statusCode: StatusCodes.Status404NotFound, title: "Unknown device");
            case Revocation.Revoked:
                await AuditAsync(database, user, IdentityAuditActions.DeviceRevoked, deviceId, null, cancellationToken).ConfigureAwait(false);
                break;
        }

        return TypedResults.NoContent();
    }

    /// <summary><c>POST /api/manager/website-keys</c>: Creates a key for the nursery website's feed; the key is shown once.</summary>
    public static async Task<Results<Created<WebsiteKeyCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateWebsiteKeyAsync(
        CreateWebsiteKeyRequest request, ClaimsPrincipal user, MediaGateDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        if (!IsValidKeyName(request.Name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"1 to {AccountUsernames.MaxLength} letters, digits or . _ - @ (it is part of the URL that revokes the key)."],
            });
        }

        string key = SecretTokens.NewSecret("mgw_");
        var record = new WebsiteKey(Guid.NewGuid().ToString("N"), request.Name!, SecretTokens.Hash(key), time.GetUtcNow(), null);
        if (!await database.WebsiteKeys.AddAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem("A website key in use already has this name; revoke it first.", statusCode: StatusCodes.Status409Conflict, title: "Name taken");
        }

        await AuditAsync(database, user, IdentityAuditActions.WebsiteKeyCreated, record.Name, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created((string?)null, new WebsiteKeyCreatedResponse(record.Name, key));
    }

    /// <summary><c>DELETE /api/manager/website-keys/{name}</c>: Revokes a website key: the feed refuses it at once.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeWebsiteKeyAsync(
        string name, ClaimsPrincipal user, MediaGateDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        if (await database.WebsiteKeys.RevokeAsync(name, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) != Revocation.Revoked)
        {
            return TypedResults.Problem("No website key in use has this name.", statusCode: StatusCodes.Status404NotFound, title: "Unknown website key");
        }

        await AuditAsync(database, user, IdentityAuditActions.WebsiteKeyRevoked, name, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private const string NameRule = "1 to 100 characters, not only spaces, no control characters.";

    private static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsControl);

    private static bool IsValidKeyName(string? name) => AccountUsernames.IsValid(name);

    private static Dictionary<string, string[]> ValidateAccount(CreateAccountRequest request, IdentityOptions options, out AccountRole role, out ChildId[] children)
    {
        var errors = new Dictionary<string, string[]>();
        children = [];
        if (!AccountUsernames.IsValid(request.Username))
        {
            errors["username"] = [$"1 to {AccountUsernames.MaxLength} letters, digits or . _ - @."];
        }

        if (!AccountRoles.TryParse(request.Role, out role))
        {
            errors["role"] = ["One of manager, staff, parent."];
            return errors;
        }

        if (request.Password is { } password && SecretRules.PasswordProblem(password, request.Username, options.MinPasswordLength) is { } passwordProblem)
        {
            errors["password"] = [passwordProblem];
        }
        else if (request.Password is null && role != AccountRole.Staff)
        {
            errors["password"] = ["Required for managers and parents."];
        }

        if (request.Pin is { } pin && (role != AccountRole.Staff || SecretRules.PinProblem(pin, options.MinPinLength) is not null))
        {
            errors["pin"] = [role == AccountRole.Staff ? SecretRules.PinProblem(pin, options.MinPinLength)! : "Only staff accounts have a PIN."];
        }
        else if (request.Pin is null && role == AccountRole.Staff)
        {
            errors["pin"] = ["Required for staff (signing in on a tablet)."];
        }

        var ids = request.Children ?? [];
        if (ids.Count > 0 && role != AccountRole.Parent)
        {
            errors["children"] = ["Only parent accounts are linked to children."];
        }
        else if (ids.Count > MaxChildren || ids.Any(id => !Identifiers.IsAcceptable(id)))
        {
            errors["children"] = [$"At most {MaxChildren} child ids, none empty or longer than {Identifiers.MaxLength} characters."];
        }
        else
        {
            children = [.. ids.Select(id => new ChildId(id!))];
        }

        return errors;
    }

    private static Task AuditAsync(MediaGateDatabase database, ClaimsPrincipal user, string action, string subject, object? detail, CancellationToken cancellationToken) =>
        database.Audit.AppendAsync(new AuditEvent(user.AccountId() ?? IdentityAuditActions.Anonymous, action, subject,
            detail is null ? null : JsonSerializer.Serialize(detail)), cancellationToken);
}
