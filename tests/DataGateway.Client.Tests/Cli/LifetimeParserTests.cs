using DataGateway.Cli.Tokens;

namespace DataGateway.Client.Tests.Cli;

public sealed class LifetimeParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("7d", 604800)]
    public void TryParse_ReturnsTheLifetime_WhenNumberAndUnit(string text, int seconds)
    {
        Assert.True(LifetimeParser.TryParse(text, out var lifetime));
        Assert.Equal(TimeSpan.FromSeconds(seconds), lifetime);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("1")]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("1w")]
    [InlineData("1.5h")]
    [InlineData("99999999999999999d")]
    public void TryParse_Fails_WhenNotAPositiveNumberWithAUnit(string? text)
    {
        Assert.False(LifetimeParser.TryParse(text, out _));
    }
}
