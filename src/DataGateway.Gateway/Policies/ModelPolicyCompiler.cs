using DataGateway.Cryptography.Paillier;

namespace DataGateway.Gateway.Policies;

/// <summary>Checks the <c>models</c> section; every error is collected, none is defaulted away.</summary>
internal static class ModelPolicyCompiler
{
    /// <summary>The largest batch any policy may allow (bounds one node request and response).</summary>
    public const int LimitBatchSize = 1000;

    /// <summary>The most features any policy may allow (a 4096-bit model of 64 features is about 90 KB).</summary>
    public const int LimitFeatures = 64;

    public static ModelPolicy Compile(ModelsDocument? document, List<string> errors)
    {
        if (document is null)
        {
            return ModelPolicy.Default;
        }

        var before = errors.Count;
        var period = PolicyCompiler.ParsePeriod(document.Period);
        if (period is null)
        {
            errors.Add("models.period: expected a whole number of days or hours, e.g. '30d'");
        }

        Require(document.MinFeatures is >= 1 and <= LimitFeatures, $"models.minFeatures: must be between 1 and {LimitFeatures}", errors);
        Require(document.MaxFeatures is >= 1 and <= LimitFeatures && document.MaxFeatures >= (document.MinFeatures ?? 1),
            $"models.maxFeatures: must be between minFeatures and {LimitFeatures}", errors);
        Require(document.MaxPerInstitution is >= 1 and <= 10_000, "models.maxPerInstitution: must be between 1 and 10000", errors);
        Require(document.MaxBatchSize is >= 1 and <= LimitBatchSize, $"models.maxBatchSize: must be between 1 and {LimitBatchSize}", errors);
        Require(document.PerSubjectModel is >= 1, "models.perSubjectModel: must be a positive integer", errors);
        // Absent in policies written before it existed: the shipped value applies rather than no limit at all.
        var perSubject = document.PerSubject ?? ModelPolicy.Default.PerSubject;
        Require(perSubject >= 1, "models.perSubject: must be a positive integer (scores of one subject across all of an institution's models)", errors);

        var min = document.KeyBits?.Min ?? PaillierKeyPolicy.ProductionMinimumBits;
        var max = document.KeyBits?.Max ?? PaillierKeyPolicy.LargestBits;
        Require(min is >= PaillierKeyPolicy.ProductionMinimumBits and <= PaillierKeyPolicy.LargestBits,
            $"models.keyBits.min: must be between {PaillierKeyPolicy.ProductionMinimumBits} and {PaillierKeyPolicy.LargestBits}", errors);
        Require(max >= min && max <= PaillierKeyPolicy.LargestBits, $"models.keyBits.max: must be between min and {PaillierKeyPolicy.LargestBits}", errors);

        return errors.Count > before
            ? ModelPolicy.Default // discarded: the compile fails
            : new ModelPolicy(
                document.MinFeatures!.Value, document.MaxFeatures!.Value, document.MaxPerInstitution!.Value, document.MaxBatchSize!.Value,
                document.PerSubjectModel!.Value, perSubject, period!.Value, PaillierKeyPolicy.WithMinimum(min), max);
    }

    private static void Require(bool condition, string error, List<string> errors)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }
}
