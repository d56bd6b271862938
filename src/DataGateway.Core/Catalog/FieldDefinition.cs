namespace DataGateway.Core.Catalog;

/// <summary>One field of the catalog (DOMAIN.md "The record of one enterprise").</summary>
/// <param name="Name">Wire name, <c>category.field</c>.</param>
/// <param name="Category">The consent category that covers it.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Unit">Unit of the integer encoding, e.g. <c>CNY</c>, <c>bp</c>, <c>persons</c>.</param>
/// <param name="Encoding">How the value becomes an integer for scores and aggregates.</param>
/// <param name="Values">The closed value list of a categorical field; empty otherwise.</param>
/// <param name="Scorable">Whether model queries may use it.</param>
/// <param name="Aggregatable">Whether aggregates may measure it.</param>
/// <param name="Dimension">Whether aggregates may group or filter by it (public dimensions only).</param>
public sealed record FieldDefinition(
    string Name,
    FieldCategory Category,
    FieldKind Kind,
    string Unit,
    string Encoding,
    IReadOnlyList<string> Values,
    bool Scorable,
    bool Aggregatable,
    bool Dimension);
