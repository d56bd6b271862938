using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Identifiers;
using DataGateway.Core.Problems;
using DataGateway.Core.Verification;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Gateway.Policies;

namespace DataGateway.Gateway.Verification;

/// <summary>
/// Step 2 of the verification pipeline: parse strictly and check every value against the
/// catalog and the policy in force. Rules run in a fixed order so a request always gets the
/// same code; no code or detail echoes a request value.
/// </summary>
internal sealed class VerificationAdmission(PersonalDataHmac personalData)
{
    /// <summary>Longest personal value accepted (a name or an ID number).</summary>
    private const int MaxSecretLength = 64;

    public static VerificationRequest Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, GatewayJson.Default.VerificationRequest)
                ?? throw new AdmissionException(ProblemCodes.InvalidJson);
        }
        catch (JsonException)
        {
            throw new AdmissionException(ProblemCodes.InvalidJson, "The body is malformed, has a duplicate or unknown member, or a member of the wrong type.");
        }
    }

    public AdmittedVerification Admit(VerificationRequest request, InstitutionPolicy institution, GatewayPolicy policy)
    {
        if (request.Subject is null || request.Purpose is null || request.Checks is null)
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, "subject, purpose and checks are required.");
        }

        if (!Uscc.TryParse(request.Subject, out var subject, out _))
        {
            throw new AdmissionException(ProblemCodes.InvalidSubject);
        }

        if (!policy.Purposes.Contains(request.Purpose))
        {
            throw new AdmissionException(ProblemCodes.UnknownPurpose);
        }

        if (!institution.Purposes.Contains(request.Purpose))
        {
            throw new AdmissionException(ProblemCodes.PurposeNotAllowed);
        }

        if (request.Checks.Count == 0 || request.Checks.Count > policy.Verification.MaxChecksPerRequest)
        {
            throw new AdmissionException(ProblemCodes.TooManyChecks, $"Between 1 and {policy.Verification.MaxChecksPerRequest} checks are allowed.");
        }

        var checks = new List<AdmittedCheck>(request.Checks.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in request.Checks)
        {
            var admitted = AdmitCheck(check, institution, policy);
            if (!seen.Add(admitted.Definition.Name))
            {
                // One predicate once per request keeps per-predicate limits and answers unambiguous.
                throw new AdmissionException(ProblemCodes.InvalidRequest, "A predicate may appear once per request.");
            }

            checks.Add(admitted);
        }

        return new AdmittedVerification(subject, request.Purpose, checks);
    }

    private AdmittedCheck AdmitCheck(CheckRequest? check, InstitutionPolicy institution, GatewayPolicy policy)
    {
        if (check?.Predicate is null)
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, "Every check names a predicate.");
        }

        if (!PredicateCatalog.TryGet(check.Predicate, out var definition))
        {
            throw new AdmissionException(ProblemCodes.UnknownPredicate);
        }

        if (!policy.Predicates.TryGetValue(definition.Name, out var predicatePolicy) || !institution.MayUse(definition.Name))
        {
            throw new AdmissionException(ProblemCodes.PredicateNotAllowed);
        }

        var given = check.Params ?? new Dictionary<string, JsonElement>();
        if (given.Count != definition.Parameters.Count || given.Keys.Any(k => definition.Parameters.All(p => p.Name != k)))
        {
            throw new AdmissionException(ProblemCodes.ParamNotAllowed, "Parameters must be exactly those the catalog lists for the predicate.");
        }

        var nodeParams = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        var echo = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters)
        {
            var value = given[parameter.Name];
            switch (parameter.Kind)
            {
                case ParameterKind.Number:
                    var number = AllowedInteger(value, predicatePolicy.AllowedIntegers[parameter.Name]);
                    nodeParams[parameter.Name] = JsonSerializer.SerializeToElement(number, GatewayScalarJson.Default.Int64);
                    echo[parameter.Name] = nodeParams[parameter.Name];
                    break;
                case ParameterKind.CodeSet:
                    var set = AllowedSet(value, predicatePolicy.AllowedSets[parameter.Name]);
                    nodeParams[parameter.Name] = JsonSerializer.SerializeToElement(set, GatewayScalarJson.Default.IReadOnlyListString);
                    echo[parameter.Name] = nodeParams[parameter.Name];
                    break;
                default:
                    nodeParams[parameter.Name + "Hmac"] = JsonSerializer.SerializeToElement(HmacOf(parameter.Name, value), GatewayScalarJson.Default.String);
                    break;
            }
        }

        return new AdmittedCheck(definition, nodeParams, echo.Count > 0 ? echo : null);
    }

    private static long AllowedInteger(JsonElement value, IReadOnlySet<long> allowed) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && allowed.Contains(number)
            ? number
            : throw new AdmissionException(ProblemCodes.ParamNotAllowed, "The value is not one of the catalog's allowed values.");

    private static IReadOnlyList<string> AllowedSet(JsonElement value, IReadOnlyList<IReadOnlyList<string>> allowed)
    {
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= 10)
        {
            var given = value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToArray();
            foreach (var set in allowed)
            {
                // Order-insensitive: ["B","A"] means the same set as ["A","B"].
                if (set.Count == given.Length && set.All(code => given.Contains(code, StringComparer.Ordinal)))
                {
                    return set;
                }
            }
        }

        throw new AdmissionException(ProblemCodes.ParamNotAllowed, "The value is not one of the catalog's allowed sets.");
    }

    private string HmacOf(string parameter, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxSecretLength)
        {
            throw new AdmissionException(ProblemCodes.ParamNotAllowed, "Personal values must be non-empty strings of at most 64 characters.");
        }

        return parameter == "name" ? personalData.OfName(text) : personalData.OfIdNumber(text);
    }
}
