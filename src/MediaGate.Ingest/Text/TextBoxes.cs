namespace MediaGate.Ingest.Text;

/// <summary>
/// DBNet's post-processing, written for masking: the probability map is thresholded per pixel, 8-connected
/// regions are labelled, each region's box is scored by its mean probability, grown back by the unclip distance
/// (area x ratio / perimeter, the inverse of the shrink used in training) and kept when its score and size pass.
/// Boxes are axis-aligned: a rotated word gets the box around it, which masks a little more, never less.
/// Time and memory are linear in the map: one label array and one explicit stack, no recursion.
/// </summary>
internal static class TextBoxes
{
    /// <summary>
    /// Boxes in map pixels. Null when there are more regions than <see cref="TextDetectorSettings.MaxRegions"/>
    /// (the caller fails closed).
    /// </summary>
    public static List<TextRegion>? FromProbabilityMap(ReadOnlySpan<float> map, int width, int height, TextDetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (map.Length < width * height)
        {
            throw new ArgumentException("The map is smaller than its size.", nameof(map));
        }

        var labelled = new bool[width * height];
        var stack = new Stack<int>();
        var regions = new List<TextRegion>();
        int components = 0;
        for (int start = 0; start < width * height; start++)
        {
            if (labelled[start] || map[start] < settings.PixelThreshold)
            {
                continue;
            }

            // Flood one component: its bounds, pixel count and probability sum.
            if (++components > settings.MaxRegions * 8)
            {
                // Thousands of specks: a noise-like map, not a picture with a few labels.
                return null;
            }

            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1, count = 0;
            double sum = 0;
            labelled[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                int x = i % width, y = i / width;
                count++;
                sum += map[i];
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                for (int dy = -1; dy <= 1; dy++)
                {
                    int ny = y + dy;
                    if ((uint)ny >= (uint)height)
                    {
                        continue;
                    }

                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx;
                        int j = (ny * width) + nx;
                        if ((uint)nx < (uint)width && !labelled[j] && map[j] >= settings.PixelThreshold)
                        {
                            labelled[j] = true;
                            stack.Push(j);
                        }
                    }
                }
            }

            float score = (float)(sum / count);
            float w = maxX - minX + 1, h = maxY - minY + 1;
            if (score < settings.BoxThreshold || Math.Min(w, h) < settings.MinSide)
            {
                continue;
            }

            // The shrunk kernel's area (its pixels) over the box's perimeter, as DBNet's unclip does for its polygon.
            float grow = count * settings.UnclipRatio / (2f * (w + h));
            float x0 = Math.Max(0f, minX - grow), y0 = Math.Max(0f, minY - grow);
            float x1 = Math.Min(width, maxX + 1 + grow), y1 = Math.Min(height, maxY + 1 + grow);
            regions.Add(new TextRegion(x0, y0, x1 - x0, y1 - y0, score));
            if (regions.Count > settings.MaxRegions)
            {
                return null;
            }
        }

        return regions;
    }
}
