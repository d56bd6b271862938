using System.Text.Json;
using DataGateway.Privacy.Budget;

namespace DataGateway.Privacy.Tests.Budget;

/// <summary>RELIABILITY.md D2: wire epsilons are parsed exactly, and bad ones are refused with a reason.</summary>
public sealed class EpsilonTests
{
    [Theory]
    [InlineData("0.1", 100_000)]
    [InlineData("1", 1_000_000)]
    [InlineData("0.000001", 1)]
    [InlineData("1e-6", 1)]
    [InlineData("5E-1", 500_000)]
    [InlineData("0.5e+0", 500_000)]
    [InlineData("2.5", 2_500_000)]
    [InlineData("0.1000000000000000", 100_000)]
    [InlineData("1000", 1_000_000_000)]
    [InlineData("0.00001e1", 100)]
    public void TryParse_ReturnsExactMicroUnits_WhenValueIsWholeMicroUnits(string text, long micro)
    {
        Assert.True(Epsilon.TryParse(text, out var epsilon, out var error));
        Assert.Equal(EpsilonError.None, error);
        Assert.Equal(micro, epsilon.MicroUnits);
    }

    [Theory]
    [InlineData("0", EpsilonError.NotPositive)]
    [InlineData("-0", EpsilonError.NotPositive)]
    [InlineData("0.0e5", EpsilonError.NotPositive)]
    [InlineData("-0.1", EpsilonError.NotPositive)]
    [InlineData("-1e-30", EpsilonError.NotPositive)]
    [InlineData("1e-30", EpsilonError.TooPrecise)]
    [InlineData("0.0000001", EpsilonError.TooPrecise)]
    [InlineData("0.10000000000000001", EpsilonError.TooPrecise)]
    [InlineData("0.1000000000000000055511151231257827", EpsilonError.TooPrecise)]
    [InlineData("1e308", EpsilonError.TooLarge)]
    [InlineData("1000.000001", EpsilonError.TooLarge)]
    [InlineData("1e99999999999999999999999", EpsilonError.TooLarge)]
    [InlineData("1e-99999999999999999999999", EpsilonError.TooPrecise)]
    [InlineData("NaN", EpsilonError.NotANumber)]
    [InlineData("Infinity", EpsilonError.NotANumber)]
    [InlineData("-Infinity", EpsilonError.NotANumber)]
    [InlineData("\"0.1\"", EpsilonError.NotANumber)]
    [InlineData("", EpsilonError.NotANumber)]
    [InlineData(".1", EpsilonError.NotANumber)]
    [InlineData("01", EpsilonError.NotANumber)]
    [InlineData("1.", EpsilonError.NotANumber)]
    [InlineData("1e", EpsilonError.NotANumber)]
    [InlineData("+1", EpsilonError.NotANumber)]
    [InlineData("0x10", EpsilonError.NotANumber)]
    [InlineData(" 1", EpsilonError.NotANumber)]
    [InlineData("1,5", EpsilonError.NotANumber)]
    public void TryParse_Refuses_WhenValueIsInvalid(string text, EpsilonError expected)
    {
        Assert.False(Epsilon.TryParse(text, out var epsilon, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(0, epsilon.MicroUnits);
    }

    [Theory]
    [InlineData("{\"e\":0.1}", true, EpsilonError.None)]
    [InlineData("{\"e\":\"0.1\"}", false, EpsilonError.NotANumber)]
    [InlineData("{\"e\":null}", false, EpsilonError.NotANumber)]
    [InlineData("{\"e\":true}", false, EpsilonError.NotANumber)]
    [InlineData("{\"e\":1e308}", false, EpsilonError.TooLarge)]
    [InlineData("{\"e\":1e-30}", false, EpsilonError.TooPrecise)]
    public void TryFromJson_AcceptsOnlyJsonNumbers(string json, bool ok, EpsilonError expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(ok, Epsilon.TryFromJson(document.RootElement.GetProperty("e"), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryFromDecimal_IsExact_ForOneTenth()
    {
        Assert.True(Epsilon.TryFromDecimal(0.1m, out var epsilon, out _));
        Assert.Equal(100_000, epsilon.MicroUnits);
        Assert.False(Epsilon.TryFromDecimal(0.0000001m, out _, out var error));
        Assert.Equal(EpsilonError.TooPrecise, error);
    }

    [Theory]
    [InlineData(1_000_001, 500_001, 500_000)]
    [InlineData(2, 1, 1)]
    [InlineData(100_000, 50_000, 50_000)]
    public void SplitInHalf_AddsUpExactly(long micro, long first, long second)
    {
        var (a, b) = Epsilon.FromMicroUnits(micro).SplitInHalf();
        Assert.Equal(first, a.MicroUnits);
        Assert.Equal(second, b.MicroUnits);
    }

    [Fact]
    public void SplitInHalf_Throws_WhenOneMicroUnit() =>
        Assert.Throws<InvalidOperationException>(() => Epsilon.MinValue.SplitInHalf());

    [Theory]
    [InlineData(100_000, "0.1")]
    [InlineData(1_000_000, "1")]
    [InlineData(1, "0.000001")]
    [InlineData(2_500_000, "2.5")]
    public void ToString_RoundTripsThroughTryParse(long micro, string text)
    {
        var epsilon = Epsilon.FromMicroUnits(micro);
        Assert.Equal(text, epsilon.ToString());
        Assert.True(Epsilon.TryParse(epsilon.ToString(), out var back, out _));
        Assert.Equal(epsilon, back);
    }
}
