namespace DataGateway.Client.Scoring;

/// <summary>
/// A bank's model in the clear, as kept in its own files (for example <c>examples/models/pd-v1.json</c>):
/// a linear predictor z = bias + Σ wᵢ·xᵢ over catalog features, whose weights are encrypted before
/// they leave the bank (<see cref="ModelEncryptor"/>).
/// </summary>
/// <remarks>Read one with <see cref="PlainModelReader"/>, which checks it against the field catalog.</remarks>
public sealed record PlainModel
{
    /// <summary>The model id the bank registers it under, e.g. <c>pd-v1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A sentence saying what the model predicts and where its weights came from.</summary>
    public string? Description { get; init; }

    /// <summary>The fixed-point scale: each weight is sent as round(scale·w).</summary>
    public required long Scale { get; init; }

    /// <summary>Catalog fields (<c>tax.paid12m</c>) or indicators of a categorical value (<c>tax.grade=A</c>).</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>One weight per feature, per unit of the feature's integer encoding (CNY, basis points, count, 0/1).</summary>
    public required IReadOnlyList<decimal> Weights { get; init; }

    /// <summary>The intercept.</summary>
    public required decimal Bias { get; init; }
}
