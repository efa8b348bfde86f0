using System.Security.Cryptography;
using MediaGate.Storage.Hosting;

namespace MediaGate.Api.Hosting;

/// <summary>
/// The embedded default's master key (issue 7, item 4: masters are encrypted at rest with a key from
/// configuration). When no key is configured and the master store is the local folder, a key is generated
/// once into <c>&lt;data&gt;/master.key</c> (mode 0600) and used from then on, so that <c>serve</c> on an
/// empty folder works. Production should configure its own key (kept away from the data it protects: a
/// key beside the masters protects only against someone who copies the masters alone). With the
/// AzureBlob master store no key is generated: several nodes must share one configured key.
/// </summary>
internal static class MasterKeyFile
{
    public const string FileName = "master.key";
    public const string KeyId = "local-1";
    private const string Section = "Storage:Encryption";

    /// <summary>What happened, for the log once logging exists.</summary>
    public enum Outcome
    {
        Configured,
        Loaded,
        Generated,
        NotApplicable,
    }

    public static Outcome Apply(ConfigurationManager configuration, string dataDirectory)
    {
        if (configuration.GetSection($"{Section}:MasterKeys").GetChildren().Any())
        {
            return Outcome.Configured;
        }

        if (!string.Equals(configuration["Storage:Master:Kind"], nameof(ObjectStoreKind.Folder), StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.NotApplicable;
        }

        string path = Path.Combine(dataDirectory, FileName);
        Outcome outcome = File.Exists(path) ? Outcome.Loaded : Outcome.Generated;
        string key = outcome == Outcome.Loaded ? Read(path) : Generate(path);
        configuration.AddInMemoryCollection(
        [
            new($"{Section}:CurrentKeyId", KeyId),
            new($"{Section}:MasterKeys:0:Id", KeyId),
            new($"{Section}:MasterKeys:0:Key", key),
        ]);
        return outcome;
    }

    private static string Read(string path)
    {
        string key = File.ReadAllText(path).Trim();
        var buffer = new byte[32];
        if (!Convert.TryFromBase64String(key, buffer, out int written) || written != buffer.Length)
        {
            // Never replace it: the masters written under the old key would be lost for good.
            throw new InvalidOperationException($"{path} does not hold a 32-byte base64 key; restore it from a backup or configure Storage:Encryption.");
        }

        return key;
    }

    private static string Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(key);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process on the same data folder wrote it first: use theirs.
            return Read(path);
        }

        return key;
    }
}
