using System.Net;
using System.Text;
using System.Text.Json;

namespace MediaGate.Service.Tests.BadInput;

/// <summary>
/// issue 7's bad input: malformed JSON, wrong content types, an oversized upload, a non-image file, a decompression
/// bomb, an unknown child id, a huge Idempotency-Key: each answered with a ProblemDetails of the right status (never
/// a 500 or a hang), the service still ready afterwards, and the upload accepted before them neither lost nor changed.
/// All mismatches are collected and reported together.
/// </summary>
[TestClass]
public sealed class BadInputTests : ServiceTest
{
    /// <summary>What each bad request got, for the test output.</summary>
    private static readonly StringBuilder Answers = new();

    /// <summary>Ingest:Limits:MaxBytes of this service: small, so the oversized upload is quick to send.</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_BadInputOfEveryKind_AnswersProblemDetailsAndKeepsWhatWasAccepted()
    {
        var work = NewWorkFolder("bad-input");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "bad-input", Models)
            .With("MEDIAGATE_Ingest__Limits__MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var photo = UploadFile.FromPath(TestPhotos.Solos[3]);
        var accepted = await nursery.Tablet.UploadAsync([photo], [nursery.Ava.ChildId], "accepted before the bad input");
        var acceptedItem = (await nursery.Tablet.WaitUntilDecidedAsync(accepted.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("released", acceptedItem.Status, service.LogTail());

        var mismatches = new StringBuilder();
        var manager = nursery.Manager;
        var tablet = nursery.Tablet;
        string ava = nursery.Ava.ChildId;

        // Malformed JSON and wrong content types on JSON endpoints.
        await ExpectProblemAsync(mismatches, "malformed JSON (child)", [400],
            manager.SendAsync(HttpMethod.Post, "/api/manager/children", new StringContent("{\"name\": \"Dora", Encoding.UTF8, "application/json")));
        await ExpectProblemAsync(mismatches, "malformed JSON (consent)", [400],
            manager.SendAsync(HttpMethod.Put, $"/api/manager/consents/{ava}/journal", new StringContent("{\"granted\": tru", Encoding.UTF8, "application/json")));
        await ExpectProblemAsync(mismatches, "JSON of the wrong shape (account)", [400],
            manager.SendAsync(HttpMethod.Post, "/api/manager/accounts", new StringContent("[1, 2, 3]", Encoding.UTF8, "application/json")));
        await ExpectProblemAsync(mismatches, "wrong content type (child as text/plain)", [415],
            manager.SendAsync(HttpMethod.Post, "/api/manager/children", new StringContent("{\"name\": \"Dora\"}", Encoding.UTF8, "text/plain")));
        await ExpectProblemAsync(mismatches, "wrong content type (upload as JSON)", [415],
            tablet.SendAsync(HttpMethod.Post, "/api/tablet/observations", new StringContent("{\"files\": []}", Encoding.UTF8, "application/json"), Key()));
        await ExpectProblemAsync(mismatches, "malformed faces JSON", [400],
            tablet.SendAsync(HttpMethod.Put, $"/api/tablet/media/{acceptedItem.MediaId}/faces", new StringContent("[{\"faceId\": ", Encoding.UTF8, "application/json")));

        // Uploads: oversized, not an image, a decompression bomb, an unknown child, a huge key, malformed children, no file.
        await ExpectProblemAsync(mismatches, "oversized upload", [413],
            tablet.SendUploadAsync([new UploadFile("huge.jpg", HostileFiles.Oversized(MaxBytes))], [ava], null, Guid.NewGuid().ToString("N")));
        await ExpectProblemAsync(mismatches, "non-image file", [415, 422],
            tablet.SendUploadAsync([new UploadFile("letter.jpg", HostileFiles.NotAnImage())], [ava], null, Guid.NewGuid().ToString("N")));
        await ExpectProblemAsync(mismatches, "unknown child id", [400, 422],
            tablet.SendUploadAsync([photo], [Guid.NewGuid().ToString("N")], null, Guid.NewGuid().ToString("N")));
        await ExpectProblemAsync(mismatches, "huge Idempotency-Key", [400],
            tablet.SendUploadAsync([photo], [ava], null, new string('k', 20_000)));
        await ExpectProblemAsync(mismatches, "children not a JSON array", [400],
            tablet.SendUploadAsync([photo], [], null, Guid.NewGuid().ToString("N"), childrenOverride: "ava, ben"));
        await ExpectProblemAsync(mismatches, "no file", [400],
            tablet.SendUploadAsync([], [ava], null, Guid.NewGuid().ToString("N")));

        // The bomb: refused at the door (a ProblemDetails), or accepted and then failed closed in processing.
        using (var bomb = await tablet.SendUploadAsync([new UploadFile("bomb.png", HostileFiles.PngBomb(), "image/png")], [ava], null, Guid.NewGuid().ToString("N")))
        {
            if (bomb.StatusCode == HttpStatusCode.Accepted)
            {
                var receipt = JsonSerializer.Deserialize<UploadReceipt>(await bomb.Content.ReadAsStringAsync(), ApiClient.Json)!;
                var item = (await tablet.WaitUntilDecidedAsync(receipt.ObservationId, TimeSpan.FromSeconds(60))).Single();
                Answers.AppendLine($"decompression bomb: 202, then {item.Status}");
                if (item.Status is not ("failed" or "blocked"))
                {
                    mismatches.AppendLine($"decompression bomb: accepted and then '{item.Status}', expected failed or blocked");
                }
            }
            else
            {
                await CheckProblemAsync(mismatches, "decompression bomb", [400, 413, 415, 422], bomb);
            }
        }

        // Still alive and ready, and nothing accepted before was lost or changed.
        using var anonymous = ApiClient.Anonymous(service.Address);
        using (var health = await anonymous.SendAsync(HttpMethod.Get, "/health/ready"))
        {
            Assert.AreEqual(HttpStatusCode.OK, health.StatusCode, "the service is still ready after the bad input");
        }

        var after = (await tablet.ObservationAsync(accepted.ObservationId)).Single();
        Assert.AreEqual(acceptedItem.MediaId, after.MediaId);
        Assert.AreEqual("released", after.Status, "the item accepted before is unchanged");
        var journal = await nursery.Ava.Parent.ParentMediaAsync();
        CollectionAssert.AreEqual(new[] { acceptedItem.MediaId }, journal.Select(m => m.MediaId).ToList(), "Ava's journal holds exactly the accepted photo");
        using (var image = await nursery.Ava.Parent.ParentImageAsync(acceptedItem.MediaId))
        {
            Assert.AreEqual(HttpStatusCode.OK, image.StatusCode, "its rendition is still served");
        }

        TestContext.WriteLine(Answers.ToString());
        Assert.AreEqual(0, mismatches.Length, "bad input answered wrongly:\n" + mismatches + "\n" + service.LogTail(30));
    }

    private static Action<HttpRequestMessage> Key() => request => request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));

    private static async Task ExpectProblemAsync(StringBuilder mismatches, string what, int[] statuses, Task<HttpResponseMessage> sending)
    {
        try
        {
            using var response = await sending;
            await CheckProblemAsync(mismatches, what, statuses, response);
        }
        catch (HttpRequestException e)
        {
            // A server that resets the connection instead of answering gives the tablet no reason.
            mismatches.AppendLine($"{what}: no answer ({e.Message}), expected {string.Join('/', statuses)} ProblemDetails");
        }
    }

    private static async Task CheckProblemAsync(StringBuilder mismatches, string what, int[] statuses, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Answers.AppendLine($"{what}: {status} {response.Content.Headers.ContentType?.MediaType}");
        var body = await response.Content.ReadAsStringAsync();
        if (!statuses.Contains(status))
        {
            mismatches.AppendLine($"{what}: {status}, expected {string.Join('/', statuses)}: {(body.Length > 300 ? body[..300] : body)}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            mismatches.AppendLine($"{what}: {status} as '{response.Content.Headers.ContentType}', expected application/problem+json (RFC 9457)");
            return;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("status", out var s) || s.GetInt32() != status || !problem.RootElement.TryGetProperty("title", out _))
            {
                mismatches.AppendLine($"{what}: the ProblemDetails lacks its status or title: {body}");
            }
        }
        catch (JsonException)
        {
            mismatches.AppendLine($"{what}: the problem body is not JSON: {body}");
        }
    }
}
