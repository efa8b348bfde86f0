using System.ComponentModel.DataAnnotations;

namespace MediaGate.Api.Web;

/// <summary>The <c>WebPages</c> section: where the static pages are served from (validated at start-up).</summary>
public sealed class WebPagesOptions : IValidatableObject
{
    public const string Section = "WebPages";

    /// <summary>
    /// The folder holding the pages (<c>tablet/</c>, <c>journal/</c>, <c>manager/</c>, <c>assets/</c>, <c>vendor/</c>);
    /// default <c>wwwroot</c> beside <c>mediagate.dll</c>, where the build copies them. Not the content root:
    /// <c>mediagate serve</c> runs in whatever folder it was started from.
    /// </summary>
    public string Root { get; set; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Directory.Exists(Path.Combine(Root, "assets")))
        {
            yield return new ValidationResult($"WebPages:Root: '{Root}' holds no assets folder: build src/MediaGate.Cli (it copies wwwroot) or point WebPages:Root at it.", [nameof(Root)]);
        }
    }
}
