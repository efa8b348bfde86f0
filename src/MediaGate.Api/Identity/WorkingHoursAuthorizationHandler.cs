using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using Microsoft.AspNetCore.Authorization;

namespace MediaGate.Api.Identity;

/// <summary>Refuses tablet requests outside working hours and writes each refusal to the audit log
/// (product.md: "refused and logged").</summary>
public sealed class WorkingHoursAuthorizationHandler(WorkingHours hours, IAuditLog audit, TimeProvider time)
    : AuthorizationHandler<WorkingHoursRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkingHoursRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (hours.IsOpenAt(time.GetUtcNow()))
        {
            context.Succeed(requirement);
            return;
        }

        // Only a tablet token (validated: signature, account, device) is logged; anyone else is refused by the
        // policy's other requirements without an entry (no audit flood from strangers).
        string? accountId = context.User.AccountId();
        if (accountId is not null && context.User.DeviceId() is not null)
        {
            string? path = (context.Resource as HttpContext)?.Request.Path.Value;
            await audit.AppendAsync(new AuditEvent(
                accountId,
                IdentityAuditActions.OutsideWorkingHours,
                context.User.DeviceId() ?? "",
                JsonSerializer.Serialize(new { path }))).ConfigureAwait(false);
        }

        context.Fail(new AuthorizationFailureReason(this, "outside working hours"));
    }
}
