namespace DataGateway.Privacy.Budget;

/// <summary>
/// An exact budget in micro-units: spent never exceeds the cap. This is the in-memory model of
/// the ledger's conditional update (<c>spent + ε ≤ cap</c>); the Storage ledger must agree
/// with it (RELIABILITY.md D1, D2).
/// </summary>
public readonly record struct PrivacyBudget
{
    /// <summary>Creates a budget.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or spent exceeds the cap.</exception>
    public PrivacyBudget(long capMicroUnits, long spentMicroUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capMicroUnits);
        ArgumentOutOfRangeException.ThrowIfNegative(spentMicroUnits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spentMicroUnits, capMicroUnits);
        CapMicroUnits = capMicroUnits;
        SpentMicroUnits = spentMicroUnits;
    }

    /// <summary>The cap for the period, in micro-units.</summary>
    public long CapMicroUnits { get; }

    /// <summary>What has been reserved so far, in micro-units.</summary>
    public long SpentMicroUnits { get; }

    /// <summary>What may still be reserved, in micro-units.</summary>
    public long RemainingMicroUnits => CapMicroUnits - SpentMicroUnits;

    /// <summary>A fresh budget with nothing spent.</summary>
    public static PrivacyBudget WithCap(long capMicroUnits) => new(capMicroUnits, 0);

    /// <summary>Whether <paramref name="epsilon"/> fits in what remains.</summary>
    // Compared against the remainder, never as spent + ε, so no sum can overflow.
    public bool CanSpend(Epsilon epsilon) => epsilon.MicroUnits <= RemainingMicroUnits;

    /// <summary>Reserves <paramref name="epsilon"/> if it fits; otherwise leaves the budget unchanged.</summary>
    public bool TrySpend(Epsilon epsilon, out PrivacyBudget after)
    {
        if (!CanSpend(epsilon))
        {
            after = this;
            return false;
        }

        after = new PrivacyBudget(CapMicroUnits, SpentMicroUnits + epsilon.MicroUnits);
        return true;
    }
}
