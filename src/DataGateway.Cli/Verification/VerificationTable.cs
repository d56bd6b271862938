using System.Text.Json;
using DataGateway.Core.Contracts;

namespace DataGateway.Cli.Verification;

/// <summary>Writes a verified answer as a readable table.</summary>
internal static class VerificationTable
{
    /// <summary>Writes <paramref name="response"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, VerificationResponse response)
    {
        var rows = response.Results
            .Select(r => (r.Predicate, Params: FormatParams(r.Params), r.Result))
            .ToList();
        var predicateWidth = Math.Max("PREDICATE".Length, rows.Max(r => (int?)r.Predicate.Length) ?? 0);
        var paramsWidth = Math.Max("PARAMS".Length, rows.Max(r => (int?)r.Params.Length) ?? 0);

        output.WriteLine($"verification {response.Id}  subject {response.Subject}  purpose {response.Purpose}");
        output.WriteLine($"as of {response.AsOf}  issued {response.IssuedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}  policy {response.PolicyVersion}" +
            (response.Consent is null ? string.Empty : $"  consent {response.Consent}"));
        output.WriteLine();
        output.WriteLine($"{"PREDICATE".PadRight(predicateWidth)}  {"PARAMS".PadRight(paramsWidth)}  RESULT");
        foreach (var (predicate, parameters, result) in rows)
        {
            output.WriteLine($"{predicate.PadRight(predicateWidth)}  {parameters.PadRight(paramsWidth)}  {result}");
        }

        output.WriteLine();
        output.WriteLine($"audit receipt: entry {response.Receipt.EntryIndex} ({response.Receipt.EntryHash}), signed {response.Receipt.SignedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        output.WriteLine("attestation and receipt verified against the gateway's JWKS.");
    }

    private static string FormatParams(IReadOnlyDictionary<string, JsonElement>? parameters) =>
        parameters is null || parameters.Count == 0
            ? "-"
            : string.Join(",", parameters.Select(p => p.Key + "=" + FormatValue(p.Value)));

    private static string FormatValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(FormatValue)),
        JsonValueKind.String => value.GetString() ?? string.Empty,
        _ => value.GetRawText(),
    };
}
