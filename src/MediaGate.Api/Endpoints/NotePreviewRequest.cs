namespace MediaGate.Api.Endpoints;

/// <summary>The body of <c>POST /api/tablet/notes/preview</c>: the note being typed and the children tagged so far.</summary>
public sealed record NotePreviewRequest(string? Note, string[]? Children);
