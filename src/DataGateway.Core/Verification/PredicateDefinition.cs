using DataGateway.Core.Catalog;

namespace DataGateway.Core.Verification;

/// <summary>A verification product (DOMAIN.md "Verification products").</summary>
/// <param name="Name">Wire name, e.g. <c>tax.paid12mAtLeast</c>.</param>
/// <param name="Description">What a <c>true</c> answer means.</param>
/// <param name="Category">The consent category of the data it reads.</param>
/// <param name="Fields">The catalog fields it reads.</param>
/// <param name="Parameters">Its parameters; all are required.</param>
public sealed record PredicateDefinition(
    string Name,
    string Description,
    FieldCategory Category,
    IReadOnlyList<string> Fields,
    IReadOnlyList<ParameterDefinition> Parameters);
