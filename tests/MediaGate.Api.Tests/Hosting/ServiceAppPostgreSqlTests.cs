using System.Net;
using MediaGate.Data;
using MediaGate.Testing.Servers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>The host on PostgreSQL (Database:Provider=PostgreSql) against a throw-away cluster: one database per test.</summary>
[TestClass]
public sealed class ServiceAppPostgreSqlTests
{
    private static PostgresCluster _cluster = null!;

    [ClassInitialize]
    public static void StartCluster(TestContext context) => _cluster = PostgresCluster.Start();

    [ClassCleanup]
    public static void StopCluster() => _cluster.Dispose();

    [TestMethod]
    public async Task Build_PostgreSqlProvider_MigratesTheDatabaseAndIsReady()
    {
        string connectionString = await NewDatabaseAsync();
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = connectionString,
        } });

        using var ready = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        string id = await ManagerCalls.CreateChildAsync(service, "Ada");
        await using var reopened = await MediaGateDatabase.OpenPostgreSqlAsync(connectionString, TimeProvider.System);

        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
        Assert.AreEqual(StoreKind.PostgreSql, service.Services.GetRequiredService<MediaGateDatabase>().Kind);
        Assert.IsFalse(File.Exists(Path.Combine(service.DataDirectory, MediaGateDatabase.SqliteFileName)));
        Assert.AreEqual("Ada", (await reopened.Children.FindAsync(new Consent.People.ChildId(id)))?.Name);
    }

    [TestMethod]
    public async Task Build_PostgreSqlUnreachable_RefusesToStart()
    {
        string closed = $"Host=127.0.0.1;Port={FreeClosedPort()};Username=nobody;Database=none;Timeout=2";

        await Assert.ThrowsAsync<Exception>(() => TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = closed,
        } }));
    }

    private static async Task<string> NewDatabaseAsync()
    {
        string name = "host_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_cluster.ConnectionString) { Database = name }.ToString();
    }

    private static int FreeClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
