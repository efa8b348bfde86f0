using MediaGate.Data.Identity;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

[TestClass]
public sealed class SqlDeviceRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RevokeAsync_DeviceInUse_IsRevokedOnceThenAlreadyRevoked(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var device = IdentitySample.Device("Robins iPad", Sample.Now);
        await test.Database.Devices.AddAsync(device);
        Assert.AreEqual(device, await test.Database.Devices.FindAsync(device.Id));

        Assert.AreEqual(Revocation.Revoked, await test.Database.Devices.RevokeAsync(device.Id, Sample.Now.AddHours(1)));
        Assert.AreEqual(Revocation.AlreadyRevoked, await test.Database.Devices.RevokeAsync(device.Id, Sample.Now.AddHours(2)));
        Assert.AreEqual(Revocation.NotFound, await test.Database.Devices.RevokeAsync("unknown", Sample.Now));

        var stored = await test.Database.Devices.FindAsync(device.Id);
        Assert.IsTrue(stored!.IsRevoked);
        Assert.AreEqual(Sample.Now.AddHours(1), stored.RevokedAt, "the first revocation's time stays");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ListAsync_TwoDevices_OldestFirst(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var later = IdentitySample.Device("later", Sample.Now.AddMinutes(5));
        var earlier = IdentitySample.Device("earlier", Sample.Now);
        await test.Database.Devices.AddAsync(later);
        await test.Database.Devices.AddAsync(earlier);

        CollectionAssert.AreEqual(new[] { earlier, later }, (await test.Database.Devices.ListAsync()).ToArray());
    }
}
