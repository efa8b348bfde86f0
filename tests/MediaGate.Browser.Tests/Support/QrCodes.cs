using System.Text.Json;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Reads a QR code the way a camera does: from the pixels Chromium drew on the screen (a screenshot of the element),
/// decoded by ZXing.Net. The PNG is turned into grey pixels by the page's own browser (createImageBitmap, so no
/// image library is needed here), then ZXing finds and decodes the code in them; a code that is drawn wrong, too
/// small or around the wrong text does not read back as the text.
/// </summary>
internal static class QrCodes
{
    /// <summary>The QR code drawn in <paramref name="code"/>, or null when none can be read there.</summary>
    public static async Task<QrReading?> ReadAsync(ILocator code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var png = await code.ScreenshotAsync(new LocatorScreenshotOptions { Animations = ScreenshotAnimations.Disabled });
        var grey = await code.Page.EvaluateAsync<JsonElement>("""
            async (png) => {
              const bytes = Uint8Array.from(atob(png), c => c.charCodeAt(0));
              const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
              const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
              const context = canvas.getContext('2d');
              context.drawImage(bitmap, 0, 0);
              const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
              let text = '';
              for (let i = 0; i < rgba.length; i += 4) {
                text += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
              }
              return { width: bitmap.width, height: bitmap.height, grey: btoa(text) };
            }
            """, Convert.ToBase64String(png));
        var width = grey.GetProperty("width").GetInt32();
        var height = grey.GetProperty("height").GetInt32();
        var source = new RGBLuminanceSource(Convert.FromBase64String(grey.GetProperty("grey").GetString()!), width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        if (result is null)
        {
            return null;
        }

        // The finder patterns (bottom-left, top-left, top-right) know their module size; the top-left one's centre is
        // 3.5 modules inside the symbol, so what lies between it and the picture's edges is the quiet zone.
        var finders = result.ResultPoints.OfType<FinderPattern>().Take(3).ToArray();
        var module = finders.Average(f => f.EstimatedModuleSize);
        var topLeft = finders[1];
        var quietZone = Math.Min(topLeft.X, topLeft.Y) / module - 3.5;
        return new QrReading(result.Text, width, height, quietZone);
    }

}

/// <summary>A QR code read from the screen: its text, the drawn size in CSS pixels, and its quiet zone in modules.</summary>
internal sealed record QrReading(string Text, int Width, int Height, double QuietZoneModules);
