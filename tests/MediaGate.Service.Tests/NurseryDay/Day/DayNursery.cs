using System.Globalization;

namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>
/// The nursery of a played day, set up through the manager's API: children, each with journal consent and the
/// group option and a parent account; staff members each signed in on their own registered tablet.
/// </summary>
internal sealed class DayNursery : IDisposable
{
    private DayNursery(ApiClient manager, IReadOnlyList<ApiClient> tablets, IReadOnlyList<(string ChildId, ApiClient Parent)> children)
    {
        Manager = manager;
        Tablets = tablets;
        Children = children;
    }

    public ApiClient Manager { get; }

    public IReadOnlyList<ApiClient> Tablets { get; }

    public IReadOnlyList<(string ChildId, ApiClient Parent)> Children { get; }

    public static async Task<DayNursery> CreateAsync(Uri address, int childCount, int tabletCount)
    {
        var c = CultureInfo.InvariantCulture;
        var manager = await ApiClient.SignInAsync(address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var children = new List<(string, ApiClient)>();
        for (int i = 0; i < childCount; i++)
        {
            var child = await manager.CreateChildAsync("Day child " + i.ToString(c), i % 2 == 0 ? "Robins" : "Wrens");
            await manager.SetConsentAsync(child, "journal", granted: true, group: true);
            var username = "day-parent-" + i.ToString(c);
            var password = "Day-Parent-Passphrase-" + i.ToString(c);
            await manager.CreateParentAsync(username, password, child);
            children.Add((child, await ApiClient.SignInAsync(address, username, password)));
        }

        var tablets = new List<ApiClient>();
        for (int i = 0; i < tabletCount; i++)
        {
            var staff = "day-staff-" + i.ToString(c);
            var pin = (604100 + i).ToString(c);
            await manager.CreateStaffAsync(staff, pin);
            var device = await manager.RegisterDeviceAsync("Day tablet " + i.ToString(c));
            tablets.Add(await ApiClient.SignInTabletAsync(address, device, staff, pin));
        }

        return new DayNursery(manager, tablets, children);
    }

    public void Dispose()
    {
        Manager.Dispose();
        foreach (var tablet in Tablets)
        {
            tablet.Dispose();
        }

        foreach (var (_, parent) in Children)
        {
            parent.Dispose();
        }
    }
}
