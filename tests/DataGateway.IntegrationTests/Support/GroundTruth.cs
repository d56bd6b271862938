using DataGateway.Core.Records;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;

namespace DataGateway.IntegrationTests.Support;

/// <summary>The generated records, recomputed in-test so answers can be checked against the truth.</summary>
public static class GroundTruth
{
    private static readonly Lazy<IReadOnlyList<EnterpriseRecord>> Records = new(() =>
        EnterpriseGenerator.Generate(TestMaterial.Spec, new PersonalDataHmac(TestMaterial.Keys.PlatformHmacKey)).ToArray());

    public static IReadOnlyList<EnterpriseRecord> All => Records.Value;

    public static (EnterpriseRecord Record, int Index) First(Func<EnterpriseRecord, bool> predicate)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (predicate(All[i]))
            {
                return (All[i], i);
            }
        }

        throw new InvalidOperationException("No generated record matches.");
    }
}
