using System.Globalization;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Verification;
using DataGateway.Privacy.Mechanisms;

namespace DataGateway.Gateway.Aggregates;

/// <summary>
/// Step 7: a node's aggregate response must be exactly the partials schema for exactly this
/// query, or nothing of it is used (ARCHITECTURE.md invariant 1). Extra members, a key of the
/// wrong arity or outside the filtered public domain, a duplicate group, a negative count, or a
/// sum that clamped values could not produce are violations.
/// </summary>
internal static class AggregateEgressGuard
{
    public static Dictionary<string, PartialAggregate> Check(NodeExchange exchange, AdmittedAggregate query)
    {
        if (exchange.ResponseTooLarge)
        {
            throw new EgressViolationException("response larger than the partials schema allows");
        }

        if (exchange.ResponseStatus != 200)
        {
            throw new AdmissionException(Core.Problems.ProblemCodes.NodeUnavailable);
        }

        NodeAggregateResponse? response = null;
        try
        {
            response = exchange.ResponseContentType == "application/json" && exchange.ResponseBody is { } body
                ? JsonSerializer.Deserialize(body, AggregateJson.Default.NodeAggregateResponse)
                : null;
        }
        catch (JsonException)
        {
            // Unknown members and wrong types land here: the schema is closed.
        }

        if (response is null)
        {
            throw new EgressViolationException("response is not the aggregate partials schema");
        }

        if (!DateOnly.TryParseExact(response.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new EgressViolationException("asOf is not a date");
        }

        var partials = new Dictionary<string, PartialAggregate>(StringComparer.Ordinal);
        foreach (var group in response.Groups ?? throw new EgressViolationException("groups are missing"))
        {
            var violation = Mismatch(group, query);
            if (violation is not null)
            {
                throw new EgressViolationException(violation);
            }

            if (!partials.TryAdd(AggregateRelease.KeyOf(group!.Key), new PartialAggregate(group.Count, group.ClampedSum)))
            {
                throw new EgressViolationException("a group is reported twice");
            }
        }

        return partials;
    }

    private static string? Mismatch(NodeAggregateGroup? group, AdmittedAggregate query)
    {
        if (group?.Key is null || group.Key.Count != query.GroupBy.Count)
        {
            return "a group key does not have one part per group-by dimension";
        }

        for (var i = 0; i < group.Key.Count; i++)
        {
            if (!query.Domains[i].Contains(group.Key[i], StringComparer.Ordinal))
            {
                return "a group key is outside the filtered public domain";
            }
        }

        if (group.Count < 0)
        {
            return "a count is negative";
        }

        // Each record contributes a value within [lower, upper], so the clamped sum of n records
        // lies in [n*lower, n*upper]; anything else is not a clamped sum (it could smuggle a value).
        if (group.ClampedSum < (Int128)group.Count * query.Bounds.Lower || group.ClampedSum > (Int128)group.Count * query.Bounds.Upper)
        {
            return "a sum is outside what clamped values allow";
        }

        return null;
    }
}
