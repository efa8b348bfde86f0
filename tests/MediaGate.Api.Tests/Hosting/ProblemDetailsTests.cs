using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>Every error leaves as ProblemDetails with the right 4xx status, and a 500 says nothing about the server.</summary>
[TestClass]
public sealed class ProblemDetailsTests
{
    private static TestHost _service = null!;
    private static readonly ThrowingClock Clock = new();
    private static readonly RecordingLoggerProvider Log = new();

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        _service = await TestHost.StartAsync(new()
        {
            Settings = new Dictionary<string, string?> { ["Operations:MaxJsonBodyBytes"] = "4096" },
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log);
            },
        });

    [ClassCleanup]
    public static async Task StopAsync() => await _service.DisposeAsync();

    [TestMethod]
    public async Task Post_MalformedJson_Returns400()
    {
        using var response = await SendAsync("manager", HttpMethod.Post, "/api/manager/children", Json("{\"name\": \"Ada\""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task Post_JsonOfTheWrongShape_Returns400()
    {
        using var response = await SendAsync("manager", HttpMethod.Post, "/api/manager/children", Json("[1, 2, 3]"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task Post_NoBody_Returns400()
    {
        using var response = await SendAsync("manager", HttpMethod.Post, "/api/manager/children", Json(""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task Post_WrongContentType_Returns415()
    {
        using var response = await SendAsync("manager", HttpMethod.Post, "/api/manager/children", new StringContent("name=Ada", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [TestMethod]
    public async Task Post_BodyOverTheLimit_Returns413()
    {
        string json = "{\"name\": \"" + new string('a', 8192) + "\"}";

        using var response = await SendAsync("manager", HttpMethod.Post, "/api/manager/children", Json(json));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestMethod]
    public async Task Post_ChunkedBodyOverTheLimit_Returns413()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"name\": \"" + new string('a', 8192) + "\"}");
        using var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await SendAsync("manager", HttpMethod.Post, "/api/manager/children", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestMethod]
    public async Task Get_UnknownRoute_Returns404()
    {
        using var response = await _service.Client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task Delete_MethodNotMapped_Returns405()
    {
        using var response = await SendAsync("manager", HttpMethod.Delete, "/api/manager/children");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [TestMethod]
    public async Task Get_ManagerEndpointWithoutCredentials_Returns401()
    {
        using var response = await _service.Client.GetAsync(new Uri("/api/manager/children", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task Get_ManagerEndpointAsParent_Returns403()
    {
        using var response = await SendAsync("parent", HttpMethod.Get, "/api/manager/children");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [TestMethod]
    [DoNotParallelize]
    public async Task Get_ServerFault_Returns500WithoutItsInternals()
    {
        Clock.Fail = true;
        HttpResponseMessage response;
        try
        {
            response = await SendAsync("manager", HttpMethod.Get, "/api/manager/consents");
        }
        finally
        {
            Clock.Fail = false;
        }

        using (response)
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
            string text = problem.GetRawText();
            Assert.DoesNotContain(ThrowingClock.Secret, text);
            Assert.DoesNotContain("InvalidOperationException", text);
            Assert.DoesNotContain(" at ", text);
            string traceId = problem.GetProperty("traceId").GetString()!;
            Assert.IsTrue(
                Log.Events.Any(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(traceId, StringComparison.Ordinal)
                    && e.Exception?.Message == ThrowingClock.Secret),
                "the fault is in the log, with the trace id the client was given");
        }
    }

    [TestMethod]
    [DoNotParallelize]
    public async Task Get_DatabaseFull_Returns503WithRetryAfter()
    {
        var response = await SendFailingAsync(DatabaseFull());

        using (response)
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.AreEqual("Out of space.", problem.GetProperty("title").GetString());
            Assert.IsGreaterThan(TimeSpan.Zero, response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, "a 503 tells the client when to try again");
        }
    }

    [TestMethod]
    [DoNotParallelize]
    public async Task Get_DiskFull_Returns503WithRetryAfter()
    {
        var response = await SendFailingAsync(new IOException("No space left on device", 28));

        using (response)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.IsNotNull(response.Headers.RetryAfter);
        }
    }

    private static async Task<HttpResponseMessage> SendFailingAsync(Exception failure)
    {
        Clock.Failure = failure;
        try
        {
            return await SendAsync("manager", HttpMethod.Get, "/api/manager/consents");
        }
        finally
        {
            Clock.Failure = null;
        }
    }

    /// <summary>A real SQLITE_FULL: a database capped at a few pages, filled past them.</summary>
    private static Microsoft.Data.Sqlite.SqliteException DatabaseFull()
    {
        string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mediagate-full-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA max_page_count = 4; CREATE TABLE t (x TEXT);";
            command.ExecuteNonQuery();
            command.CommandText = $"INSERT INTO t VALUES ('{new string('x', 2000)}')";
            return Assert.ThrowsExactly<Microsoft.Data.Sqlite.SqliteException>(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    command.ExecuteNonQuery();
                }
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> SendAsync(string role, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = await _service.AsAsync(role, method, path, content);
        return await _service.Client.SendAsync(request);
    }

    /// <summary>A stream that does not tell its length, so the client sends the body chunked (no Content-Length).</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
