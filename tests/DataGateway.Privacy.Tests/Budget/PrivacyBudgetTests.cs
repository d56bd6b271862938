using DataGateway.Privacy.Budget;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataGateway.Privacy.Tests.Budget;

/// <summary>RELIABILITY.md D2: budget arithmetic is exact and never exceeds the cap.</summary>
public sealed class PrivacyBudgetTests
{
    [Fact]
    public void TrySpend_AcceptsExactlyTen_WhenTenthsAgainstCapOne()
    {
        Assert.True(Epsilon.TryParse("0.1", out var tenth, out _));
        Assert.True(Epsilon.TryParse("1.0", out var one, out _));
        var budget = PrivacyBudget.WithCap(one.MicroUnits);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(budget.TrySpend(tenth, out budget), $"spend {i + 1}");
        }

        Assert.Equal(one.MicroUnits, budget.SpentMicroUnits);
        Assert.Equal(0, budget.RemainingMicroUnits);
        Assert.False(budget.TrySpend(tenth, out var after));
        Assert.Equal(budget, after);
        Assert.False(budget.TrySpend(Epsilon.MinValue, out _));
    }

    [Property(MaxTest = 1000)]
    public Property TrySpend_NeverExceedsCap_AndMatchesLongModel(PositiveInt capUnits, int[] requests)
    {
        var cap = (long)capUnits.Get * 1000;
        var budget = PrivacyBudget.WithCap(cap);
        long model = 0;
        foreach (var request in requests ?? [])
        {
            var epsilon = Epsilon.FromMicroUnits(1 + (long)(uint)request % Epsilon.MaxMicroUnits);
            var fits = model + epsilon.MicroUnits <= cap;
            var spent = budget.TrySpend(epsilon, out budget);
            if (spent != fits)
            {
                return false.Label($"spend {epsilon} with {model}/{cap}: got {spent}");
            }

            model += fits ? epsilon.MicroUnits : 0;
            if (budget.SpentMicroUnits != model || budget.SpentMicroUnits > cap)
            {
                return false.Label("ledger drifted from the model");
            }
        }

        return true.ToProperty();
    }

    [Property(MaxTest = 500)]
    public bool TrySpend_AcceptsExactlyFloorOfCapOverEpsilon(PositiveInt micro, PositiveInt times)
    {
        var epsilon = Epsilon.FromMicroUnits(1 + (micro.Get % 2_000_000));
        var cap = epsilon.MicroUnits * (times.Get % 50) + (micro.Get % epsilon.MicroUnits);
        var budget = PrivacyBudget.WithCap(cap);
        var accepted = 0;
        while (budget.TrySpend(epsilon, out budget))
        {
            accepted++;
        }

        return accepted == cap / epsilon.MicroUnits;
    }

    [Fact]
    public void CanSpend_DoesNotOverflow_WhenCapIsLongMax()
    {
        var budget = new PrivacyBudget(long.MaxValue, long.MaxValue - 1);
        Assert.True(budget.CanSpend(Epsilon.MinValue));
        Assert.False(budget.CanSpend(Epsilon.FromMicroUnits(2)));
    }

    [Fact]
    public void Constructor_Throws_WhenSpentExceedsCap() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyBudget(10, 11));
}
