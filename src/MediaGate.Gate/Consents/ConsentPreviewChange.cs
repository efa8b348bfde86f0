namespace MediaGate.Gate.Consents;

/// <summary>How one rendition would change.</summary>
/// <param name="Purpose">journal, website, publicity or events.</param>
/// <param name="Audience">The audience key, e.g. <c>parent:&lt;childId&gt;</c> or <c>public</c>.</param>
/// <param name="Change"><c>withdraw</c>, <c>remake</c> or <c>reconsider</c>.</param>
/// <param name="Verdict">The decision it would come out as: <c>release</c>, <c>hold</c> or <c>block</c>.</param>
/// <param name="Shown">Whether the audience is shown a rendition now: a released decision with no rendition (a public
/// photo kept off the website because a child would need a mask) is not, so it is not counted as published.</param>
/// <param name="StaysShown">Shown now and still shown after the change (made again); false when it would come down.</param>
public sealed record ConsentPreviewChange(string Purpose, string Audience, string Change, string Verdict, bool Shown, bool StaysShown);
