using System.Globalization;
using System.Text.Json;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// Issue 13, a newcomer's day on the tablet: staff pick today's event for an upload and can tag only its attendees;
/// the observation is "taken" when the photo says it was (EXIF DateTimeOriginal), not when the file was copied.
/// </summary>
[TestClass]
public sealed class TabletEventAndCaptureTimeTests : BrowserTest
{
    [TestMethod]
    public async Task Tablet_TodaysEventChosenAndPhotoCarriesCaptureTime_AttendeesOnlyAndTakenFromTheExif()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var now = TimeProvider.System.GetUtcNow();
        var today = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var picnic = await nursery.Manager.CreateEventAsync("Picnic " + nursery.Tag, today, nursery.Ava.ChildId, nursery.Ben.ChildId);
        var taken = new DateTimeOffset(DateTime.SpecifyKind(now.UtcDateTime.Date.AddDays(-20).AddHours(9).AddMinutes(30), DateTimeKind.Unspecified), TimeSpan.FromHours(1));
        var work = NewWorkFolder("photos");
        var plain = await File.ReadAllBytesAsync(await TestImages.TwoFacesAsync((await NewPageAsync(service)).Page.Context, work));
        var photo = Path.Combine(work, "from-the-camera.jpg");
        await File.WriteAllBytesAsync(photo, TestImages.WithCaptureTime(plain, taken.ToString("yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture), "+01:00"));
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Checkbox, new() { Name = $"{nursery.Cara.ChildName} (Wrens)" })).ToHaveCountAsync(1);

        await tablet.Page.GetByLabel("Event").SelectOptionAsync(new SelectOptionValue { Label = "Picnic " + nursery.Tag });
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Checkbox, new() { Name = $"{nursery.Cara.ChildName} (Wrens)" })).ToHaveCountAsync(0);
        await Assertions.Expect(tablet.Page.Locator("#event-hint")).ToContainTextAsync($"Only the 2 children who attend Picnic {nursery.Tag} can be tagged");
        await tablet.ChoosePhotosAsync(photo);
        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)");
        await CheckAsync(tablet.Browser, "tablet: an event chosen, its attendees listed", "tablet-event");
        await tablet.UploadAsync();
        await tablet.WaitUntilQueueEmptyAsync();

        var observation = (await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=5")).EnumerateArray().Single();
        Assert.AreEqual(picnic, observation.GetProperty("eventId").GetString(), "the upload names the event chosen");
        Assert.AreEqual(taken, observation.GetProperty("capturedAt").GetDateTimeOffset(), "taken when the photo says, not when the file was written");
    }

    [TestMethod]
    public async Task Tablet_PhotosCarryAFutureAndAnAbsurdlyOldCaptureTime_TakenIsWhenUploadWasPressed()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var work = NewWorkFolder("photos");
        var plain = await File.ReadAllBytesAsync(await TestImages.TwoFacesAsync((await NewPageAsync(service)).Page.Context, work));
        var future = Path.Combine(work, "clock-ahead.jpg");
        var old = Path.Combine(work, "clock-reset.jpg");
        await File.WriteAllBytesAsync(future, TestImages.WithCaptureTime(plain, "2099:01:01 10:00:00", "+00:00"));
        await File.WriteAllBytesAsync(old, TestImages.WithCaptureTime(plain, "2001:01:01 00:00:00", "+00:00"));
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        await tablet.ChoosePhotosAsync(future, old);
        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)");

        var pressed = TimeProvider.System.GetUtcNow();
        await tablet.UploadAsync();
        await tablet.WaitUntilQueueEmptyAsync();
        var uploaded = TimeProvider.System.GetUtcNow();

        var capturedAt = (await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=5")).EnumerateArray().Single().GetProperty("capturedAt").GetDateTimeOffset();
        Assert.IsTrue(capturedAt >= pressed.AddSeconds(-1) && capturedAt <= uploaded.AddSeconds(1),
            $"a camera clock ahead or reset is not believed: taken {capturedAt:O}, Upload pressed {pressed:O}");
    }
}
