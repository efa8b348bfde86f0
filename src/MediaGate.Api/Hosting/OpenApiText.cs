using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Makes the OpenAPI document (<c>/openapi/v1.json</c>) readable on its own: what the service is and how to
/// authenticate, a summary for the endpoints whose handler documentation gives none, and no pointers into documents a
/// reader of the OpenAPI document does not have (the handlers' XML documentation cites the issues and the spec).
/// </summary>
internal static partial class OpenApiText
{
    private const string Description =
        "MediaGate checks every photo of a child against the nursery's consent matrix before anyone sees it. " +
        "Authenticate with `POST /api/session` (manager and parent accounts: username and password) or `POST /api/tablet/session` " +
        "(staff on a registered tablet: device id, device secret, username and PIN); send the token as `Authorization: Bearer ...`. " +
        "The website's feed takes its key in the `X-Api-Key` header. Every error is an RFC 9457 problem document " +
        "(`application/problem+json`); anything belonging to another family is 404, never 403.";

    /// <summary>Summaries for the endpoints whose handlers carry no documentation comment, by method and route.</summary>
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST /api/session"] = "Signs a manager or parent in with username and password; answers a bearer token and its expiry. 401 for wrong credentials, whatever was wrong.",
        ["POST /api/tablet/session"] = "Signs a staff member in on a registered tablet (device id and secret, username and PIN); answers a bearer token bound to the device.",
        ["POST /api/manager/children"] = "Adds a child (name, optional room); answers its id.",
        ["GET /api/manager/children"] = "Lists the setting's children with their rooms and whether they have left.",
        ["GET /api/manager/children/{childId}"] = "One child, 404 when unknown.",
        ["GET /api/manager/consents"] = "The consent matrix: for each child and purpose (journal, website, publicity, events), the cell in force.",
        ["GET /api/manager/consents.csv"] = "The consent matrix as CSV, in the columns the import takes.",
        ["GET /api/manager/audit/verify"] = "Walks the audit log's keyed hash chain and names the first broken link, if any.",
        ["POST /api/manager/accounts"] = "Creates a manager, staff or parent account (a parent with the children it may see). Weak passwords and PINs are refused with the reason.",
        ["GET /api/manager/accounts"] = "Lists the accounts: role, username, display name, children of a parent, whether active.",
        ["POST /api/manager/devices"] = "Registers a tablet; answers its id and its secret, shown once.",
        ["GET /api/manager/devices"] = "Lists the registered tablets.",
        ["POST /api/manager/website-keys"] = "Creates a key for the nursery website's feed; the key is shown once.",
        ["DELETE /api/manager/website-keys/{name}"] = "Revokes a website key: the feed refuses it at once.",
        ["PUT /api/manager/accounts/{id}/password"] = "Sets a new password (or PIN for staff); the account's earlier sessions end.",
    };

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info ??= new OpenApiInfo();
            document.Info.Title = "MediaGate";
            document.Info.Description = Description;
            // Here, after every operation and schema transformer (the XML documentation's included), the text is final.
            foreach (var (path, item) in document.Paths ?? [])
            {
                foreach (var (method, operation) in item.Operations ?? [])
                {
                    if (string.IsNullOrWhiteSpace(operation.Summary) && string.IsNullOrWhiteSpace(operation.Description)
                        && Summaries.TryGetValue($"{method.Method} {path}", out var summary))
                    {
                        operation.Summary = summary;
                    }

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
