namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class SecretRulesTests
{
    [TestMethod]
    [DataRow("password")]
    [DataRow("PASSWORD1")]
    [DataRow("nursery2024")]
    [DataRow("qwertyuiop")]
    [DataRow("aaaaaaaaaa")]
    [DataRow("abcdefghij")]
    [DataRow("abcabcabcabc")]
    [DataRow("Head2024!")]
    public void PasswordProblem_GuessablePassword_SaysWhy(string password) =>
        Assert.IsNotNull(SecretRules.PasswordProblem(password, "head", 8), $"'{password}' is refused");

    [TestMethod]
    [DataRow("our blue door is round")]
    [DataRow("parent password")]
    [DataRow("Tr4in-Rabbit-Kettle")]
    public void PasswordProblem_SentenceOrMixedPassword_Accepted(string password) =>
        Assert.IsNull(SecretRules.PasswordProblem(password, "head", 8), $"'{password}' is accepted");

    [TestMethod]
    [DataRow("000000")]
    [DataRow("111111")]
    [DataRow("123456")]
    [DataRow("234567")]
    [DataRow("654321")]
    [DataRow("121212")]
    [DataRow("123123")]
    [DataRow("12345")]
    [DataRow("12345a")]
    public void PinProblem_TrivialOrMalformedPin_SaysWhy(string pin) =>
        Assert.IsNotNull(SecretRules.PinProblem(pin, 6), $"PIN {pin} is refused");

    [TestMethod]
    [DataRow("482913")]
    [DataRow("730164")]
    [DataRow("5027319")]
    public void PinProblem_UnpatternedPin_Accepted(string pin) =>
        Assert.IsNull(SecretRules.PinProblem(pin, 6), $"PIN {pin} is accepted");
}
