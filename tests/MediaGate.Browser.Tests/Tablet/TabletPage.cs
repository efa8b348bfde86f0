using System.Text.RegularExpressions;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// The tablet page (/tablet/) as staff use it, through its labels and roles only (what a person sees and a screen
/// reader announces), so that a test fails when a control loses its label.
/// </summary>
internal sealed partial class TabletPage(BrowserPage browser)
{
    public IPage Page => browser.Page;

    public BrowserPage Browser => browser;

    public ILocator QueueStatus => Page.Locator("#queue-status");

    public ILocator RecentObservations => Page.Locator("#recent-list > li");

    public ILocator FaceBoxes => Page.Locator("#faces-photo .face-box");

    /// <summary>The face panel: a dialog that opens over the page.</summary>
    public ILocator FacesDialog => Page.GetByRole(AriaRole.Dialog, new() { Name = "Whose faces are these?" });

    /// <summary>The panel's plain-words status of the item shown (<c>data-status</c> is the API's status).</summary>
    public ILocator ItemStatus => Page.Locator("#faces-item-status");

    /// <summary>The answers of face <paramref name="number"/> (1-based, as its box is numbered).</summary>
    public ILocator FaceAnswers(int number) => FacesDialog.GetByRole(AriaRole.Group, new() { Name = $"Face {number}", Exact = true });

    /// <summary>One answer button of face <paramref name="number"/>: a child's name, "Staff", "Not in our setting" or "Not a face".</summary>
    public ILocator Answer(int number, string answer) => FaceAnswers(number).GetByRole(AriaRole.Button, new() { Name = answer, Exact = true });

    /// <summary>Waits until the panel's photo has loaded.</summary>
    public async Task WaitForFacesPhotoAsync() =>
        await Page.WaitForFunctionAsync("() => { const i = document.querySelector('#faces-photo img'); return i && i.complete && i.naturalWidth > 0; }");

    public async Task OpenAsync()
    {
        await Page.GotoAsync("/tablet/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
    }

    public async Task EnrolAsync(DeviceRegistration device)
    {
        await Page.GetByLabel("Device id").FillAsync(device.DeviceId);
        await Page.GetByLabel("Device secret").FillAsync(device.DeviceSecret);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save device" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).WaitForAsync();
    }

    public async Task SignInAsync(string username, string pin)
    {
        await Page.GetByLabel("Your username").FillAsync(username);
        await Page.GetByLabel("PIN").FillAsync(pin);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task WaitUntilSignedInAsync()
    {
        await Page.GetByRole(AriaRole.Heading, new() { Name = "New photos" }).WaitForAsync();
        // The room list has loaded when its first checkbox is there.
        await Page.Locator("#children-list input[type=checkbox]").First.WaitForAsync();
    }

    /// <summary>Enrols, signs in and waits for the room list: the state every capture test starts from.</summary>
    public async Task StartAsync(Nursery nursery)
    {
        ArgumentNullException.ThrowIfNull(nursery);
        await OpenAsync();
        await EnrolAsync(nursery.Device);
        await SignInAsync(nursery.StaffUsername, nursery.StaffPin);
        await WaitUntilSignedInAsync();
    }

    public async Task ChoosePhotosAsync(params string[] paths)
    {
        await Page.GetByLabel("Take or choose photos").SetInputFilesAsync(paths);
        await Page.Locator("#chosen img").Nth(paths.Length - 1).WaitForAsync();
    }

    public async Task TagAsync(params string[] childNames)
    {
        foreach (var name in childNames)
        {
            await Page.GetByRole(AriaRole.Checkbox, new() { Name = name }).CheckAsync();
        }
    }

    public async Task NoteAsync(string note) => await Page.GetByLabel("Note (optional)").FillAsync(note);

    /// <summary>
    /// Presses Upload and waits until the page has put the photos in its queue (the chosen photos are cleared only
    /// then), so that a following <see cref="WaitUntilQueueEmptyAsync"/> cannot pass on the queue text from before.
    /// </summary>
    public async Task UploadAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByAltText(ChosenPhotoAlt())).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    /// <summary>Waits until the page says the queue is empty.</summary>
    public async Task WaitUntilQueueEmptyAsync(float timeoutMs = 60_000) =>
        await Assertions.Expect(QueueStatus).ToHaveTextAsync(QueueEmptyText(), new() { Timeout = timeoutMs });

    /// <summary>The entries in the page's IndexedDB queue, read straight from the database.</summary>
    public Task<int> QueuedInDatabaseAsync() => CountInDatabaseAsync("observations");

    /// <summary>The records of one store of the page's IndexedDB (<c>observations</c>: the queue; <c>kept</c>: the lists kept for a start offline).</summary>
    public async Task<int> CountInDatabaseAsync(string store) => await Page.EvaluateAsync<int>("""
        store => new Promise((resolve, reject) => {
          const open = indexedDB.open('mediagate-tablet');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(store)) { db.close(); resolve(0); return; }
            const count = db.transaction(store).objectStore(store).count();
            count.onsuccess = () => { db.close(); resolve(count.result); };
            count.onerror = () => reject(count.error);
          };
        })
        """, store);

    [GeneratedRegex("^Chosen photo ")]
    private static partial Regex ChosenPhotoAlt();

    [GeneratedRegex("^Nothing waiting")]
    private static partial Regex QueueEmptyText();
}
