using System.Buffers.Binary;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// Accepts a colour profile only when it is one ("a colour profile may stay", product.md), so that the
/// ICC_PROFILE identifier cannot carry anything else out. The APP2 chunks must number 1..n exactly once each
/// with the same n; the assembled bytes must be an ICC profile of exactly the size its header declares
/// ('acsp' at 36, a tag table inside the profile, every tag inside the profile), and every byte after the
/// tag table must belong to some tag, apart from up to 3 bytes of 4-byte alignment padding before each tag.
/// Anything else is dropped rather than refused: a missing profile only shifts colours slightly, while
/// refusing would lose the photo; either way nothing unchecked leaves.
/// </summary>
internal static class IccProfile
{
    private const int HeaderLength = 128;
    private const int TagEntryLength = 12;

    /// <summary>APP2 ICC payload: "ICC_PROFILE\0", sequence number (1-based), chunk count, data.</summary>
    private const int ChunkHeaderLength = 14;

    /// <summary>The largest data part of one APP2 chunk: 65535 minus the length field and the chunk header.</summary>
    public const int MaxChunkData = 65535 - 2 - ChunkHeaderLength;

    /// <summary>The profile from its APP2 payloads, or null when there is none or it is not a valid profile.</summary>
    public static byte[]? Assemble(IReadOnlyList<byte[]> chunkPayloads)
    {
        if (chunkPayloads.Count == 0 || chunkPayloads.Any(p => p.Length < ChunkHeaderLength))
        {
            return null;
        }

        int count = chunkPayloads[0][13];
        if (count != chunkPayloads.Count || chunkPayloads.Any(p => p[13] != count))
        {
            return null;
        }

        var ordered = chunkPayloads.OrderBy(p => p[12]).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i][12] != i + 1)
            {
                return null;
            }
        }

        var profile = ordered.SelectMany(p => p.Skip(ChunkHeaderLength)).ToArray();
        return IsValid(profile) ? profile : null;
    }

    public static bool IsValid(ReadOnlySpan<byte> profile)
    {
        if (profile.Length < HeaderLength + 4 || BinaryPrimitives.ReadUInt32BigEndian(profile) != (uint)profile.Length
            || !profile.Slice(36, 4).SequenceEqual("acsp"u8))
        {
            return false;
        }

        var tagCount = BinaryPrimitives.ReadUInt32BigEndian(profile[HeaderLength..]);
        var tableEnd = HeaderLength + 4L + (tagCount * (long)TagEntryLength);
        if (tagCount == 0 || tableEnd > profile.Length)
        {
            return false;
        }

        var tags = new List<(long Start, long End)>();
        for (var i = 0; i < tagCount; i++)
        {
            var entry = profile.Slice(HeaderLength + 4 + (i * TagEntryLength), TagEntryLength);
            long offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            if (offset < tableEnd || size == 0 || offset + size > profile.Length)
            {
                return false;
            }

            tags.Add((offset, offset + size));
        }

        // Walk the tag data in order (tags may share data): a gap of more than alignment padding is room
        // for a payload nothing reads.
        var covered = tableEnd;
        foreach (var (start, end) in tags.OrderBy(t => t.Start))
        {
            if (start - covered > 3)
            {
                return false;
            }

            covered = Math.Max(covered, end);
        }

        return profile.Length - covered <= 3;
    }

    /// <summary>The profile as APP2 segments (marker, length, "ICC_PROFILE\0", sequence, count, data).</summary>
    public static byte[] ToSegments(ReadOnlySpan<byte> profile)
    {
        var count = (profile.Length + MaxChunkData - 1) / MaxChunkData;
        if (count is 0 or > 255)
        {
            return [];
        }

        using var output = new MemoryStream(profile.Length + (count * 18));
        for (var i = 0; i < count; i++)
        {
            var data = profile.Slice(i * MaxChunkData, Math.Min(MaxChunkData, profile.Length - (i * MaxChunkData)));
            var length = data.Length + 2 + ChunkHeaderLength;
            output.Write([0xFF, 0xE2, (byte)(length >> 8), (byte)length]);
            output.Write(JpegMarkerPolicy.IccIdentifier);
            output.Write([(byte)(i + 1), (byte)count]);
            output.Write(data);
        }

        return output.ToArray();
    }
}
