using System.Net;
using System.Text.Json;
using MediaGate.Api.Tests.Hosting;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary><c>/api/manager/audit</c> and <c>/api/manager/audit/verify</c> through HTTP (issue 7, item 7).</summary>
[TestClass]
public sealed class ManagerAuditTests
{
    [TestMethod]
    public async Task ReadAudit_AfterChanges_EachEntryCarriesThePreviousHash()
    {
        await using var service = await TestHost.StartAsync();
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        await ManagerCalls.ChangeConsentAsync(service, child, "journal", new { granted = true, givenBy = "Mother", evidence = "form 1" });

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit");
        var entries = (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToArray();

        Assert.IsGreaterThanOrEqualTo(2, entries.Length);
        for (int i = 1; i < entries.Length; i++)
        {
            Assert.AreEqual(entries[i - 1].GetProperty("hash").GetString(), entries[i].GetProperty("previousHash").GetString());
        }

        var actions = entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("subject").GetString())).ToArray();
        CollectionAssert.Contains(actions, ("child-create", child));
        CollectionAssert.Contains(actions, ("consent-change", child));
        string manager = await service.ManagerIdAsync();
        Assert.AreEqual(manager, entries.Single(e => e.GetProperty("action").GetString() == "consent-change").GetProperty("actor").GetString());
    }

    /// <summary>
    /// The audit log's sentences said "photo" of a video ("Released photo 1a2b3c4d for journal." for a clip): each names
    /// the item by its stored kind, in the page and in audit.csv alike, and an upload counts its photos and videos apart.
    /// </summary>
    [TestMethod]
    public async Task ReadAudit_EntriesAboutAVideoAndAPhoto_SentencesNameEachByItsKind()
    {
        await using var service = await TestHost.StartAsync();
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        var (observation, video, photo) = await AddVideoAndPhotoAsync(service, child);
        await service.Database.Audit.AppendAsync(new AuditEvent("staff-1", "upload", observation,
            JsonSerializer.Serialize(new { device = "tablet-1", items = new[] { new { mediaId = video }, new { mediaId = photo } } })));
        foreach (var item in new[] { video, photo })
        {
            await service.Database.Audit.AppendAsync(new AuditEvent("manager-1", "decision", item, "{\"purpose\":\"journal\",\"action\":\"release\"}"));
            await service.Database.Audit.AppendAsync(new AuditEvent("manager-1", "view-face-crop", item, "{\"faceId\":\"f1\",\"number\":1}"));
        }

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit");
        var said = (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToArray();
        using var csv = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit.csv");
        string exported = await csv.Content.ReadAsStringAsync();

        string[] expected =
        [
            "Uploaded 1 photo and 1 video from a tablet.",
            $"Released video {video[..8]} for journal.",
            $"Viewed a face of video {video[..8]} for a spot check.",
            $"Released photo {photo[..8]} for journal.",
            $"Viewed a face of photo {photo[..8]} for a spot check.",
        ];
        foreach (var sentence in expected)
        {
            CollectionAssert.Contains(said, sentence);
            Assert.Contains(sentence, exported, "audit.csv says the same");
        }
    }

    [TestMethod]
    public async Task ReadAudit_PeriodBeforeAnyEntry_ReturnsNone()
    {
        await using var service = await TestHost.StartAsync();
        await ManagerCalls.CreateChildAsync(service, "Ben");

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z");

        Assert.AreEqual(0, (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).GetArrayLength());
    }

    [TestMethod]
    public async Task ReadAudit_ToBeforeFrom_Returns400()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task ReadAudit_FromIsNotADate_Returns400()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?from=yesterday");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task ReadAudit_LimitAndAfter_PageThroughTheLogInOrderWithoutGapsOrRepeats()
    {
        await using var service = await TestHost.StartAsync();
        for (int i = 0; i < 5; i++)
        {
            await ManagerCalls.CreateChildAsync(service, "Child " + i);
        }

        long[] expected = await SequencesAsync(service, "");
        var paged = await PageThroughAsync(service, "", "after");

        Assert.IsGreaterThanOrEqualTo(5, expected.Length);
        CollectionAssert.AreEqual(expected, paged);
    }

    [TestMethod]
    public async Task ReadAudit_OrderNewestAndBefore_PageThroughTheLogNewestFirstWithoutGapsOrRepeats()
    {
        await using var service = await TestHost.StartAsync();
        for (int i = 0; i < 5; i++)
        {
            await ManagerCalls.CreateChildAsync(service, "Child " + i);
        }

        long[] expected = (await SequencesAsync(service, "")).Reverse().ToArray();
        var paged = await PageThroughAsync(service, "order=newest&", "before");

        Assert.IsGreaterThanOrEqualTo(5, expected.Length);
        CollectionAssert.AreEqual(expected, paged, "newest first, each page before the last one read");
    }

    [TestMethod]
    public async Task ReadAudit_UnknownOrder_Returns400()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?order=sideways");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>Page values the console never sends, typed by hand or cut short: a 400 ProblemDetails each, never a 500.</summary>
    [TestMethod]
    [DataRow("before=abc")]
    [DataRow("before=-1")]
    [DataRow("before=0")]
    [DataRow("before=1.5")]
    [DataRow("before=99999999999999999999")]
    [DataRow("after=-1")]
    [DataRow("after=abc")]
    [DataRow("after=99999999999999999999")]
    [DataRow("limit=0")]
    [DataRow("limit=-3")]
    [DataRow("limit=abc")]
    [DataRow("limit=99999999999")]
    [DataRow("order=NEWEST")]
    [DataRow("order=newest%00")]
    [DataRow("order=newest&order=oldest")]
    [DataRow("before=3&before=4")]
    [DataRow("order=newest&before=0&after=0")]
    [DataRow("from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z&order=newest")]
    [DataRow("from=yesterday&order=newest")]
    public async Task ReadAudit_BadPageValues_Return400Problem(string query)
    {
        await using var service = await TestHost.StartAsync();
        await ManagerCalls.CreateChildAsync(service, "Ada");

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?" + query);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// <c>after</c> and <c>before</c> together, newest first, with an action filter and extreme bounds: the entries strictly
    /// between them that match, newest first; bounds that cross or touch give none (a 200, not an error).
    /// </summary>
    [TestMethod]
    public async Task ReadAudit_AfterAndBeforeNewestWithAFilter_EntriesStrictlyBetweenNewestFirst()
    {
        await using var service = await TestHost.StartAsync();
        for (int i = 0; i < 6; i++)
        {
            await ManagerCalls.CreateChildAsync(service, "Child " + i);
        }

        long[] creates = await SequencesAsync(service, "action=child-create");
        Assert.IsGreaterThanOrEqualTo(6, creates.Length);
        long low = creates[1], high = creates[^2];
        long[] expected = creates.Where(s => s > low && s < high).Reverse().ToArray();

        CollectionAssert.AreEqual(expected, await SequencesAsync(service, $"order=newest&action=child-create&after={low}&before={high}"));
        CollectionAssert.AreEqual(expected.Take(2).ToArray(), await SequencesAsync(service, $"order=newest&action=child-create&after={low}&before={high}&limit=2"));
        CollectionAssert.AreEqual(expected.Reverse().ToArray(), await SequencesAsync(service, $"order=oldest&action=child-create&after={low}&before={high}"));
        Assert.IsEmpty(await SequencesAsync(service, $"order=newest&after={high}&before={low}"));
        Assert.IsEmpty(await SequencesAsync(service, $"after={low}&before={low + 1}"));
        Assert.IsEmpty(await SequencesAsync(service, "order=newest&after=9223372036854775806&before=9223372036854775807"));
        Assert.AreEqual(creates[^1], (await SequencesAsync(service, "order=newest&action=child-create&before=9223372036854775807&limit=1")).Single());
    }

    [TestMethod]
    public async Task ReadAudit_LimitOverTheMaximum_Returns400()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?limit=10001");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task VerifyAudit_UntouchedLog_IsIntact()
    {
        await using var service = await TestHost.StartAsync();
        await ManagerCalls.CreateChildAsync(service, "Cat");
        await ManagerCalls.CreateChildAsync(service, "Dan");

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit/verify");
        var result = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.IsTrue(result.GetProperty("intact").GetBoolean());
        Assert.IsGreaterThanOrEqualTo(2, result.GetProperty("checked").GetInt64());
    }

    [TestMethod]
    public async Task VerifyAudit_EntryEditedInTheDatabase_NamesItAsTheFirstBrokenLink()
    {
        await using var service = await TestHost.StartAsync();
        await ManagerCalls.CreateChildAsync(service, "Eve");
        await ManagerCalls.CreateChildAsync(service, "Fay");
        await ManagerCalls.CreateChildAsync(service, "Gus");
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(service.DataDirectory, MediaGateDatabase.SqliteFileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            // Someone with the database file: the append-only trigger goes first, then the entry is edited.
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET subject = 'someone-else' WHERE seq = 2";
            Assert.AreEqual(1, await command.ExecuteNonQueryAsync());
        }

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit/verify");
        var result = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.IsFalse(result.GetProperty("intact").GetBoolean());
        Assert.AreEqual(2, result.GetProperty("firstBroken").GetInt64());
        Assert.AreEqual(1, result.GetProperty("checked").GetInt64());
    }

    [TestMethod]
    public async Task VerifyAudit_AsParent_Returns403()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit/verify", role: "parent");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [TestMethod]
    public async Task ReadAudit_ActionPrefixAndActor_KeepOnlyTheMatchingEntries()
    {
        await using var service = await TestHost.StartAsync();
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        await ManagerCalls.ChangeConsentAsync(service, child, "journal", new { granted = true, givenBy = "Mother", evidence = "form 1" });
        await ManagerCalls.ChangeConsentAsync(service, child, "website", new { granted = true, givenBy = "Mother", evidence = "form 1" });
        string manager = await service.ManagerIdAsync();

        using var consent = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?action=consent-");
        using var byManager = await ManagerCalls.SendAsync(service, HttpMethod.Get, $"/api/manager/audit?actor={manager}&action=child-");
        using var byNobody = await ManagerCalls.SendAsync(service, HttpMethod.Get, $"/api/manager/audit?actor={Guid.NewGuid():N}");
        using var likeWildcard = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?action=%25");

        var consentActions = (await ManagerCalls.ReadJsonAsync(consent, HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "consent-change", "consent-change" }, consentActions);
        var mine = (await ManagerCalls.ReadJsonAsync(byManager, HttpStatusCode.OK)).EnumerateArray().ToArray();
        Assert.HasCount(1, mine);
        Assert.AreEqual(child, mine[0].GetProperty("subject").GetString());
        Assert.AreEqual(0, (await ManagerCalls.ReadJsonAsync(byNobody, HttpStatusCode.OK)).GetArrayLength());
        Assert.AreEqual(0, (await ManagerCalls.ReadJsonAsync(likeWildcard, HttpStatusCode.OK)).GetArrayLength(), "'%' is a character here, not a LIKE wildcard");
    }

    [TestMethod]
    public async Task ReadAudit_FilteredPages_FollowEachOtherWithAfter()
    {
        await using var service = await TestHost.StartAsync();
        string[] children = [await ManagerCalls.CreateChildAsync(service, "A"), await ManagerCalls.CreateChildAsync(service, "B"), await ManagerCalls.CreateChildAsync(service, "C")];

        using var first = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?action=child-create&limit=2");
        var page1 = (await ManagerCalls.ReadJsonAsync(first, HttpStatusCode.OK)).EnumerateArray().ToArray();
        long after = page1[^1].GetProperty("sequence").GetInt64();
        using var second = await ManagerCalls.SendAsync(service, HttpMethod.Get, $"/api/manager/audit?action=child-create&limit=2&after={after}");
        var page2 = (await ManagerCalls.ReadJsonAsync(second, HttpStatusCode.OK)).EnumerateArray().ToArray();

        CollectionAssert.AreEqual(children, page1.Concat(page2).Select(e => e.GetProperty("subject").GetString()).ToArray());
    }

    [TestMethod]
    public async Task ReadAudit_FilterWithControlCharacterOrTooLong_Returns400()
    {
        await using var service = await TestHost.StartAsync();

        using var nul = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?actor=a%00b");
        using var longAction = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?action=" + new string('x', 500));
        using var csvNul = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit.csv?action=a%00b");

        await ProblemAssert.IsProblemAsync(nul, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(longAction, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(csvNul, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task ExportAuditCsv_Filtered_HasTheHeaderTheMatchingEntriesAndIsAudited()
    {
        await using var service = await TestHost.StartAsync();
        string formulaName = "=HYPERLINK(\"http://x\",\"y\")";
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        await ManagerCalls.ChangeConsentAsync(service, child, "journal", new { granted = true, givenBy = "Mother", evidence = "form 1" });
        var database = service.Services.GetRequiredService<MediaGateDatabase>();
        await database.Audit.AppendAsync(new Data.Audit.AuditEvent(formulaName, "consent-test", "s, with comma"));

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit.csv?action=consent-");
        string text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("sequence,at,who,what,actor,action,subject,detail,previousHash,hash", lines[0]);
        StringAssert.Contains(lines[1], "Granted the journal consent of Ada.", "the manager reads a sentence with the child's name");
        Assert.HasCount(3, lines, text);
        StringAssert.Contains(lines[1], ",consent-change," + child + ",");
        StringAssert.StartsWith(lines[2].Split(',')[2], "\"'=HYPERLINK", "a formula-like actor is quoted text with an apostrophe");
        StringAssert.Contains(lines[2], "\"s, with comma\"");
        var exports = (await database.Audit.ReadAsync()).Where(e => e.Action == "export" && e.Subject == "audit.csv").ToArray();
        Assert.HasCount(1, exports);
        StringAssert.Contains(exports[0].Detail, "consent-");
    }

    [TestMethod]
    public async Task ExportAuditCsv_MoreThanOnePage_HoldsEveryEntryOnceInOrder()
    {
        await using var service = await TestHost.StartAsync();
        var database = service.Services.GetRequiredService<MediaGateDatabase>();
        for (int i = 0; i < 1_005; i++)
        {
            await database.Audit.AppendAsync(new Data.Audit.AuditEvent("tester", "bulk", "n" + i));
        }

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit.csv?action=bulk");
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        CollectionAssert.AreEqual(Enumerable.Range(0, 1_005).Select(i => "n" + i).ToArray(), lines.Skip(1).Select(l => l.Split(',')[6]).ToArray());
    }

    /// <summary>An observation of <paramref name="child"/> with a video and a photo, stored as an upload stores them.</summary>
    private static async Task<(string Observation, string Video, string Photo)> AddVideoAndPhotoAsync(TestHost service, string child)
    {
        var now = TimeProvider.System.GetUtcNow();
        var observation = new ObservationRecord(Guid.NewGuid().ToString("N"), "tablet-1", "staff-1", now, now, "Songs", [new ChildId(child)]);
        var items = Enumerable.Range(0, 2).Select(i =>
        {
            string id = Guid.NewGuid().ToString("N");
            return new MediaItemRecord(id, observation.Id, i, new string((char)('a' + i), 64), 1000, "uploads/" + id, null, null, null,
                MediaStatus.Processing, null, now, now, [new ChildId(child)]);
        }).ToArray();
        foreach (var item in items)
        {
            await service.Database.PendingDeletions.RecordUploadAsync(item.UploadKey, now.AddHours(6)); // as the upload writes its originals down
        }

        Assert.IsTrue((await service.Database.Media.AddUploadAsync(new NewUpload(observation, items, "process", null, [items[0].Id]))).Stored);
        return (observation.Id, items[0].Id, items[1].Id);
    }

    /// <summary>The sequences <c>GET /api/manager/audit?{query}</c> answers, in its order.</summary>
    private static async Task<long[]> SequencesAsync(TestHost service, string query)
    {
        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?" + query);
        return (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToArray();
    }

    /// <summary>Every page of two entries of <paramref name="query"/>, each after the first asked for with <paramref name="cursor"/> = the last sequence read.</summary>
    private static async Task<List<long>> PageThroughAsync(TestHost service, string query, string cursor)
    {
        var paged = new List<long>();
        string next = "";
        while (true)
        {
            long[] sequences = await SequencesAsync(service, $"{query}limit=2{next}");
            Assert.IsLessThanOrEqualTo(2, sequences.Length);
            if (sequences.Length == 0)
            {
                return paged;
            }

            paged.AddRange(sequences);
            next = $"&{cursor}={sequences[^1]}";
        }
    }
}
