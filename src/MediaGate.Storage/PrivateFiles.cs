namespace MediaGate.Storage;

/// <summary>
/// Everything MediaGate keeps on disk is private to the service's user (issue 13: renditions were 0644 under a 0755
/// tree, so any local user could read every child's released photos; the database, with children's names and the
/// signing keys, was 0644): folders 0700, files 0600, whatever the process's umask. Existing folders and files
/// made by an older version are narrowed too.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) 0700, and narrows it to 0700 when it exists.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
        if ((File.GetUnixFileMode(path) & ~FolderMode) != 0)
        {
            File.SetUnixFileMode(path, FolderMode);
        }
    }

    /// <summary>Narrows an existing file to 0600 (a file made by an older version); nothing when it does not exist.</summary>
    public static void Narrow(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Creates <paramref name="path"/> empty and 0600 when it does not exist yet (so that a library that
    /// opens it later, such as SQLite, finds it private), else narrows it.</summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }
        catch (IOException) when (File.Exists(path))
        {
            Narrow(path);
        }
    }

    /// <summary>The options with <see cref="FileStreamOptions.UnixCreateMode"/> 0600 where the platform has it.</summary>
    public static FileStreamOptions CreateNewOptions(FileStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
