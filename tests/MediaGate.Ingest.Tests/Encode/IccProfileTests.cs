using System.Buffers.Binary;
using MediaGate.Ingest.Encode;

namespace MediaGate.Ingest.Tests.Encode;

[TestClass]
public sealed class IccProfileTests
{
    private static byte[] Chunk(int sequence, int count, ReadOnlySpan<byte> data) => [.. "ICC_PROFILE\0"u8, (byte)sequence, (byte)count, .. data];

    [TestMethod]
    public void Assemble_CameraProfileInTwoChunksOutOfOrder_Reassembled()
    {
        var profile = IccTestProfiles.FromCamera();
        var half = profile.Length / 2;

        var assembled = IccProfile.Assemble([Chunk(2, 2, profile.AsSpan(half)), Chunk(1, 2, profile.AsSpan(0, half))]);

        CollectionAssert.AreEqual(profile, assembled);
    }

    [TestMethod]
    public void Assemble_MissingOrRepeatedChunk_Dropped()
    {
        var profile = IccTestProfiles.FromCamera();
        var half = profile.Length / 2;

        Assert.IsNull(IccProfile.Assemble([Chunk(1, 2, profile.AsSpan(0, half))]));
        Assert.IsNull(IccProfile.Assemble([Chunk(1, 2, profile.AsSpan(0, half)), Chunk(1, 2, profile.AsSpan(half))]));
        Assert.IsNull(IccProfile.Assemble([Chunk(1, 2, profile.AsSpan(0, half)), Chunk(2, 3, profile.AsSpan(half))]));
    }

    [TestMethod]
    public void IsValid_SizeFieldSignatureOrTagTableWrong_False()
    {
        var profile = IccTestProfiles.FromCamera();
        Assert.IsTrue(IccProfile.IsValid(profile), "test setup: the camera's profile is valid");

        var wrongSize = (byte[])profile.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(wrongSize, (uint)profile.Length + 100);
        var noSignature = (byte[])profile.Clone();
        noSignature[36] = (byte)'x';
        var tooManyTags = (byte[])profile.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(tooManyTags.AsSpan(128), 100_000);
        var tagOutside = (byte[])profile.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(tagOutside.AsSpan(132 + 4), (uint)profile.Length - 2);

        Assert.IsFalse(IccProfile.IsValid(wrongSize));
        Assert.IsFalse(IccProfile.IsValid(noSignature));
        Assert.IsFalse(IccProfile.IsValid(tooManyTags));
        Assert.IsFalse(IccProfile.IsValid(tagOutside));
        Assert.IsFalse(IccProfile.IsValid(profile.AsSpan(0, 100)));
    }

    [TestMethod]
    public void ToSegments_ProfileLargerThanOneSegment_SplitAndReassembled()
    {
        // Recipe: a profile-sized buffer of 150,000 bytes (three APP2 chunks); only the chunking is tested here.
        var data = new byte[150_000];
        new Random(6).NextBytes(data);

        var segments = IccProfile.ToSegments(data);

        var payloads = new List<byte[]>();
        for (var pos = 0; pos < segments.Length;)
        {
            var length = (segments[pos + 2] << 8) | segments[pos + 3];
            payloads.Add(segments[(pos + 4)..(pos + 2 + length)]);
            pos += 2 + length;
        }

        Assert.HasCount(3, payloads);
        CollectionAssert.AreEqual(data, payloads.SelectMany(p => p[14..]).ToArray());
        Assert.IsTrue(payloads.All(p => p[13] == 3));
    }
}
