using System.Text.Json;
using DataGateway.Core.Records;

namespace DataGateway.Node.Tests;

/// <summary>Test data: one known record and helpers to write parameters.</summary>
internal static class Some
{
    public const string Subject = "91110108PDY00001XU";
    public static readonly DateOnly AsOf = new(2025, 1, 1);
    public static readonly string NameHmac = new('a', 64);
    public static readonly string IdHmac = new('b', 64);

    /// <summary>A healthy, complete record.</summary>
    public static EnterpriseRecord Record()
    {
        var record = new EnterpriseRecord
        {
            Uscc = Subject,
            Division = "110108",
            Industry = "C",
            OrgForm = "LLC",
            Status = "ACTIVE",
            RegisteredOn = AsOf.AddYears(-3),
            AbnormalListed = false,
            SeriousDishonestListed = false,
            AnnualReportOnTime = true,
            TaxGrade = "B",
            TaxPaid12m = 50_000,
            ZeroDeclMonths12m = 0,
            MissingDeclMonths24m = 0,
            TaxArrears = false,
            SocialHeadcount = 5,
            SocialArrearsMonths12m = 0,
            HousingFundContinuousMonths = 12,
            ElectricityBill12m = 100_000,
            UtilityArrears24m = 0,
            DishonestDebtor = false,
            ActiveEnforcements = 0,
            ConsumptionRestricted = false,
            PenaltiesMajor3y = false,
            CustomsDishonest = false,
            TechCertified = true,
            LegalRepNameHmac = NameHmac,
            LegalRepIdHmac = IdHmac,
        };
        return record;
    }

    /// <summary>The healthy record with one property replaced (null models missing department data).</summary>
    public static EnterpriseRecord RecordWith(string property, object? value)
    {
        var node = JsonSerializer.SerializeToNode(Record())!.AsObject();
        node[property] = value is null ? null : JsonSerializer.SerializeToNode(value);
        return node.Deserialize<EnterpriseRecord>()!;
    }

    public static IReadOnlyDictionary<string, JsonElement> Params(string json = "{}") =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    public static IReadOnlyDictionary<string, JsonElement> Param(string name, object value) =>
        Params(JsonSerializer.Serialize(new Dictionary<string, object> { [name] = value }));
}
