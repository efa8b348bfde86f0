namespace MediaGate.Testing.Service;

/// <summary>
/// One nursery set up through the manager's API, as a manager would (api.md, Manager): three children of three
/// families (Ava, Ben, Cara), a parent account for each, a staff member with a PIN, a registered tablet signed in
/// as that staff member. Names carry a random tag so that a leak check can search every response for them.
/// </summary>
internal sealed class Nursery : IDisposable
{
    private Nursery(string tag) => Tag = tag;

    public string Tag { get; }

    public required ApiClient Manager { get; init; }

    public required ApiClient Tablet { get; init; }

    public required DeviceRegistration Device { get; init; }

    public required string StaffUsername { get; init; }

    public required string StaffPin { get; init; }

    public required FamilyMember Ava { get; init; }

    public required FamilyMember Ben { get; init; }

    public required FamilyMember Cara { get; init; }

    public IReadOnlyList<FamilyMember> Families => [Ava, Ben, Cara];

    public static async Task<Nursery> CreateAsync(Uri address)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var manager = await ApiClient.SignInAsync(address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        async Task<FamilyMember> Family(string first, string? room)
        {
            var name = $"{first} Zq{tag}";
            var childId = await manager.CreateChildAsync(name, room);
            var username = $"parent-of-{first.ToLowerInvariant()}-{tag}";
            var password = $"Parent-Passphrase-{tag}-{first}";
            var parentId = await manager.CreateParentAsync(username, password, childId);
            var parent = await ApiClient.SignInAsync(address, username, password);
            return new FamilyMember(name, childId, parentId, username, parent);
        }

        var ava = await Family("Ava", "Robins");
        var ben = await Family("Ben", "Robins");
        var cara = await Family("Cara", "Wrens");
        var staff = $"staff-{tag}";
        const string pin = "482913";
        await manager.CreateStaffAsync(staff, pin);
        var device = await manager.RegisterDeviceAsync("Robins tablet " + tag);
        var tablet = await ApiClient.SignInTabletAsync(address, device, staff, pin);
        return new Nursery(tag)
        {
            Manager = manager,
            Tablet = tablet,
            Device = device,
            StaffUsername = staff,
            StaffPin = pin,
            Ava = ava,
            Ben = ben,
            Cara = cara,
        };
    }

    /// <summary>Journal consent for every child, with the group option as given.</summary>
    public async Task GrantJournalAsync(bool avaGroup, bool benGroup, bool caraGroup)
    {
        await Manager.SetConsentAsync(Ava.ChildId, "journal", granted: true, group: avaGroup);
        await Manager.SetConsentAsync(Ben.ChildId, "journal", granted: true, group: benGroup);
        await Manager.SetConsentAsync(Cara.ChildId, "journal", granted: true, group: caraGroup);
    }

    public void Dispose()
    {
        Manager.Dispose();
        Tablet.Dispose();
        foreach (var family in Families)
        {
            family.Parent.Dispose();
        }
    }
}
