using DataGateway.Core.Catalog;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Which names a model may list as features: a scorable numeric catalog field (<c>tax.paid12m</c>) or an
/// indicator of one value of a scorable categorical field (<c>tax.grade=A</c>); and which consent categories
/// a model reads, so a score needs a grant covering every one of them.
/// </summary>
internal static class ModelFeatures
{
    /// <summary>The catalog field a feature reads, or null when the name is not a scorable feature.</summary>
    public static FieldDefinition? FieldOf(string? feature)
    {
        if (string.IsNullOrEmpty(feature))
        {
            return null;
        }

        var split = feature.IndexOf('=', StringComparison.Ordinal);
        if (split < 0)
        {
            return FieldCatalog.TryGet(feature, out var field) && field.Scorable && field.Kind != FieldKind.Categorical ? field : null;
        }

        return FieldCatalog.TryGet(feature[..split], out var categorical) && categorical.Scorable && categorical.Kind == FieldKind.Categorical
            && categorical.Values.Contains(feature[(split + 1)..], StringComparer.Ordinal)
            ? categorical
            : null;
    }

    /// <summary>The distinct consent categories of a registered model's features, in catalog order of first use.</summary>
    public static string[] CategoriesOf(IEnumerable<string> features) =>
        features.Select(FieldOf).OfType<FieldDefinition>().Select(f => f.Category.ToName()).Distinct(StringComparer.Ordinal).ToArray();
}
