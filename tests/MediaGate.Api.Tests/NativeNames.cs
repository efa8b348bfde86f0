using System.Runtime.InteropServices;

namespace MediaGate.Api.Tests;

/// <summary>mkdir(2) with a raw byte name: .NET strings cannot hold a file name that is not valid UTF-8.</summary>
internal static partial class NativeNames
{
    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    public static partial int MakeFolder([In] byte[] nullTerminatedPath, uint mode);
}
