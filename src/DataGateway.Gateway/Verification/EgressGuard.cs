using System.Globalization;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Core.Verification;
using DataGateway.Gateway.Forwarding;

namespace DataGateway.Gateway.Verification;

/// <summary>
/// Step 7: the node's response must be exactly the verification result schema for exactly
/// this query, or nothing of it reaches the client (ARCHITECTURE.md invariant 1). A raw value,
/// an extra member, another subject or another predicate order is a violation.
/// </summary>
internal static class EgressGuard
{
    public static NodeVerificationResponse Check(NodeExchange exchange, AdmittedVerification query)
    {
        if (exchange.ResponseTooLarge)
        {
            throw new EgressViolationException("response larger than the result schema allows");
        }

        if (exchange.ResponseStatus == 404 && ProblemCodeOf(exchange) == ProblemCodes.SubjectNotFound.Code)
        {
            throw new AdmissionException(ProblemCodes.SubjectNotFound);
        }

        if (exchange.ResponseStatus != 200)
        {
            throw new AdmissionException(ProblemCodes.NodeUnavailable);
        }

        NodeVerificationResponse? response = null;
        try
        {
            response = exchange.ResponseContentType == "application/json" && exchange.ResponseBody is { } body
                ? JsonSerializer.Deserialize(body, GatewayJson.Default.NodeVerificationResponse)
                : null;
        }
        catch (JsonException)
        {
            // Unknown members land here: the schema is closed.
        }

        var violation = response is null ? "response is not the verification result schema" : Mismatch(response, query);
        return violation is null ? response! : throw new EgressViolationException(violation);
    }

    private static string? Mismatch(NodeVerificationResponse response, AdmittedVerification query)
    {
        if (!string.Equals(response.Subject, query.Subject.Value, StringComparison.Ordinal))
        {
            return "response names another subject";
        }

        if (!DateOnly.TryParseExact(response.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "asOf is not a date";
        }

        if (response.Results is null || response.Results.Count != query.Checks.Count)
        {
            return "result count differs from the checks asked";
        }

        for (var i = 0; i < query.Checks.Count; i++)
        {
            var result = response.Results[i];
            if (result is null || !string.Equals(result.Predicate, query.Checks[i].Definition.Name, StringComparison.Ordinal))
            {
                return "results do not follow the checks asked";
            }

            if (!CheckOutcomes.TryParse(result.Result, out _))
            {
                return "a result is not true, false or unknown";
            }
        }

        return null;
    }

    private static string? ProblemCodeOf(NodeExchange exchange)
    {
        try
        {
            using var document = JsonDocument.Parse(exchange.ResponseBody);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
