using DataGateway.Core.Catalog;
using DataGateway.Node.Scoring;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// Row values of the public dimensions as small codes: the value's index in the dimension's public
/// domain (<see cref="AggregateDimensions.All"/>), or <see cref="Unknown"/>.
/// </summary>
internal static class DimensionCodes
{
    /// <summary>
    /// The code of an unknown or out-of-domain value. 63 so that a 64-bit mask test needs no range
    /// check (C# masks shift counts to 6 bits) and no filter mask ever sets it: such a row joins no group.
    /// </summary>
    public const byte Unknown = 63;

    // Index of each dimension in AggregateDimensions.All, which is also the snapshot's column order.

    /// <summary>Column of <c>registration.province</c>.</summary>
    public static readonly int Province = IndexOf("registration.province");

    /// <summary>Column of <c>registration.industry</c>.</summary>
    public static readonly int Industry = IndexOf("registration.industry");

    /// <summary>Column of <c>registration.orgForm</c>.</summary>
    public static readonly int OrgForm = IndexOf("registration.orgForm");

    /// <summary>Column of <c>registration.status</c>.</summary>
    public static readonly int Status = IndexOf("registration.status");

    /// <summary>Column of <c>tax.grade</c>.</summary>
    public static readonly int TaxGrade = IndexOf("tax.grade");

    /// <summary>Column of the derived age band.</summary>
    public static readonly int AgeBand = IndexOf(AggregateDimensions.AgeBand);

    /// <summary>Column of the derived size class.</summary>
    public static readonly int SizeClass = IndexOf(AggregateDimensions.SizeClass);

    /// <summary>The code of a catalog value in dimension <paramref name="dimension"/>.</summary>
    public static byte Of(int dimension, string? value) => Code(AggregateDimensions.All[dimension].IndexOf(value));

    /// <summary>The age band code of a registration date at the as-of date.</summary>
    public static byte AgeBandOf(DateOnly registeredOn, DateOnly asOf) =>
        Code(AggregateDimensions.AgeBandOf(FieldEncodings.WholeYears(registeredOn, asOf)));

    /// <summary>The size class code of an insured headcount; null is unknown.</summary>
    public static byte SizeClassOf(long? headcount) => headcount is { } h ? Code(AggregateDimensions.SizeClassOf(h)) : Unknown;

    /// <summary>The province code of a six-digit division.</summary>
    public static byte ProvinceOf(string division) => division.Length >= 2 ? Of(Province, division[..2]) : Unknown;

    private static byte Code(int index) => index is >= 0 and < Unknown ? (byte)index : Unknown;

    private static int IndexOf(string name)
    {
        for (var i = 0; i < AggregateDimensions.All.Count; i++)
        {
            if (AggregateDimensions.All[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The aggregate dimensions lost " + name + ".");
    }
}
