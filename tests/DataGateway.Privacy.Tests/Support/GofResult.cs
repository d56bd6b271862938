namespace DataGateway.Privacy.Tests.Support;

/// <summary>The statistics of one goodness-of-fit run and their critical values.</summary>
internal sealed record GofResult(double ChiSquare, double Critical, int Degrees, double MeanZ, double VarianceZ, double ZCritical)
{
    public bool ChiSquarePasses => ChiSquare <= Critical;

    public bool MomentsPass => Math.Abs(MeanZ) <= ZCritical && Math.Abs(VarianceZ) <= ZCritical;

    public bool Passes => ChiSquarePasses && MomentsPass;

    public override string ToString() =>
        $"χ²={ChiSquare:F1} (critical {Critical:F1}, df {Degrees}), mean z={MeanZ:F2}, variance z={VarianceZ:F2} (critical {ZCritical:F2})";
}
