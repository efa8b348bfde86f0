namespace MediaGate.Gate.Review;

/// <summary>The decision for one purpose and audience, with the engine's reasons as of now.</summary>
/// <param name="Purpose">journal, website, publicity or events.</param>
/// <param name="Audience">The audience key, e.g. <c>parent:&lt;childId&gt;</c> or <c>public</c>.</param>
/// <param name="Verdict"><c>release</c>, <c>hold</c> or <c>block</c>.</param>
/// <param name="Faces">Per face in number order: <c>show</c> or <c>mask</c>.</param>
/// <param name="Reasons">Why.</param>
public sealed record ReviewDecisionView(string Purpose, string Audience, string Verdict, IReadOnlyList<string> Faces, IReadOnlyList<ReviewReason> Reasons);
