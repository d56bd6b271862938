using DataGateway.Core.Catalog;
using DataGateway.Core.Records;

namespace DataGateway.Node.Scoring;

/// <summary>
/// Maps a record to a model's integer features xᵢ, in model order: a scorable catalog field by its catalog
/// encoding, or a <c>field=value</c> indicator of a categorical field as 1 or 0 (API.md "Plaintext
/// semantics"). Compiled once per model; the values never leave the node except inside the ciphertext.
/// </summary>
internal sealed class FeatureEncoder
{
    private readonly Func<EnterpriseRecord, DateOnly, long?>[] _features;

    private FeatureEncoder(Func<EnterpriseRecord, DateOnly, long?>[] features) => _features = features;

    /// <summary>The number of features.</summary>
    public int Count => _features.Length;

    /// <summary>Compiles the feature list; null when a name is not a scorable field or a known indicator.</summary>
    public static FeatureEncoder? TryCompile(IReadOnlyList<string> features)
    {
        var compiled = new Func<EnterpriseRecord, DateOnly, long?>[features.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            if (Compile(features[i]) is not { } feature)
            {
                return null;
            }

            compiled[i] = feature;
        }

        return new FeatureEncoder(compiled);
    }

    /// <summary>
    /// Fills <paramref name="into"/> with the record's features; false when one has no data or its magnitude
    /// exceeds <paramref name="bound"/> (refused rather than wrapped: a wrapped x would score a different value).
    /// </summary>
    public bool TryEncode(EnterpriseRecord record, DateOnly asOf, long bound, Span<long> into)
    {
        if (into.Length != _features.Length)
        {
            throw new ArgumentException("The destination does not match the feature count.", nameof(into));
        }

        for (var i = 0; i < _features.Length; i++)
        {
            if (_features[i](record, asOf) is not { } value || value > bound || value < -bound)
            {
                return false;
            }

            into[i] = value;
        }

        return true;
    }

    private static Func<EnterpriseRecord, DateOnly, long?>? Compile(string? feature)
    {
        if (string.IsNullOrEmpty(feature))
        {
            return null;
        }

        var split = feature.IndexOf('=', StringComparison.Ordinal);
        if (split < 0)
        {
            return FieldCatalog.TryGet(feature, out var field) && field.Scorable && field.Kind != FieldKind.Categorical
                && FieldEncodings.Numbers.TryGetValue(feature, out var number)
                ? number
                : null;
        }

        var name = feature[..split];
        var code = feature[(split + 1)..];
        if (!FieldCatalog.TryGet(name, out var categorical) || !categorical.Scorable || categorical.Kind != FieldKind.Categorical
            || !categorical.Values.Contains(code, StringComparer.Ordinal) || !FieldEncodings.Codes.TryGetValue(name, out var codeOf))
        {
            return null;
        }

        return (record, _) => codeOf(record) is { } actual ? (string.Equals(actual, code, StringComparison.Ordinal) ? 1 : 0) : null;
    }
}
