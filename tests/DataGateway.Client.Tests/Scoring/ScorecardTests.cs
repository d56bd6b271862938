using DataGateway.Client.Scoring;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>DOMAIN.md "Scores": 600 points at good:bad 50:1, 20 points to double the odds (Factor 28.854, Offset 487.12).</summary>
public sealed class ScorecardTests
{
    [Fact]
    public void FactorAndOffset_MatchTheWorkedNumbers()
    {
        Assert.Equal(28.854, Scorecard.Factor, 3);
        Assert.Equal(487.12, Scorecard.Offset, 2);
    }

    [Theory]
    [InlineData(50.0, 600.0)]
    [InlineData(100.0, 620.0)]
    [InlineData(25.0, 580.0)]
    [InlineData(200.0, 640.0)]
    [InlineData(1.0, 487.12)]
    public void Points_FollowTheOdds(double goodToBadOdds, double expected)
    {
        // A default probability p has good:bad odds (1 − p)/p and log-odds z = −ln(odds).
        var z = -Math.Log(goodToBadOdds);

        Assert.Equal(expected, Scorecard.Points(z), 2);
    }

    [Fact]
    public void ProbabilityAndPoints_AgreeAtTheBaseOdds()
    {
        var z = Math.Log(1.0 / 50.0);

        Assert.Equal(1.0 / 51.0, Scorecard.Probability(z), 12);
        Assert.Equal(600.0, Scorecard.Points(z), 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    [InlineData(-7.25)]
    [InlineData(800.0)]
    [InlineData(-800.0)]
    public void Probability_IsTheLogisticLinkAndNeverNaN(double z)
    {
        var p = Scorecard.Probability(z);

        Assert.InRange(p, 0.0, 1.0);
        Assert.Equal(1.0, p + Scorecard.Probability(-z), 12);
        if (Math.Abs(z) < 30)
        {
            Assert.Equal(1 / (1 + Math.Exp(-z)), p, 12);
        }
    }

    [Fact]
    public void Points_FallAsTheDefaultLogOddsRise()
    {
        Assert.True(Scorecard.Points(-4) > Scorecard.Points(-3));
        Assert.Equal(20.0, Scorecard.Points(-Math.Log(2) - 3) - Scorecard.Points(-3), 9);
    }
}
