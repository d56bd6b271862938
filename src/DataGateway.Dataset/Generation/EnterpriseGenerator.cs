using DataGateway.Core.Records;
using DataGateway.Cryptography.PersonalData;

namespace DataGateway.Dataset.Generation;

/// <summary>
/// The deterministic synthetic population (a C# port of <c>reference/synth_sme_reference.py</c>).
/// </summary>
/// <remarks>
/// Two passes over the reference stream: the first keeps only each enterprise's default logit
/// (8 bytes each) to calibrate the intercept over the whole population, as the reference does;
/// the second replays the stream and yields full records one at a time, so a million
/// enterprises never sit in memory at once.
/// </remarks>
public static class EnterpriseGenerator
{
    /// <summary>Yields the enterprises of <paramref name="spec"/> in index order.</summary>
    /// <param name="spec">Count, seed and as-of date.</param>
    /// <param name="hmac">The platform key's HMAC for the legal representatives' personal data.</param>
    public static IEnumerable<EnterpriseRecord> Generate(DatasetSpec spec, PersonalDataHmac hmac)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(hmac);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Count, 1);
        return Replay(spec, hmac, Intercept(spec));
    }

    /// <summary>The calibrated default intercept of the population (pass one).</summary>
    internal static double Intercept(DatasetSpec spec)
    {
        var logits = new double[spec.Count];
        var r = new SplitMix64(spec.Seed);
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = ReferenceModel.Draw(r).Logit;
        }

        return DefaultCalibration.Intercept(logits);
    }

    private static IEnumerable<EnterpriseRecord> Replay(DatasetSpec spec, PersonalDataHmac hmac, double intercept)
    {
        var r = new SplitMix64(spec.Seed);
        var labels = DefaultCalibration.LabelStream(spec.Seed);
        var factory = new EnterpriseFactory(spec.Seed, spec.AsOf, hmac);
        for (var i = 0; i < spec.Count; i++)
        {
            var e = ReferenceModel.Draw(r);
            var defaulted = labels.Uniform() < ReferenceModel.Sigmoid(intercept + e.Logit);
            yield return factory.Create(e, i, defaulted);
        }
    }
}
