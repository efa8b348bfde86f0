namespace MediaGate.Storage.Tests;

[TestClass]
public sealed class ObjectKeyTests
{
    [TestMethod]
    [DataRow("../etc/passwd")]
    [DataRow("a/../../b")]
    [DataRow("a/..")]
    [DataRow("..")]
    [DataRow("a/./b")]
    [DataRow("/etc/passwd")]
    [DataRow("a//b")]
    [DataRow("a/")]
    [DataRow("")]
    [DataRow(".hidden")]
    [DataRow("a/.tmp")]
    [DataRow("Upper/case")]
    [DataRow("a\\..\\b")]
    [DataRow("a b")]
    [DataRow("a~")]
    [DataRow("a\0b")]
    [DataRow("a/b\n")]
    [DataRow("é")]
    public void Parse_UnsafeOrMalformedKey_ThrowsInvalidKey(string value)
    {
        var error = Assert.ThrowsExactly<ObjectStoreException>(() => ObjectKey.Parse(value));

        Assert.AreEqual(ObjectStoreFailureKind.InvalidKey, error.Kind);
        Assert.IsFalse(ObjectKey.TryParse(value, out _));
    }

    [TestMethod]
    public void Parse_KeyLongerThan201Characters_ThrowsInvalidKey()
    {
        Assert.IsTrue(ObjectKey.TryParse(new string('a', 201), out _));
        Assert.IsFalse(ObjectKey.TryParse(new string('a', 202), out _));
    }

    [TestMethod]
    [DataRow("masters/2026/11/0f3a.jpg")]
    [DataRow("renditions/item-1/parent_7/v2.jpg")]
    [DataRow("a")]
    [DataRow("a.b-c_d/e")]
    public void Parse_WellFormedKey_KeepsValueAndSegments(string value)
    {
        var key = ObjectKey.Parse(value);

        Assert.AreEqual(value, key.Value);
        Assert.AreEqual(value.Split('/').Length, key.Segments.Count);
    }
}
