using System.Globalization;
using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>
/// `--multi-scale "whole=640;max-scale=2;finest=3200000;ratio=4;tile=768;overlap=128;nms-iou=0.3;nms-contain=0.8;fuse=1;mirror=1"`:
/// changes a family's multi-scale plan for tuning runs (only the keys given).
/// </summary>
internal static class SettingsOverride
{
    public static MultiScaleSettings Apply(MultiScaleSettings settings, string? spec)
    {
        foreach (var pair in (spec ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=')[0].Trim(), double.Parse(pair.Split('=')[1], CultureInfo.InvariantCulture));
            settings = key switch
            {
                "whole" => settings with { WholeImageLongSide = (int)value },
                "max-scale" => settings with { MaxScale = value },
                "finest" => settings with { FinestLevelPixels = (long)value },
                "ratio" => settings with { MaxLevelRatio = value },
                "tile" => settings with { TileSide = (int)value },
                "overlap" => settings with { TileOverlap = (int)value },
                "nms-iou" => settings with { MergeIntersectionOverUnion = (float)value },
                "nms-contain" => settings with { MergeIntersectionOverSmaller = (float)value },
                "fuse" => settings with { FuseLevels = value != 0 },
                "mirror" => settings with { MirroredLevels = (int)value },
                _ => throw new ArgumentException($"unknown multi-scale key '{key}'"),
            };
        }

        return settings;
    }
}
