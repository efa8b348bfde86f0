namespace MediaGate.Gate.Outcomes;

/// <summary>
/// Why a use case did nothing. The Gate names the kind; the Api alone turns it into an HTTP status
/// (<c>MediaGate.Api.Endpoints.GateResults</c>).
/// </summary>
public enum GateProblemKind
{
    /// <summary>No such thing.</summary>
    NotFound,

    /// <summary>The caller's token names no account (any more) or cannot be acted on: sign in again.</summary>
    NotSignedIn,

    /// <summary>
    /// The thing exists but is not the caller's to see or change. Answered exactly like <see cref="NotFound"/>
    /// (product.md: a caller learns nothing about what is not theirs, not even whether it exists).
    /// </summary>
    Forbidden,

    /// <summary>The request is malformed or breaks a rule (with the fields at fault when it names them).</summary>
    Invalid,

    /// <summary>The request is well formed but cannot be applied to what is stored (e.g. an unknown event, a reused key).</summary>
    Unprocessable,

    /// <summary>The thing's state forbids the change now (e.g. not processed yet, photos already taken).</summary>
    Conflict,

    /// <summary>The request or one of its files is larger than allowed.</summary>
    TooLarge,

    /// <summary>The content is not of a kind the use case takes.</summary>
    UnsupportedMedia,

    /// <summary>A store or the service cannot take it now; nothing was kept, and the caller may try again later.</summary>
    Unavailable,
}
