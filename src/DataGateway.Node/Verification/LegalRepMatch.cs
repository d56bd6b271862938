using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Core.Records;
using DataGateway.Core.Verification;
using DataGateway.Cryptography.PersonalData;

namespace DataGateway.Node.Verification;

/// <summary>
/// <c>legalRep.matches</c>: the gateway HMACs the name and ID number under the platform key
/// before forwarding, so the node compares HMACs and never sees the plaintext (DOMAIN.md
/// "Consent and retention": store only HMACs, never a plain hash).
/// </summary>
internal static class LegalRepMatch
{
    public const string Predicate = "legalRep.matches";
    public const string NameHmac = "nameHmac";
    public const string IdNumberHmac = "idNumberHmac";

    // Lower-case hex of HMAC-SHA256, as PersonalDataHmac writes it.
    private const int HmacHexLength = 64;

    public static ProblemCode? Validate(IReadOnlyDictionary<string, JsonElement> parameters) =>
        parameters.Count == 2 && IsHmac(parameters, NameHmac) && IsHmac(parameters, IdNumberHmac)
            ? null
            : ProblemCodes.ParamNotAllowed;

    public static CheckOutcome Evaluate(IReadOnlyDictionary<string, JsonElement> parameters, EnterpriseRecord record)
    {
        if (record.LegalRepNameHmac is null || record.LegalRepIdHmac is null)
        {
            return CheckOutcome.Unknown;
        }

        // Both comparisons always run (& not &&) so timing does not tell which one failed.
        var name = PersonalDataHmac.FixedTimeEquals(parameters[NameHmac].GetString(), record.LegalRepNameHmac);
        var id = PersonalDataHmac.FixedTimeEquals(parameters[IdNumberHmac].GetString(), record.LegalRepIdHmac);
        return CheckOutcomes.From(name & id);
    }

    private static bool IsHmac(IReadOnlyDictionary<string, JsonElement> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var hex = value.GetString()!;
        if (hex.Length != HmacHexLength)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (c is not (>= '0' and <= '9') and not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
