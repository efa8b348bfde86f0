using System.Globalization;
using MediaGate.Service.Tests.NurseryDay;

namespace MediaGate.NurseryDay;

/// <summary>
/// Starts one embedded <c>mediagate serve</c>, sets up the nursery, plays every single-face and two-face photo of
/// faces-dev (or the first N of each, in file order) and prints the day's table.
/// </summary>
internal sealed class DayRun(DayOptions options)
{
    public async Task<int> RunAsync()
    {
        var all = LabelledPhoto.LoadAll(MediaGate.Testing.TestPaths.FacesDev);
        var single = LabelledPhoto.WithFaces(all, 1);
        var two = LabelledPhoto.WithFaces(all, 2);
        single = single.Take(options.Single ?? single.Count).ToList();
        two = two.Take(options.Two ?? two.Count).ToList();

        // Interleaved (single, two, single, ...) so both kinds meet the same queue.
        var photos = single.Select((p, i) => (p, Order: (double)i / single.Count)).Concat(two.Select((p, i) => (p, Order: (double)i / two.Count)))
            .OrderBy(x => x.Order).Select(x => x.p).ToList();
        var folder = ServiceSettings.NewWorkFolder("day");
        try
        {
            var settings = ServiceSettings.Embedded(folder, "day", options.Models);
            if (options.Workers is int workers)
            {
                settings.With("MEDIAGATE_Gate__WorkerCount", workers.ToString(CultureInfo.InvariantCulture));
            }

            Console.Error.WriteLine($"day: starting mediagate serve (SQLite + folder stores, models {options.Models})");
            await using var service = await ServiceProcess.StartAsync(settings);
            Console.Error.WriteLine($"day: ready at {service.Address}, log {service.LogPath}; {single.Count} single-face and {two.Count} two-face photos");
            using var nursery = await DayNursery.CreateAsync(service.Address, options.Children, options.Tablets);
            var player = new DayPlayer(nursery, options.DecideLimit, TimeSpan.FromSeconds(options.IntervalSeconds)) { Progress = Console.Error.WriteLine };
            var results = await player.PlayAsync(photos);
            var peak = service.PeakResidentBytes();
            new DayReport(options, results, peak).Print(Console.Out);
            Console.WriteLine($"server log: {service.LogPath}{(options.Keep ? "" : " (deleted; --keep keeps it)")}");
            return 0;
        }
        finally
        {
            if (!options.Keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
