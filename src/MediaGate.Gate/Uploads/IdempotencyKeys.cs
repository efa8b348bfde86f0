namespace MediaGate.Gate.Uploads;

/// <summary>The <c>Idempotency-Key</c> header's shape: 1 to 128 printable ASCII characters (space to tilde).</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 128;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (char c in key)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
