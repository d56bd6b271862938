using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Core.Scoring;
using DataGateway.Cryptography.Paillier;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Verification;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Step 7 for scores: the node's answer must be exactly one entry per subject asked, in order, each a valid
/// ciphertext under the model's key (0 &lt; c &lt; n², gcd(c, n) = 1) or one of the per-subject codes
/// <c>subject_not_found</c> / <c>feature_unavailable</c>. Anything else, an extra member included, is an
/// egress violation and nothing of it is released (ARCHITECTURE.md invariant 1).
/// </summary>
internal static class ScoreEgressGuard
{
    public static NodeScoreResponse Check(NodeExchange exchange, IReadOnlyList<string> subjects, PaillierPublicKey key)
    {
        if (exchange.ResponseTooLarge)
        {
            throw new EgressViolationException("response larger than the score schema allows");
        }

        if (exchange.ResponseStatus != 200)
        {
            throw new AdmissionException(ProblemCodes.NodeUnavailable);
        }

        NodeScoreResponse? response = null;
        try
        {
            response = exchange.ResponseContentType == "application/json" && exchange.ResponseBody is { } body
                ? JsonSerializer.Deserialize(body, ScoringJson.Default.NodeScoreResponse)
                : null;
        }
        catch (JsonException)
        {
            // Unknown members land here: the schema is closed.
        }

        var violation = response is null ? "response is not the score result schema" : Mismatch(response, subjects, key);
        return violation is null ? response! : throw new EgressViolationException(violation);
    }

    /// <summary>The per-subject problem a node may report, or null for any other string.</summary>
    public static ProblemCode? SubjectProblem(string? code) =>
        code == ProblemCodes.SubjectNotFound.Code ? ProblemCodes.SubjectNotFound
        : code == ProblemCodes.FeatureUnavailable.Code ? ProblemCodes.FeatureUnavailable
        : null;

    private static string? Mismatch(NodeScoreResponse response, IReadOnlyList<string> subjects, PaillierPublicKey key)
    {
        if (response.Results is null || response.Results.Count != subjects.Count)
        {
            return "result count differs from the subjects asked";
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var result = response.Results[i];
            if (result is null || !string.Equals(result.Subject, subjects[i], StringComparison.Ordinal))
            {
                return "results do not follow the subjects asked";
            }

            if ((result.Ciphertext is null) == (result.Problem is null))
            {
                return "a result carries neither or both of a ciphertext and a problem";
            }

            if (result.Problem is not null && SubjectProblem(result.Problem) is null)
            {
                return "a result carries a problem code outside the schema";
            }

            if (result.Ciphertext is not null && key.TryParseCiphertext(result.Ciphertext, out _) != PaillierCiphertextError.None)
            {
                return "a result is not a valid ciphertext under the model's key";
            }
        }

        return null;
    }
}
