using System.Text.Json;
using DataGateway.Core.Contracts;

namespace DataGateway.Client;

/// <summary>Finds the first field in which a response differs from its signed attestation.</summary>
internal static class ResponseComparer
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();

    /// <summary>The name of the first differing field, or null when every field matches.</summary>
    public static string? FirstDifference(AttestationPayload signed, VerificationResponse response)
    {
        if (!Same(signed.Id, response.Id))
        {
            return "id";
        }

        if (!Same(signed.Subject, response.Subject))
        {
            return "subject";
        }

        if (!Same(signed.Purpose, response.Purpose))
        {
            return "purpose";
        }

        // Equal instants compare equal whatever their offsets; the signature is over the instant.
        if (signed.IssuedAt != response.IssuedAt)
        {
            return "issuedAt";
        }

        if (!Same(signed.AsOf, response.AsOf))
        {
            return "asOf";
        }

        if (!Same(signed.Consent, response.Consent))
        {
            return "consent";
        }

        if (!Same(signed.PolicyVersion, response.PolicyVersion))
        {
            return "policyVersion";
        }

        if (response.Results is null || signed.Results.Count != response.Results.Count)
        {
            return "results";
        }

        for (var i = 0; i < signed.Results.Count; i++)
        {
            var (expected, actual) = (signed.Results[i], response.Results[i]);
            if (actual is null || !Same(expected.Predicate, actual.Predicate))
            {
                return $"results[{i}].predicate";
            }

            if (!Same(expected.Result, actual.Result))
            {
                return $"results[{i}].result";
            }

            if (!SameParameters(expected.Params, actual.Params))
            {
                return $"results[{i}].params";
            }
        }

        return null;
    }

    private static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.Ordinal);

    // No parameters and an empty parameter object say the same thing; otherwise every name and
    // value must match (numbers by value, arrays in order).
    private static bool SameParameters(IReadOnlyDictionary<string, JsonElement>? signed, IReadOnlyDictionary<string, JsonElement>? shown)
    {
        var (left, right) = (signed ?? Empty, shown ?? Empty);
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, value) in left)
        {
            if (!right.TryGetValue(name, out var other) || !JsonElement.DeepEquals(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
