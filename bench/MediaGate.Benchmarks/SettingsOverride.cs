using System.Globalization;
using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>
/// `--multi-scale "whole=640;max-scale=2;finest=3200000;ratio=4;tile=768;overlap=128;nms-iou=0.3;nms-contain=0.8;fuse=1;mirror=1;cascade-target=64;cascade-enlarge=1;cascade-context=6;cascade-weight=0.25;cascade-skip=1.1"`
/// changes a family's multi-scale plan for tuning runs (only the keys given; cascade=0 turns the second look off).
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
                "cascade" => settings with { Cascade = value == 0 ? null : settings.Cascade },
                "cascade-target" => settings with { Cascade = CascadeOf(settings) with { TargetSide = (float)value } },
                "cascade-enlarge" => settings with { Cascade = CascadeOf(settings) with { MaxEnlargement = (float)value } },
                "cascade-context" => settings with { Cascade = CascadeOf(settings) with { Context = (float)value } },
                "cascade-weight" => settings with { Cascade = CascadeOf(settings) with { Weight = (float)value } },
                "cascade-skip" => settings with { Cascade = CascadeOf(settings) with { SkipAbove = (float)value } },
                "cascade-budget" => settings with { Cascade = CascadeOf(settings) with { MaxTensorPixels = (long)value } },
                _ => throw new ArgumentException($"unknown multi-scale key '{key}'"),
            };
        }

        return settings;
    }

    private static CascadeSettings CascadeOf(MultiScaleSettings settings) =>
        settings.Cascade ?? new CascadeSettings { TargetSide = 64, MaxEnlargement = 1f, Context = 6f };
}
