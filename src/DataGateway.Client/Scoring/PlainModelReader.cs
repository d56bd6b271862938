using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DataGateway.Core.Catalog;

namespace DataGateway.Client.Scoring;

/// <summary>
/// Reads a plaintext model file and checks it before anything is encrypted: every mistake found here
/// would otherwise surface as an opaque refusal from the gateway, or worse, as a model that scores
/// something other than what its author meant.
/// </summary>
public static partial class PlainModelReader
{
    /// <summary>The largest scale accepted: beyond it a decoded score no longer fits a double's 53-bit mantissa usefully.</summary>
    public const long MaxScale = 1_000_000_000_000_000;

    /// <summary>The most features a model file may list.</summary>
    public const int MaxFeatures = 1000;

    // Strict: an unknown member is usually a typo ("weight" for "weights") that would otherwise be
    // ignored silently; numbers must be JSON numbers, not strings.
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Reads and validates the model in <paramref name="path"/>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <exception cref="PlainModelException">The file is unreadable, not a model, or names features the catalog cannot score.</exception>
    public static PlainModel ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlainModelException($"{path}: cannot be read ({e.Message}).", e);
        }

        return Parse(json);
    }

    /// <summary>Parses and validates a model document.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="PlainModelException">The document is not a model or fails validation.</exception>
    public static PlainModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PlainModel? model;
        try
        {
            model = JsonSerializer.Deserialize<PlainModel>(json, Strict);
        }
        catch (JsonException e)
        {
            throw new PlainModelException($"not a model file: {e.Message}", e);
        }

        if (model is null)
        {
            throw new PlainModelException("not a model file: the document is null.");
        }

        Validate(model);
        return model;
    }

    /// <summary>Checks a model built in code the same way a file is checked.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="PlainModelException">The model fails validation.</exception>
    public static void Validate(PlainModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelId().IsMatch(model.Id))
        {
            throw new PlainModelException("id: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        if (model.Scale is < 1 or > MaxScale)
        {
            throw new PlainModelException($"scale: must be from 1 to {MaxScale:N0}.");
        }

        if (model.Features.Count is 0 or > MaxFeatures)
        {
            throw new PlainModelException($"features: must list from 1 to {MaxFeatures} features.");
        }

        if (model.Weights.Count != model.Features.Count)
        {
            throw new PlainModelException($"weights: {model.Weights.Count} weights for {model.Features.Count} features; there must be one weight per feature, in the same order.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Features.Count; i++)
        {
            var feature = model.Features[i];
            if (FeatureError(feature) is { } error)
            {
                throw new PlainModelException($"features[{i}] '{feature}': {error}");
            }

            if (!seen.Add(feature))
            {
                throw new PlainModelException($"features[{i}] '{feature}': listed twice.");
            }
        }
    }

    /// <summary>Why the catalog cannot score <paramref name="feature"/>; null when it can.</summary>
    private static string? FeatureError(string feature)
    {
        var equals = feature.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? feature : feature[..equals];
        if (!FieldCatalog.TryGet(name, out var field))
        {
            return "not a catalog field.";
        }

        if (!field.Scorable)
        {
            return "the catalog does not allow this field in scores.";
        }

        if (field.Kind == FieldKind.Categorical)
        {
            return equals < 0
                ? $"a categorical field is scored through an indicator such as {name}={field.Values[0]}."
                : field.Values.Contains(feature[(equals + 1)..], StringComparer.Ordinal)
                    ? null
                    : $"not one of the values {string.Join(", ", field.Values)}.";
        }

        return equals < 0 ? null : "only categorical fields take '=value'.";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelId();
}
