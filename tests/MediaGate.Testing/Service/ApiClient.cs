using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MediaGate.Testing.Service;

/// <summary>
/// Typed calls of api.md for one caller (a manager, a tablet, a parent, the website or nobody) against one node.
/// Helpers that expect success throw <see cref="ApiException"/> with the service's answer otherwise; <see
/// cref="SendAsync"/> gives the raw response for tests that check statuses.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    private ApiClient(Uri address, string? token, string? apiKey)
    {
        Address = address;
        Token = token;
        ApiKey = apiKey;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
    }

    public Uri Address { get; }

    public string? Token { get; }

    public string? ApiKey { get; }

    public static ApiClient Anonymous(Uri address) => new(address, null, null);

    public static ApiClient WithToken(Uri address, string token) => new(address, token, null);

    public static ApiClient Website(Uri address, string key) => new(address, null, key);

    /// <summary>The same caller against another node (tokens are valid on every node).</summary>
    public ApiClient On(Uri address) => new(address, Token, ApiKey);

    public static async Task<ApiClient> SignInAsync(Uri address, string username, string password)
    {
        using var anonymous = Anonymous(address);
        var session = await anonymous.PostJsonAsync<SessionAnswer>("/api/session", new { username, password }, HttpStatusCode.OK);
        return WithToken(address, session.Token);
    }

    public static async Task<ApiClient> SignInTabletAsync(Uri address, DeviceRegistration device, string username, string pin)
    {
        ArgumentNullException.ThrowIfNull(device);
        using var anonymous = Anonymous(address);
        var session = await anonymous.PostJsonAsync<SessionAnswer>(
            "/api/tablet/session", new { deviceId = device.DeviceId, deviceSecret = device.DeviceSecret, username, pin }, HttpStatusCode.OK);
        return WithToken(address, session.Token);
    }

    // ---- raw ---------------------------------------------------------------------------------------------

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (ApiKey is not null)
        {
            request.Headers.Add("X-Api-Key", ApiKey);
        }

        configure?.Invoke(request);
        return await _http.SendAsync(request);
    }

    public static HttpContent JsonBody(object body) => JsonContent.Create(body, options: Json);

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        return await ReadAsync<T>(response, "GET " + path, HttpStatusCode.OK);
    }

    public async Task<T> PostJsonAsync<T>(string path, object body, HttpStatusCode expected)
    {
        using var response = await SendAsync(HttpMethod.Post, path, JsonBody(body));
        return await ReadAsync<T>(response, "POST " + path, expected);
    }

    public async Task<byte[]> GetBytesAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        await ExpectAsync(response, "GET " + path, HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task ExpectAsync(HttpResponseMessage response, string request, params HttpStatusCode[] expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!expected.Contains(response.StatusCode))
        {
            throw new ApiException(request, response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string request, HttpStatusCode expected)
    {
        await ExpectAsync(response, request, expected);
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw new ApiException($"{request}: empty JSON answer");
        }
        catch (JsonException e)
        {
            throw new ApiException($"{request}: the answer is not the JSON api.md describes ({typeof(T).Name}): {text}", e);
        }
    }

    // ---- manager -----------------------------------------------------------------------------------------

    public async Task<string> CreateChildAsync(string name, string? room = null) =>
        (await PostJsonAsync<CreatedAnswer>("/api/manager/children", new { name, room }, HttpStatusCode.Created)).Id;

    public async Task<string> CreateParentAsync(string username, string password, params string[] children) =>
        (await PostJsonAsync<CreatedAnswer>("/api/manager/accounts", new { username, password, role = "parent", children }, HttpStatusCode.Created)).Id;

    public async Task<string> CreateStaffAsync(string username, string pin) =>
        (await PostJsonAsync<CreatedAnswer>("/api/manager/accounts", new { username, pin, role = "staff", children = Array.Empty<string>() }, HttpStatusCode.Created)).Id;

    public Task<DeviceRegistration> RegisterDeviceAsync(string name) =>
        PostJsonAsync<DeviceRegistration>("/api/manager/devices", new { name }, HttpStatusCode.Created);

    public async Task RevokeDeviceAsync(string deviceId)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/api/manager/devices/{deviceId}");
        await ExpectAsync(response, "DELETE device", HttpStatusCode.OK, HttpStatusCode.NoContent);
    }

    public async Task<string> CreateWebsiteKeyAsync(string name) =>
        (await PostJsonAsync<WebsiteKeyAnswer>("/api/manager/website-keys", new { name }, HttpStatusCode.Created)).Key;

    /// <summary><c>PUT /api/manager/consents/{childId}/{purpose}</c>; the evidence names a signed form, as the matrix needs.</summary>
    public async Task SetConsentAsync(string childId, string purpose, bool granted, bool group = false)
    {
        var body = new { granted, group, givenBy = "Parent", evidence = "FORM-" + childId[..Math.Min(8, childId.Length)] };
        using var response = await SendAsync(HttpMethod.Put, $"/api/manager/consents/{childId}/{purpose}", JsonBody(body));
        await ExpectAsync(response, $"PUT consent {purpose}", HttpStatusCode.OK, HttpStatusCode.NoContent);
    }

    /// <summary><c>POST /api/manager/media/{id}/decision</c>.</summary>
    public async Task DecideAsync(string mediaId, string purpose, string action, IReadOnlyList<FaceAssignmentBody>? assignments = null)
    {
        object body = assignments is null ? new { purpose, action } : new { purpose, action, assignments };
        using var response = await SendAsync(HttpMethod.Post, $"/api/manager/media/{mediaId}/decision", JsonBody(body));
        await ExpectAsync(response, $"POST decision {purpose}/{action}", HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Accepted);
    }

    /// <summary><c>POST /api/manager/events</c> (README): 201 {id}.</summary>
    public async Task<string> CreateEventAsync(string name, string date, params string[] attendees) =>
        (await PostJsonAsync<CreatedAnswer>("/api/manager/events", new { name, date, attendees }, HttpStatusCode.Created)).Id;

    public Task<List<EventEntry>> EventsAsync() => GetJsonAsync<List<EventEntry>>("/api/manager/events");

    public Task<byte[]> GetMasterAsync(string mediaId) => GetBytesAsync($"/api/manager/media/{mediaId}/master");

    public Task<JsonElement> ReviewAsync() => GetJsonAsync<JsonElement>("/api/manager/review");

    /// <summary>The audit entries (an array, or the array inside an object's <c>entries</c>/<c>items</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> AuditAsync()
    {
        var root = await GetJsonAsync<JsonElement>("/api/manager/audit");
        return JsonShapes.ArrayOf(root, "entries", "items").ToList();
    }

    // ---- tablet ------------------------------------------------------------------------------------------

    /// <summary><c>POST /api/tablet/observations</c>, multipart as api.md says: files, children (JSON array), note.</summary>
    public async Task<UploadReceipt> UploadAsync(
        IReadOnlyList<UploadFile> files, IReadOnlyList<string> children, string? note = null, string? idempotencyKey = null, string? eventId = null)
    {
        using var response = await SendUploadAsync(files, children, note, idempotencyKey ?? Guid.NewGuid().ToString("N"), eventId: eventId);
        return await ReadAsync<UploadReceipt>(response, "POST /api/tablet/observations", HttpStatusCode.Accepted);
    }

    /// <summary>The raw upload; <paramref name="childrenOverride"/> replaces the children part's text (for malformed input).</summary>
    public async Task<HttpResponseMessage> SendUploadAsync(
        IReadOnlyList<UploadFile> files, IReadOnlyList<string> children, string? note, string? idempotencyKey, string? childrenOverride = null, string? eventId = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(part, "files", file.FileName);
        }

        form.Add(new StringContent(childrenOverride ?? JsonSerializer.Serialize(children), Encoding.UTF8, "application/json"), "children");
        if (note is not null)
        {
            form.Add(new StringContent(note, Encoding.UTF8), "note");
        }

        if (eventId is not null)
        {
            form.Add(new StringContent(eventId, Encoding.UTF8), "eventId");
        }

        return await SendAsync(HttpMethod.Post, "/api/tablet/observations", form, request =>
        {
            if (idempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
            }
        });
    }

    /// <summary><c>GET /api/tablet/observations/{id}</c>: per item its status and faces.</summary>
    public async Task<IReadOnlyList<ItemView>> ObservationAsync(string observationId)
    {
        var root = await GetJsonAsync<JsonElement>($"/api/tablet/observations/{observationId}");
        return JsonShapes.ArrayOf(root, "items").Select(ReadItem).ToList();
    }

    /// <summary>Polls until no item of the observation is <c>processing</c> (the worker decided every one).</summary>
    public async Task<IReadOnlyList<ItemView>> WaitUntilDecidedAsync(string observationId, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = await ObservationAsync(observationId);
            if (items.Count > 0 && items.All(i => i.IsDecided))
            {
                return items;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"observation {observationId} still processing after {limit}: " +
                    string.Join(", ", items.Select(i => $"{i.MediaId}={i.Status}")));
            }

            await Task.Delay(150);
        }
    }

    /// <summary><c>PUT /api/tablet/media/{id}/faces</c>.</summary>
    public async Task AssignFacesAsync(string mediaId, IReadOnlyList<FaceAssignmentBody> assignments)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/api/tablet/media/{mediaId}/faces", JsonBody(assignments));
        await ExpectAsync(response, "PUT faces", HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Accepted);
    }

    // ---- parent and website ------------------------------------------------------------------------------

    public Task<List<ParentMediaEntry>> ParentMediaAsync() => GetJsonAsync<List<ParentMediaEntry>>("/api/parent/media");

    /// <summary>The parent's list without the items still being checked (README <c>"status": "released"</c>): those with an image.</summary>
    public async Task<List<ParentMediaEntry>> ReleasedParentMediaAsync() => (await ParentMediaAsync()).Where(m => m.Status == "released").ToList();

    public Task<HttpResponseMessage> ParentImageAsync(string mediaId, string? purpose = null) =>
        SendAsync(HttpMethod.Get, purpose is null ? $"/api/parent/media/{mediaId}/image" : $"/api/parent/media/{mediaId}/image?purpose={purpose}");

    /// <summary><c>GET /api/tablet/observations?limit=</c> (README): the signed-in staff member's recent observations' ids, newest first.</summary>
    public async Task<IReadOnlyList<string>> RecentObservationIdsAsync(int limit = 100)
    {
        var root = await GetJsonAsync<JsonElement>($"/api/tablet/observations?limit={limit}");
        return root.EnumerateArray().Select(o => o.GetProperty("observationId").GetString()!).ToList();
    }

    public Task<List<WebsitePhoto>> WebsitePhotosAsync() => GetJsonAsync<List<WebsitePhoto>>("/api/website/photos");

    public void Dispose() => _http.Dispose();

    private static ItemView ReadItem(JsonElement item)
    {
        var faces = item.TryGetProperty("faces", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(f => new FaceView(
                f.GetProperty("faceId").Clone(),
                f.GetProperty("x").GetDouble(),
                f.GetProperty("y").GetDouble(),
                f.GetProperty("w").GetDouble(),
                f.GetProperty("h").GetDouble(),
                f.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : double.NaN,
                f.TryGetProperty("childId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null)).ToList()
            : [];
        return new ItemView(item.GetProperty("mediaId").GetString()!, item.GetProperty("status").GetString()!, faces,
            item.TryGetProperty("recheck", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null);
    }
}
