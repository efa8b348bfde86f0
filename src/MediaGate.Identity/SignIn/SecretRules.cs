namespace MediaGate.Identity.SignIn;

/// <summary>
/// What a password or a staff PIN must be (issue 13: "password" and the PIN 000000 were accepted). One place for
/// every account form and the bootstrap: a length within bounds, and nothing that the first guesses of anyone
/// trying a nursery's accounts would find — the well-known passwords, the username (with digits after it), one character repeated,
/// a run of digits or letters; for PINs repeated or sequential digits and repeated short patterns. Each problem is
/// a sentence the page shows as it is.
/// </summary>
public static class SecretRules
{
    public const int MaxPasswordLength = 256;

    public const int MaxPinLength = 12;

    // The passwords every guessing list starts with (lower case, letters and digits only), and words a nursery's
    // own staff would try first. A suffix of digits ("password1", "nursery2024") does not make them safe.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "qwerty", "qwertyuiop", "azerty", "letmein", "welcome", "iloveyou", "admin",
        "administrator", "abc123", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master",
        "trustno1", "changeme", "secret", "login", "default", "manager", "parent", "staff", "nursery", "teacher",
        "children", "mediagate", "tablet", "school", "preschool", "kindergarten", "daycare",
    };

    /// <summary>Why <paramref name="password"/> is refused, or null when it is acceptable.</summary>
    public static string? PasswordProblem(string? password, string? username, int minLength)
    {
        if (password is null || password.Length < minLength || password.Length > MaxPasswordLength)
        {
            return $"Use {minLength} to {MaxPasswordLength} characters: a short sentence is easy to remember and hard to guess.";
        }

        var plain = new string(password.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var stem = plain.TrimEnd("0123456789".ToCharArray());
        if (plain.Length == 0 || Common.Contains(plain) || Common.Contains(stem))
        {
            return "This password is among the first ones anyone would try. Choose another, for example a short sentence.";
        }

        var user = new string((username ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        if (user.Length > 0 && (stem == user || plain == user + user || stem == user + user))
        {
            return "The password may not be the username.";
        }

        if (IsTrivial(plain))
        {
            return "The password may not be one character repeated or a run such as 12345678 or abcdefgh.";
        }

        return null;
    }

    /// <summary>Why <paramref name="pin"/> is refused, or null when it is acceptable.</summary>
    public static string? PinProblem(string? pin, int minLength)
    {
        if (pin is null || pin.Length < minLength || pin.Length > MaxPinLength || !pin.All(char.IsAsciiDigit))
        {
            return $"Use {minLength} to {MaxPinLength} digits.";
        }

        return IsTrivial(pin)
            ? "The PIN may not be one digit repeated, a run such as 123456 or 987654, or a short pattern repeated such as 121212."
            : null;
    }

    /// <summary>One character repeated, a run up or down (each character one more or one less than the one before), or
    /// a pattern of at most three characters repeated.</summary>
    private static bool IsTrivial(string text)
    {
        if (text.Length < 2)
        {
            return true;
        }

        return IsRun(text, 1) || IsRun(text, -1) || IsRun(text, 0) || IsRepeatedPattern(text);
    }

    private static bool IsRun(string text, int step)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] - text[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRepeatedPattern(string text)
    {
        for (var period = 2; period <= 3 && period < text.Length; period++)
        {
            var repeats = true;
            for (var i = period; i < text.Length && repeats; i++)
            {
                repeats = text[i] == text[i - period];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }
}
