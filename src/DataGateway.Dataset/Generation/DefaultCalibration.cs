namespace DataGateway.Dataset.Generation;

/// <summary>
/// Default labels as the reference draws them: an intercept found by bisection so that the
/// mean PD over the population is 3%, then one uniform per enterprise from a separate stream.
/// </summary>
internal static class DefaultCalibration
{
    /// <summary>The reference's salt for the label stream (<c>seed ^ 0xD1B54A32D192ED03</c>).</summary>
    public const ulong LabelStreamSalt = 0xD1B54A32D192ED03UL;

    public const double TargetDefaultRate = 0.03;

    public static double Intercept(ReadOnlySpan<double> logits)
    {
        double lo = -15.0, hi = 5.0;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            var sum = 0.0;
            foreach (var x in logits)
            {
                sum += ReferenceModel.Sigmoid(mid + x);
            }

            if (sum / logits.Length < TargetDefaultRate)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    public static SplitMix64 LabelStream(ulong seed) => new(seed ^ LabelStreamSalt);
}
