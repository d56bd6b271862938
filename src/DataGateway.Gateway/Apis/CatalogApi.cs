using DataGateway.Core.Catalog;
using DataGateway.Core.Verification;
using DataGateway.Gateway.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary>
/// <c>GET /v1/catalog</c> (any role): fields, predicates with the values policy allows, purposes, the
/// aggregate dimensions with their public domains and the clamp bounds and limits aggregates run under.
/// </summary>
internal static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/catalog", (PolicyStore policies) => Results.Json(Describe(policies.Current)))
            .WithName("Catalog")
            .WithSummary("The field catalog, verification predicates and their allowed parameter values, purposes, aggregate dimensions and bounds.");
        return routes;
    }

    private static object Describe(GatewayPolicy policy) => new
    {
        policyVersion = policy.Version,
        purposes = policy.Purposes.Order(StringComparer.Ordinal),
        categories = FieldCategories.Names.Order(StringComparer.Ordinal),
        fields = FieldCatalog.All.Select(f => new
        {
            name = f.Name,
            category = f.Category.ToName(),
            kind = f.Kind.ToString().ToLowerInvariant(),
            unit = f.Unit,
            encoding = f.Encoding,
            values = f.Values,
            queryKinds = QueryKinds(f),
        }),
        // Aggregates: the public dimensions with their domains, and what policy bounds each query by.
        dimensions = AggregateDimensions.All.Select(d => new { name = d.Name, values = d.Domain }),
        aggregates = new
        {
            maxEpsilonPerQuery = policy.Aggregates.MaxEpsilonPerQuery.ToDecimal(),
            budgetPerPeriod = policy.Aggregates.BudgetCap.ToDecimal(),
            periodDays = policy.Aggregates.Period.TotalDays,
            minimumNoisyCount = policy.Aggregates.Suppression.MinimumNoisyCount,
            maxGroupBy = policy.Aggregates.MaxGroupBy,
            maxGroups = policy.Aggregates.MaxGroups,
            bounds = policy.Aggregates.Fields.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new { field = f.Key, lower = f.Value.Lower, upper = f.Value.Upper }),
        },
        predicates = PredicateCatalog.All.Where(p => policy.Predicates.ContainsKey(p.Name)).Select(p => new
        {
            name = p.Name,
            description = p.Description,
            category = p.Category.ToName(),
            fields = p.Fields,
            @params = p.Parameters.Select(parameter => new
            {
                name = parameter.Name,
                kind = parameter.Kind.ToString().ToLowerInvariant(),
                allowed = AllowedValues(policy.Predicates[p.Name], parameter),
            }),
        }),
    };

    private static List<string> QueryKinds(FieldDefinition field)
    {
        var kinds = new List<string>(3);
        if (field.Scorable)
        {
            kinds.Add("score");
        }

        if (field.Aggregatable)
        {
            kinds.Add("aggregate");
        }

        if (field.Dimension)
        {
            kinds.Add("groupBy");
        }

        return kinds;
    }

    private static object? AllowedValues(PredicatePolicy policy, ParameterDefinition parameter) => parameter.Kind switch
    {
        ParameterKind.Number => policy.AllowedIntegers[parameter.Name].Order().ToArray(),
        ParameterKind.CodeSet => policy.AllowedSets[parameter.Name],
        _ => null, // personal values are matched, not listed
    };
}
