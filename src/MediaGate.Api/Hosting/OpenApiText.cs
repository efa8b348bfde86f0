using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Makes the OpenAPI document (<c>/openapi/v1.json</c>) readable on its own: what the service is and how to
/// authenticate, and no pointers into documents a reader of the OpenAPI document does not have (the handlers' XML
/// documentation, which gives each endpoint its summary, cites the issues and the spec).
/// </summary>
internal static partial class OpenApiText
{
    private const string Description =
        "MediaGate checks every photo of a child against the nursery's consent matrix before anyone sees it. " +
        "Authenticate with `POST /api/session` (manager and parent accounts: username and password) or `POST /api/tablet/session` " +
        "(staff on a registered tablet: device id, device secret, username and PIN); send the token as `Authorization: Bearer ...`. " +
        "The website's feed takes its key in the `X-Api-Key` header. Every error is an RFC 9457 problem document " +
        "(`application/problem+json`); anything belonging to another family is 404, never 403.";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info ??= new OpenApiInfo();
            document.Info.Title = "MediaGate";
            document.Info.Description = Description;
            // Here, after every operation and schema transformer (the XML documentation's included), the text is final.
            foreach (var item in document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            {
                foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                {
                    operation.Summary = WithoutCitations(operation.Summary);
                    operation.Description = WithoutCitations(operation.Description);
                    foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                    {
                        parameter.Description = WithoutCitations(parameter.Description);
                    }
                }
            }

            foreach (var schema in document.Components?.Schemas?.Values ?? [])
            {
                Clean(schema, depth: 0);
            }

            return Task.CompletedTask;
        });
    }

    private static void Clean(IOpenApiSchema schema, int depth)
    {
        if (schema is not OpenApiSchema concrete || depth > 8)
        {
            return;
        }

        concrete.Description = WithoutCitations(concrete.Description);
        foreach (var property in concrete.Properties?.Values ?? [])
        {
            Clean(property, depth + 1);
        }
    }

    /// <summary>Drops parenthesised citations such as "(issue 7, item 5: ...)", "(api.md)" or "(README, Sessions)".</summary>
    internal static string? WithoutCitations(string? text) =>
        text is null ? null : Citation().Replace(text, string.Empty);

    [GeneratedRegex(@"\s*\([^()]*\b(?:api\.md|product\.md|style\.md|README|issue \d+|contract\d*\.md)\b[^()]*\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Citation();
}
