using System.Globalization;

namespace MediaGate.Storage.Folder;

/// <summary>
/// Names of a folder store's temporary files, and which of them the start-up sweep may delete. Several nodes may
/// share one folder, so a temporary file may be another live process's put in progress: each name carries its
/// writer (<c>pid@host</c>), and a file is deleted only when its writer is a process of this host that is no longer
/// running, or when it has not been written to for <see cref="FolderObjectStoreOptions.TemporaryFileMaxAgeMinutes"/>
/// (writers on other hosts, or names from before writers were recorded). Assumes nodes sharing a folder have
/// distinct host names (containers and pods do).
/// </summary>
internal static class TemporaryFiles
{
    public const string Suffix = ".tmp";

    /// <summary>This process as a writer: <c>pid@host</c>, the host reduced to characters that cannot be mistaken for separators.</summary>
    public static string Owner { get; } = OwnerOf(Environment.ProcessId, Environment.MachineName);

    /// <summary>A fresh temporary file name: <c>.{prefix}.{pid@host}.{guid}.tmp</c>.</summary>
    public static string Name(string prefix) => string.Create(CultureInfo.InvariantCulture, $".{prefix}.{Owner}.{Guid.NewGuid():N}{Suffix}");

    public static string OwnerOf(int processId, string host) =>
        string.Create(CultureInfo.InvariantCulture, $"{processId}@{new string(host.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray())}");

    /// <summary>Whether the sweep may delete this temporary file now.</summary>
    /// <param name="path">The file.</param>
    /// <param name="lastWrite">When it was last written.</param>
    /// <param name="now">Now.</param>
    /// <param name="maxAge">How long a file may go unwritten before it counts as abandoned whoever wrote it.</param>
    /// <param name="isRunning">Whether a process of this host with that id runs.</param>
    public static bool MayDelete(string path, DateTimeOffset lastWrite, DateTimeOffset now, TimeSpan maxAge, Func<int, bool> isRunning)
    {
        ArgumentNullException.ThrowIfNull(isRunning);
        if (now - lastWrite > maxAge)
        {
            return true;
        }

        // ".{prefix}.{pid@host}.{guid}.tmp": the prefix may hold dots (a key segment), the rest does not.
        var parts = Path.GetFileName(path).Split('.');
        if (parts.Length < 4 || parts[^3].Split('@') is not [var pid, var host]
            || !int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
        {
            return false; // no writer recorded: only age tells
        }

        return OwnerOf(processId, host) != Owner
            && host == Owner[(Owner.IndexOf('@', StringComparison.Ordinal) + 1)..]
            && !isRunning(processId);
    }

    /// <summary>Whether a process with this id runs on this host (Linux: /proc; elsewhere assumed, leaving only the age rule).</summary>
    public static bool IsRunning(int processId) => !OperatingSystem.IsLinux() || Directory.Exists("/proc/" + processId.ToString(CultureInfo.InvariantCulture));
}
