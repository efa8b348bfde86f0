namespace MediaGate.Api.Identity;

/// <summary>
/// The authorization policy of each audience (api.md): one per endpoint group, so that an endpoint cannot be
/// reached by a role that its group was not made for.
/// </summary>
public static class Policies
{
    /// <summary>Role manager (bearer token from <c>POST /api/session</c>).</summary>
    public const string Manager = "manager";

    /// <summary>A tablet token: role staff, a registered device that is not revoked, and the staff member signed in on it.</summary>
    public const string Tablet = "tablet";

    /// <summary>Role parent (bearer token from <c>POST /api/session</c>).</summary>
    public const string Parent = "parent";

    /// <summary>The nursery website: a key made by the manager, sent as <c>X-Api-Key</c>.</summary>
    public const string Website = "website";

    /// <summary>Any bearer token of an account (manager, staff on a tablet, parent): who am I, and signing out.</summary>
    public const string SignedIn = "signed-in";
}
