using Npgsql;

namespace MediaGate.Testing.Service;

/// <summary>
/// One deployment's shared state in the test run's PostgreSQL cluster and Azurite: a database of its own and
/// two containers of its own, so tests never see each other's data although they share the two servers.
/// </summary>
internal sealed class SharedBackend
{
    private SharedBackend(string adminConnectionString, string database, string blobConnectionString, string suffix)
    {
        AdminConnectionString = adminConnectionString;
        Database = database;
        DatabaseConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ToString();
        BlobConnectionString = blobConnectionString;
        MasterContainer = "masters-" + suffix;
        RenditionContainer = "renditions-" + suffix;
    }

    public string AdminConnectionString { get; }

    public string Database { get; }

    public string DatabaseConnectionString { get; }

    public string BlobConnectionString { get; }

    public string MasterContainer { get; }

    public string RenditionContainer { get; }

    public string MasterKey { get; } = ServiceSettings.NewMasterKey();

    public static async Task<SharedBackend> CreateAsync(string adminConnectionString, string blobConnectionString)
    {
        var suffix = Guid.NewGuid().ToString("N")[..20];
        var database = "mg_" + suffix;
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new SharedBackend(adminConnectionString, database, blobConnectionString, suffix);
    }

    /// <summary>Rows of straight SQL against the deployment's database (used only to read what the API cannot show).</summary>
    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Straight SQL against the deployment's database (used only to read what the API cannot show).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
