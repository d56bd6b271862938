using DataGateway.Core.Catalog;
using DataGateway.Core.Records;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>Seeded random populations with unknown values, out-of-domain codes and extreme amounts (D11).</summary>
internal static class RandomEnterprises
{
    private static readonly long[] Extremes = [long.MinValue, long.MinValue + 1, -1, 0, 1, long.MaxValue - 1, long.MaxValue];

    public static EnterpriseRecord[] Generate(int seed, int count)
    {
        var random = new Random(seed);
        var records = new EnterpriseRecord[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = new EnterpriseRecord
            {
                Uscc = "U" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
                Division = Pick(random, FieldCatalog.Provinces) + "0101",
                Industry = Pick(random, FieldCatalog.Industries),
                OrgForm = Pick(random, FieldCatalog.OrgForms),
                Status = Pick(random, FieldCatalog.Statuses),
                RegisteredOn = Some.AsOf.AddDays(-random.Next(0, 15 * 366)),
                TaxGrade = random.Next(10) == 0 ? null : Pick(random, FieldCatalog.TaxGrades),
                SocialHeadcount = random.Next(8) == 0 ? null : random.Next(3) switch { 0 => random.Next(0, 10), 1 => random.Next(10, 120), _ => random.Next(0, 1000) },
                TaxPaid12m = random.Next(6) switch
                {
                    0 => null,
                    1 => Extremes[random.Next(Extremes.Length)],
                    _ => random.NextInt64(-1_000, 2_000_000),
                },
                PenaltiesCount3y = random.Next(5) == 0 ? null : random.Next(0, 6),
                Capital = random.NextInt64(0, 50_000_000_000),
                TaxArrears = random.Next(4) == 0 ? null : random.Next(2) == 0,
            };
        }

        return records;
    }

    private static string Pick(Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];
}
