using MediaGate.Ingest.Orient;

namespace MediaGate.Ingest.Tests.Orient;

[TestClass]
public sealed class ExifOrientationReaderTests
{
    [TestMethod]
    [DataRow(false, 6)]
    [DataRow(true, 8)]
    public void FromApp1Payload_ExifWithOrientation_ReadsIt(bool bigEndian, int orientation)
    {
        var payload = "Exif\0\0"u8.ToArray().Concat(TiffWithOrientation(bigEndian, (ushort)orientation)).ToArray();

        Assert.AreEqual(orientation, ExifOrientationReader.FromApp1Payload(payload));
    }

    [TestMethod]
    public void FromApp1Payload_Xmp_ReturnsNull()
    {
        Assert.IsNull(ExifOrientationReader.FromApp1Payload("http://ns.adobe.com/xap/1.0/\0<x/>"u8));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(9)]
    [DataRow(65535)]
    public void FromTiff_OutOfRangeValue_MeansAsStored(int value)
    {
        Assert.AreEqual(1, ExifOrientationReader.FromTiff(TiffWithOrientation(false, (ushort)value)));
    }

    [TestMethod]
    public void FromTiff_TruncatedIfd_MeansAsStored()
    {
        var tiff = TiffWithOrientation(false, 6);

        Assert.AreEqual(1, ExifOrientationReader.FromTiff(tiff.AsSpan(0, 12)));
    }

    [TestMethod]
    public void FromTiff_OffsetPastEnd_MeansAsStored()
    {
        var tiff = TiffWithOrientation(false, 6);
        tiff[4] = 0xFF;
        tiff[5] = 0xFF;

        Assert.AreEqual(1, ExifOrientationReader.FromTiff(tiff));
    }

    /// <summary>A minimal TIFF structure: header, IFD0 with one SHORT entry 0x0112, no next IFD.</summary>
    private static byte[] TiffWithOrientation(bool bigEndian, ushort orientation)
    {
        var bytes = new byte[8 + 2 + 12 + 4];
        void Put16(int at, ushort v)
        {
            bytes[at] = (byte)(bigEndian ? v >> 8 : v);
            bytes[at + 1] = (byte)(bigEndian ? v : v >> 8);
        }

        bytes[0] = bytes[1] = (byte)(bigEndian ? 'M' : 'I');
        Put16(2, 42);
        Put16(bigEndian ? 6 : 4, 8); // IFD0 offset (32-bit; low half)
        Put16(8, 1);
        Put16(10, 0x0112);
        Put16(12, 3); // SHORT
        Put16(bigEndian ? 16 : 14, 1); // count (32-bit; low half)
        Put16(18, orientation);
        return bytes;
    }
}
