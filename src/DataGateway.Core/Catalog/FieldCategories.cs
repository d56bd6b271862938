using System.Collections.Frozen;

namespace DataGateway.Core.Catalog;

/// <summary>Wire names of <see cref="FieldCategory"/> values.</summary>
public static class FieldCategories
{
    private static readonly FrozenDictionary<string, FieldCategory> ByName =
        Enum.GetValues<FieldCategory>().ToFrozenDictionary(ToName, c => c, StringComparer.Ordinal);

    /// <summary>The camelCase wire name, e.g. <c>housingFund</c>.</summary>
    public static string ToName(this FieldCategory category)
    {
        var name = category.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Looks a category up by its exact wire name.</summary>
    public static bool TryParse(string? name, out FieldCategory category) =>
        ByName.TryGetValue(name ?? string.Empty, out category);

    /// <summary>Every category's wire name.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;
}
