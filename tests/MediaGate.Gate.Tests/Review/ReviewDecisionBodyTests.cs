using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Data.Media;
using MediaGate.Gate.Review;

namespace MediaGate.Gate.Tests.Review;

[TestClass]
public sealed class ReviewDecisionBodyTests
{
    [TestMethod]
    [DataRow(null, "release")]
    [DataRow("journals", "release")]
    [DataRow("journal", null)]
    [DataRow("journal", "publish")]
    public void Read_BadPurposeOrAction_GivesAProblem(string? purpose, string? action)
    {
        var (decision, problem) = new ReviewDecisionBody(purpose, action).Read();

        Assert.IsNull(decision);
        Assert.IsNotNull(problem);
    }

    [TestMethod]
    public void Read_Approve_IsRelease()
    {
        var (decision, _) = new ReviewDecisionBody("publicity", "approve").Read();

        Assert.AreEqual(new ReviewDecision(Purpose.Publicity, ReviewAction.Release, []).Action, decision?.Action);
        Assert.AreEqual(Purpose.Publicity, decision?.Purpose);
    }

    [TestMethod]
    public void Read_Assignments_MapToTheirKinds()
    {
        var (decision, problem) = new ReviewDecisionBody("journal", "mask",
        [
            new ReviewAssignmentBody("f1", "child-1"),
            new ReviewAssignmentBody("f2", null, "staff"),
            new ReviewAssignmentBody("f3", null, "not-a-child"),
            new ReviewAssignmentBody("f4", null),
            new ReviewAssignmentBody("f5", null, "not-a-face"),
        ]).Read();

        Assert.IsNotNull(decision, problem);
        CollectionAssert.AreEqual(
            new[] { FaceAssignmentKind.Child, FaceAssignmentKind.StaffAdult, FaceAssignmentKind.Unknown, FaceAssignmentKind.Unassigned, FaceAssignmentKind.NotAFace },
            decision.Assignments.Select(a => a.Assignment.Kind).ToArray());
    }

    [TestMethod]
    [DataRow(null, null, null)]
    [DataRow("f1", null, "child")]
    [DataRow("f1", "child-1", "staff")]
    [DataRow("f1", null, "alien")]
    public void Read_BadAssignment_GivesAProblem(string? faceId, string? childId, string? kind)
    {
        var (decision, problem) = new ReviewDecisionBody("journal", "release", [new ReviewAssignmentBody(faceId, childId, kind)]).Read();

        Assert.IsNull(decision);
        Assert.IsNotNull(problem);
    }
}
