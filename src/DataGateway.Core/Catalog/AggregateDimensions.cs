using System.Collections.Frozen;

namespace DataGateway.Core.Catalog;

/// <summary>
/// The public dimensions of aggregates (DOMAIN.md "Aggregates") and the fields they may measure.
/// </summary>
/// <remarks>
/// Four dimensions are catalog codes with the catalog's value lists; two are derived on the node:
/// <list type="bullet">
/// <item><c>registration.ageBand</c>: whole years since registration at the data's as-of date
/// (<c>registration.ageYears</c>), banded <c>&lt;1</c> = 0, <c>1-3</c> = 1..2, <c>3-5</c> = 3..4,
/// <c>5-10</c> = 5..9, <c>10+</c> = 10 and more.</item>
/// <item><c>size.class</c>: insured headcount (<c>social.headcount</c>), with the employee cut-offs of
/// the 2011 SME classification (工信部联企业〔2011〕300号, industrial sector): <c>micro</c> 0..9 (including
/// enterprises insuring nobody), <c>small</c> 10..99, <c>medium</c> 100..299, <c>large</c> 300 and more.</item>
/// </list>
/// A record whose value of a dimension is unknown (no tax grade, no social data) falls in no group of
/// that dimension and passes no filter on it. Measurable fields are the catalog's aggregatable fields
/// with an integer encoding (counts, amounts, basis-point ratios, 0/1 flags, whole years); categorical
/// codes and HMACs are not measurable.
/// </remarks>
public static class AggregateDimensions
{
    /// <summary>The derived age band dimension.</summary>
    public const string AgeBand = "registration.ageBand";

    /// <summary>The derived size class dimension.</summary>
    public const string SizeClass = "size.class";

    /// <summary>Age bands in order; see <see cref="AgeBandOf"/>.</summary>
    public static readonly IReadOnlyList<string> AgeBands = ["<1", "1-3", "3-5", "5-10", "10+"];

    /// <summary>Size classes in order; see <see cref="SizeClassOf"/>.</summary>
    public static readonly IReadOnlyList<string> SizeClasses = ["micro", "small", "medium", "large"];

    /// <summary>Every public dimension, in a stable order.</summary>
    public static readonly IReadOnlyList<AggregateDimension> All =
    [
        new("registration.province", FieldCatalog.Provinces),
        new("registration.industry", FieldCatalog.Industries),
        new("registration.orgForm", FieldCatalog.OrgForms),
        new("registration.status", FieldCatalog.Statuses),
        new("tax.grade", FieldCatalog.TaxGrades),
        new(AgeBand, AgeBands),
        new(SizeClass, SizeClasses),
    ];

    private static readonly FrozenDictionary<string, AggregateDimension> ByName =
        All.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>Looks a dimension up by its exact wire name.</summary>
    public static bool TryGet(string? name, out AggregateDimension dimension) =>
        ByName.TryGetValue(name ?? string.Empty, out dimension!);

    /// <summary>Whether aggregates may sum <paramref name="field"/>: aggregatable and integer-encoded.</summary>
    public static bool IsMeasurable(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Aggregatable && field.Kind is not (FieldKind.Categorical or FieldKind.Hmac);
    }

    /// <summary>The index in <see cref="AgeBands"/> of an age in whole years; a negative age is unknown (-1).</summary>
    public static int AgeBandOf(long years) => years switch
    {
        < 0 => -1,
        < 1 => 0,
        < 3 => 1,
        < 5 => 2,
        < 10 => 3,
        _ => 4,
    };

    /// <summary>The index in <see cref="SizeClasses"/> of an insured headcount; a negative headcount is unknown (-1).</summary>
    public static int SizeClassOf(long headcount) => headcount switch
    {
        < 0 => -1,
        < 10 => 0,
        < 100 => 1,
        < 300 => 2,
        _ => 3,
    };
}
