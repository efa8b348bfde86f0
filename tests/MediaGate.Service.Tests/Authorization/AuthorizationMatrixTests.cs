using System.Net;
using System.Text;

namespace MediaGate.Service.Tests.Authorization;

/// <summary>
/// issue 7's authorization matrix: every endpoint of api.md x (manager, staff tablet, parent, parent of another
/// family, website key, no token, an expired token, a revoked device): each gets the expected status, and no answer
/// to a caller outside Ava's family (and her nursery's staff) contains Ava's name or ids. All mismatches are
/// collected and reported together.
/// </summary>
[TestClass]
public sealed class AuthorizationMatrixTests : ServiceTest
{
    /// <summary>Tokens of the second service live this long (Identity:TokenLifetime), so that they expire during the test.</summary>
    // Long enough that a manager token checked right after sign-in is still valid on a loaded 2-core machine (with 3 s,
    // one setup step under load outlived it), short enough to wait out.
    private static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(8);

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Endpoints_EveryCallerOnEveryEndpoint_GetTheExpectedStatusAndNoOtherFamilysData()
    {
        var work = NewWorkFolder("authz");
        await using var main = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "main", Models));

        using var nursery = await Nursery.CreateAsync(main.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "website", granted: true);
        var photo = UploadFile.FromPath(TestPhotos.Solos[2]);
        var upload = await nursery.Tablet.UploadAsync([photo], [nursery.Ava.ChildId], "Ava in the garden");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("released", item.Status, main.LogTail());
        var mediaId = item.MediaId;
        Assert.IsTrue(await Poll.UntilAsync(async () => (await nursery.Ava.Parent.ReleasedParentMediaAsync()).Count == 1, TimeSpan.FromSeconds(10)), "Ava's parent sees the photo");
        await nursery.Manager.DecideAsync(mediaId, "website", "release");
        var websiteKey = await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag);
        using var website = ApiClient.Website(main.Address, websiteKey);
        await Poll.UntilAsync(async () => (await website.WebsitePhotosAsync()).Count == 1, TimeSpan.FromSeconds(10));
        var websitePhotoId = (await website.WebsitePhotosAsync()).FirstOrDefault()?.Id ?? Guid.NewGuid().ToString("N");

        // A second tablet whose device the manager then revokes: its token must stop working on the next request.
        var revokedDevice = await nursery.Manager.RegisterDeviceAsync("lost tablet " + nursery.Tag);
        using var revokedTablet = await ApiClient.SignInTabletAsync(main.Address, revokedDevice, nursery.StaffUsername, nursery.StaffPin);
        await nursery.Manager.RevokeDeviceAsync(revokedDevice.DeviceId);
        var spareDevice = await nursery.Manager.RegisterDeviceAsync("spare tablet " + nursery.Tag);

        // Another staff member on another tablet (issue 13, StaffReadRule): Ava's observation was neither taken on their
        // tablet nor by them, so its reads, preview and faces are not theirs: 404, as for an item that does not exist.
        var otherDevice = await nursery.Manager.RegisterDeviceAsync("owls tablet " + nursery.Tag);
        string otherStaff = "owls-staff-" + nursery.Tag;
        await nursery.Manager.CreateStaffAsync(otherStaff, "640271");
        using var otherTablet = await ApiClient.SignInTabletAsync(main.Address, otherDevice, otherStaff, "640271");

        // Accounts the manager's account endpoints change (README): one to deactivate, one parent, one staff member.
        var doomedId = await nursery.Manager.CreateParentAsync("leaver-" + nursery.Tag, "Leaver-Passphrase-" + nursery.Tag);
        var changedParentId = await nursery.Manager.CreateParentAsync("changed-" + nursery.Tag, "Changed-Passphrase-" + nursery.Tag);
        var changedStaffId = await nursery.Manager.CreateStaffAsync("changed-staff-" + nursery.Tag, "551903");
        var accounts = new AccountIds(doomedId, changedParentId, changedStaffId);

        var endpoints = Endpoints(nursery, mediaId, upload.ObservationId, item.Faces[0], spareDevice.DeviceId, websitePhotoId, photo, accounts);
        var uncovered = await UncoveredRoutesAsync(nursery.Manager, endpoints);
        Assert.AreEqual(0, uncovered.Count, "routes of the OpenAPI document that no row of the matrix calls:\n" + string.Join("\n", uncovered));
        string[] avasData = [nursery.Ava.ChildName, nursery.Ava.ChildId, nursery.Ava.ParentUsername, mediaId, upload.ObservationId];
        using var anonymous = ApiClient.Anonymous(main.Address);
        var callers = new List<Caller>
        {
            new("manager", nursery.Manager, e => e.Audience switch
            {
                Audience.Manager or Audience.SignedIn => Expectation.Allowed,
                Audience.Website => Expectation.Refused,
                _ => Expectation.Forbidden,
            }, []),
            new("staff tablet", nursery.Tablet, e => e.Audience switch
            {
                Audience.Tablet or Audience.SignedIn => Expectation.Allowed,
                Audience.Website => Expectation.Refused,
                _ => Expectation.Forbidden,
            }, []),
            new("staff on another tablet", otherTablet, e => e.Audience switch
            {
                Audience.Tablet => e.Path.Contains(mediaId, StringComparison.Ordinal) || e.Path.Contains(upload.ObservationId, StringComparison.Ordinal)
                    ? Expectation.NotFound
                    : Expectation.Allowed,
                Audience.SignedIn => Expectation.Allowed,
                Audience.Website => Expectation.Refused,
                _ => Expectation.Forbidden,
            }, [mediaId, upload.ObservationId]),
            new("parent", nursery.Ava.Parent, e => e.Audience switch
            {
                Audience.Parent or Audience.SignedIn => Expectation.Allowed,
                Audience.Website => Expectation.Refused,
                _ => Expectation.Forbidden,
            }, []),
            new("parent of another family", nursery.Ben.Parent, e => e.Audience switch
            {
                Audience.Parent => e.Path.Contains(mediaId, StringComparison.Ordinal) ? Expectation.NotFound : Expectation.Allowed,
                Audience.SignedIn => Expectation.Allowed,
                Audience.Website => Expectation.Refused,
                _ => Expectation.Forbidden,
            }, avasData),
            new("website key", website, e => e.Audience == Audience.Website ? Expectation.Allowed : Expectation.Refused, avasData),
            new("no token", anonymous, _ => Expectation.Unauthenticated, avasData),
            new("revoked device", revokedTablet, e => e.Audience is Audience.Tablet or Audience.SignedIn ? Expectation.Unauthenticated : Expectation.Refused, avasData),
        };

        var mismatches = new StringBuilder();
        var table = new StringBuilder();
        foreach (var caller in callers)
        {
            foreach (var endpoint in endpoints)
            {
                await CheckAsync(caller, endpoint, mismatches, table);
            }
        }

        TestContext.WriteLine(table.ToString());
        Assert.AreEqual(0, mismatches.Length, "authorization matrix mismatches:\n" + mismatches + "\n" + main.LogTail(30));
    }

    /// <summary>
    /// The matrix's expired-token column: a manager, a parent and a tablet token of a service whose tokens live
    /// three seconds (Identity:TokenLifetime, clock skew zero), used once expired, on every bearer endpoint: 401.
    /// </summary>
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Endpoints_ExpiredTokensOfEveryRole_Get401Everywhere()
    {
        var work = NewWorkFolder("authz-expiry");
        await using var shortLived = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "short-tokens", Models)
            .With("MEDIAGATE_Identity__TokenLifetime", ShortLifetime.ToString())
            .With("MEDIAGATE_Identity__ClockSkew", TimeSpan.Zero.ToString()));
        var photo = UploadFile.FromPath(TestPhotos.Solos[2]);
        var mismatches = new StringBuilder();
        var table = new StringBuilder();
        var expiredCallers = await ExpiredCallersAsync(shortLived.Address);
        var endpoints = Endpoints(null, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), null, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), photo,
            new AccountIds(Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")));
        foreach (var caller in expiredCallers)
        {
            foreach (var endpoint in endpoints.Where(e => e.Audience != Audience.Website))
            {
                await CheckAsync(caller, endpoint, mismatches, table);
            }

            caller.Client.Dispose();
        }

        TestContext.WriteLine(table.ToString());
        Assert.AreEqual(0, mismatches.Length, "expired tokens accepted:\n" + mismatches + "\n" + shortLived.LogTail(30));
    }

    /// <summary>Routes anyone may call without a token: each has its own tests (sign-in, enrolment, a parent's video link).</summary>
    private static readonly HashSet<string> AnonymousRoutes = new(StringComparer.Ordinal)
    {
        "POST /api/session",
        "POST /api/tablet/session",
        "POST /api/tablet/enrolment",
        "GET /api/parent/video-links/{token}",
    };

    /// <summary>
    /// The service's own list of its routes (<c>/openapi/v1.json</c>) against the matrix: each documented route that needs a
    /// token must be called by some row, so an endpoint added without a row fails here. A row covers the route whose
    /// template matches its path with the fewest parameters (<c>/media/requeue</c> is not <c>/media/{mediaId}</c>).
    /// </summary>
    private static async Task<List<string>> UncoveredRoutesAsync(ApiClient manager, IReadOnlyList<EndpointCase> endpoints)
    {
        var document = await manager.GetJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        var routes = new List<(string Method, string Template, System.Text.RegularExpressions.Regex Pattern, int Parameters)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            string pattern = "^" + System.Text.RegularExpressions.Regex.Replace(
                System.Text.RegularExpressions.Regex.Escape(path.Name).Replace(@"\{", "{", StringComparison.Ordinal), "{[^}]+}", "[^/]+") + "$";
            int parameters = path.Name.Count(c => c == '{');
            foreach (var operation in path.Value.EnumerateObject())
            {
                routes.Add((operation.Name.ToUpperInvariant(), path.Name, new System.Text.RegularExpressions.Regex(pattern), parameters));
            }
        }

        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            string path = endpoint.Path.Split('?')[0];
            var match = routes.Where(r => r.Method == endpoint.Method.Method && r.Pattern.IsMatch(path)).OrderBy(r => r.Parameters).FirstOrDefault();
            if (match.Template is not null)
            {
                covered.Add($"{match.Method} {match.Template}");
            }
        }

        return routes.Select(r => $"{r.Method} {r.Template}")
            .Where(r => !covered.Contains(r) && !AnonymousRoutes.Contains(r))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task CheckAsync(Caller caller, EndpointCase endpoint, StringBuilder mismatches, StringBuilder table)
    {
        var expected = caller.Expect(endpoint);
        // Every request carries a fresh Idempotency-Key, so that an upload is refused for its caller, never for the header.
        using var response = await caller.Client.SendAsync(endpoint.Method, endpoint.Path, endpoint.Body(),
            request => request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N")));
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        bool ok = expected switch
        {
            Expectation.Allowed => status is not (401 or 403) && status < 500,
            Expectation.Unauthenticated => status == 401,
            Expectation.Forbidden => status == 403,
            Expectation.Refused => status is 401 or 403,
            Expectation.NotFound => status == 404,
            _ => false,
        };
        table.AppendLine($"{caller.Name,-26} {endpoint,-70} {status} (expected {expected})");
        if (!ok)
        {
            mismatches.AppendLine($"{caller.Name}: {endpoint} -> {status}, expected {expected}: {Shorten(body)}");
        }

        // Ids the caller sent in the path may come back (ProblemDetails "instance"); nothing else of Ava's may.
        foreach (var secret in caller.MustNotSee.Where(s => !endpoint.Path.Contains(s, StringComparison.Ordinal)))
        {
            if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                mismatches.AppendLine($"{caller.Name}: {endpoint} -> {status} leaks '{secret}': {Shorten(body)}");
            }
        }
    }

    /// <summary>Every endpoint of api.md and README, with a request its own audience could send. Signing out is
    /// last: it ends the caller's token, which every row before it needs.</summary>
    private static List<EndpointCase> Endpoints(
        Nursery? nursery, string mediaId, string observationId, FaceView? face, string deviceId, string websitePhotoId, UploadFile photo, AccountIds accounts)
    {
        var childId = nursery?.Ava.ChildId ?? Guid.NewGuid().ToString("N");
        var faceId = face?.FaceId ?? System.Text.Json.JsonSerializer.SerializeToElement("f1");
        var faceIdText = faceId.ValueKind == System.Text.Json.JsonValueKind.String ? faceId.GetString() : Guid.NewGuid().ToString("N");
        var tag = Guid.NewGuid().ToString("N")[..8];
        HttpContent Json(object body) => ApiClient.JsonBody(body);
        HttpContent Upload()
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(photo.Bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "files", photo.FileName);
            form.Add(new StringContent($"[\"{childId}\"]", Encoding.UTF8, "application/json"), "children");
            return form;
        }

        return
        [
            new("children list", Audience.Manager, HttpMethod.Get, "/api/manager/children", () => null),
            new("child create", Audience.Manager, HttpMethod.Post, "/api/manager/children", () => Json(new { name = "Dora " + tag })),
            new("account create", Audience.Manager, HttpMethod.Post, "/api/manager/accounts", () => Json(new { username = "p-" + Guid.NewGuid().ToString("N")[..10], password = "A-long-passphrase-42", role = "parent", children = new[] { childId } })),
            new("device create", Audience.Manager, HttpMethod.Post, "/api/manager/devices", () => Json(new { name = "tablet " + tag })),
            new("device revoke", Audience.Manager, HttpMethod.Delete, $"/api/manager/devices/{deviceId}", () => null),
            new("consent set", Audience.Manager, HttpMethod.Put, $"/api/manager/consents/{childId}/events", () => Json(new { granted = true, group = false, givenBy = "Mother", evidence = "FORM-9" })),
            new("consent matrix", Audience.Manager, HttpMethod.Get, "/api/manager/consents", () => null),
            new("consent csv", Audience.Manager, HttpMethod.Get, "/api/manager/consents.csv", () => null),
            new("review queue", Audience.Manager, HttpMethod.Get, "/api/manager/review", () => null),
            new("decision", Audience.Manager, HttpMethod.Post, $"/api/manager/media/{mediaId}/decision", () => Json(new { purpose = "publicity", action = "block" })),
            new("master", Audience.Manager, HttpMethod.Get, $"/api/manager/media/{mediaId}/master", () => null),
            new("publicity", Audience.Manager, HttpMethod.Get, $"/api/manager/media/{mediaId}/publicity", () => null),
            new("review publishable", Audience.Manager, HttpMethod.Get, "/api/manager/review?view=publishable&limit=5", () => null),
            new("dismissals", Audience.Manager, HttpMethod.Get, "/api/manager/dismissals?limit=5", () => null),
            new("text regions", Audience.Manager, HttpMethod.Get, $"/api/manager/media/{mediaId}/text", () => null),
            new("text mask", Audience.Manager, HttpMethod.Post, $"/api/manager/media/{mediaId}/text/1/mask", () => null),
            new("face crop", Audience.Manager, HttpMethod.Get, $"/api/manager/media/{mediaId}/faces/{faceIdText}/crop", () => null),
            new("event create", Audience.Manager, HttpMethod.Post, "/api/manager/events", () => Json(new { name = "Fair " + tag, date = "2026-06-20", attendees = new[] { childId } })),
            new("events", Audience.Manager, HttpMethod.Get, "/api/manager/events", () => null),
            new("event attendees", Audience.Manager, HttpMethod.Put, "/api/manager/events/none-" + tag + "/attendees", () => Json(new { attendees = new[] { childId } })),
            new("website keys", Audience.Manager, HttpMethod.Get, "/api/manager/website-keys", () => null),
            new("audit", Audience.Manager, HttpMethod.Get, "/api/manager/audit", () => null),
            new("website key create", Audience.Manager, HttpMethod.Post, "/api/manager/website-keys", () => Json(new { name = "k-" + Guid.NewGuid().ToString("N")[..10] })),
            new("website key revoke", Audience.Manager, HttpMethod.Delete, "/api/manager/website-keys/none-" + tag, () => null),
            new("child left", Audience.Manager, HttpMethod.Post, $"/api/manager/children/{childId}/left", () => Json(new { leftOn = (string?)null })),
            new("requeue failed", Audience.Manager, HttpMethod.Post, "/api/manager/media/requeue", () => null),
            new("upload", Audience.Tablet, HttpMethod.Post, "/api/tablet/observations", Upload),
            new("observation", Audience.Tablet, HttpMethod.Get, $"/api/tablet/observations/{observationId}", () => null),
            new("assign faces", Audience.Tablet, HttpMethod.Put, $"/api/tablet/media/{mediaId}/faces", () => Json(new[] { new { faceId, childId } })),
            new("tablet children", Audience.Tablet, HttpMethod.Get, "/api/tablet/children", () => null),
            new("tablet events", Audience.Tablet, HttpMethod.Get, "/api/tablet/events", () => null),
            new("tablet limits", Audience.Tablet, HttpMethod.Get, "/api/tablet/limits", () => null),
            new("recent observations", Audience.Tablet, HttpMethod.Get, "/api/tablet/observations?limit=20", () => null),
            new("preview", Audience.Tablet, HttpMethod.Get, $"/api/tablet/media/{mediaId}/preview", () => null),
            new("note preview", Audience.Tablet, HttpMethod.Post, "/api/tablet/notes/preview", () => Json(new { note = "Painting with a friend", children = new[] { childId } })),
            new("parent children", Audience.Parent, HttpMethod.Get, "/api/parent/children", () => null),
            new("parent media", Audience.Parent, HttpMethod.Get, "/api/parent/media", () => null),
            new("parent image", Audience.Parent, HttpMethod.Get, $"/api/parent/media/{mediaId}/image", () => null),
            new("parent event image", Audience.Parent, HttpMethod.Get, $"/api/parent/media/{mediaId}/image?purpose=events", () => null),
            new("parent export", Audience.Parent, HttpMethod.Get, "/api/parent/export", () => null),
            new("website feed", Audience.Website, HttpMethod.Get, "/api/website/photos", () => null),
            new("website photo", Audience.Website, HttpMethod.Get, $"/api/website/photos/{websitePhotoId}.jpg", () => null),
            new("accounts list", Audience.Manager, HttpMethod.Get, "/api/manager/accounts", () => null),
            new("account deactivate", Audience.Manager, HttpMethod.Delete, $"/api/manager/accounts/{accounts.ToDeactivate}", () => null),
            new("account password", Audience.Manager, HttpMethod.Put, $"/api/manager/accounts/{accounts.Parent}/password", () => Json(new { password = "Another-passphrase-" + tag })),
            new("account pin", Audience.Manager, HttpMethod.Put, $"/api/manager/accounts/{accounts.Staff}/pin", () => Json(new { pin = "731946" })),
            new("account children", Audience.Manager, HttpMethod.Put, $"/api/manager/accounts/{accounts.Parent}/children", () => Json(new { children = new[] { childId } })),
            new("consent preview", Audience.Manager, HttpMethod.Post, "/api/manager/consents/preview", () => Json(new { childId, purpose = "journal", granted = false, givenBy = "Mother", evidence = "W-1" })),
            new("dashboard", Audience.Manager, HttpMethod.Get, "/api/manager/dashboard?days=7", () => null),
            new("audit filtered", Audience.Manager, HttpMethod.Get, "/api/manager/audit?action=consent-&limit=5", () => null),
            new("audit csv", Audience.Manager, HttpMethod.Get, "/api/manager/audit.csv?action=sign-in", () => null),
            new("audit head", Audience.Manager, HttpMethod.Get, "/api/manager/audit/head", () => null),
            new("audit verify", Audience.Manager, HttpMethod.Get, "/api/manager/audit/verify", () => null),
            new("child", Audience.Manager, HttpMethod.Get, $"/api/manager/children/{childId}", () => null),
            new("devices", Audience.Manager, HttpMethod.Get, "/api/manager/devices", () => null),
            new("requeue one", Audience.Manager, HttpMethod.Post, $"/api/manager/media/{mediaId}/requeue", () => null),
            new("consent csv import", Audience.Manager, HttpMethod.Put, "/api/manager/consents.csv", () => new StringContent("child_id\n", Encoding.UTF8, "text/csv")),
            new("master video", Audience.Manager, HttpMethod.Get, $"/api/manager/media/{mediaId}/video", () => null),
            new("parent video", Audience.Parent, HttpMethod.Get, $"/api/parent/media/{mediaId}/video", () => null),
            new("parent video link", Audience.Parent, HttpMethod.Post, $"/api/parent/media/{mediaId}/video/link", () => null),
            new("website video", Audience.Website, HttpMethod.Get, $"/api/website/photos/{websitePhotoId}.mp4", () => null),
            new("track frame", Audience.Tablet, HttpMethod.Get, $"/api/tablet/media/{mediaId}/faces/{faceIdText}/frame", () => null),
            new("text unmask", Audience.Manager, HttpMethod.Post, $"/api/manager/media/{mediaId}/text/1/unmask", () => null),
            new("who am I", Audience.SignedIn, HttpMethod.Get, "/api/session", () => null),
            new("sign out", Audience.SignedIn, HttpMethod.Delete, "/api/session", () => null),
        ];
    }

    /// <summary>A manager, a parent and a tablet token from the short-lived service, once they have expired.</summary>
    private static async Task<List<Caller>> ExpiredCallersAsync(Uri address)
    {
        // Each setup call signs in again: with a short lifetime one token may not outlive the setup.
        async Task<ApiClient> Manager() => await ApiClient.SignInAsync(address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        string childId;
        using (var m = await Manager())
        {
            childId = await m.CreateChildAsync("Eve Expiry");
        }

        using (var m = await Manager())
        {
            await m.CreateParentAsync("parent-expiry", "Parent-Expiry-Passphrase-1", childId);
        }

        using (var m = await Manager())
        {
            await m.CreateStaffAsync("staff-expiry", "604172");
        }

        DeviceRegistration device;
        using (var m = await Manager())
        {
            device = await m.RegisterDeviceAsync("expiry tablet");
        }

        // The manager signs in last, so the freshness check below follows its sign-in directly.
        var parent = await ApiClient.SignInAsync(address, "parent-expiry", "Parent-Expiry-Passphrase-1");
        var tablet = await ApiClient.SignInTabletAsync(address, device, "staff-expiry", "604172");
        var manager = await Manager();

        // Still valid now (the test would prove nothing otherwise) ...
        using (var fresh = await manager.SendAsync(HttpMethod.Get, "/api/manager/children"))
        {
            Assert.AreEqual(HttpStatusCode.OK, fresh.StatusCode, "a fresh manager token works");
        }

        // ... and expired after its lifetime plus a second of margin (the service's clock skew set to zero).
        await Task.Delay(ShortLifetime + TimeSpan.FromSeconds(2));
        return
        [
            new("expired manager token", manager, _ => Expectation.Unauthenticated, []),
            new("expired parent token", parent, _ => Expectation.Unauthenticated, []),
            new("expired tablet token", tablet, _ => Expectation.Unauthenticated, []),
        ];
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;

    /// <summary>The accounts the manager's account endpoints act on.</summary>
    private sealed record AccountIds(string ToDeactivate, string Parent, string Staff);
}
