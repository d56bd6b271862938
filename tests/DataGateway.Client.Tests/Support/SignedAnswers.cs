using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client.Tests.Support;

/// <summary>
/// Builds verification responses signed the way the gateway's Attestor signs them: the payload
/// {iss,id,institution,subject,purpose,issuedAt,asOf,results,consent,policyVersion} as web JSON,
/// ES256 JWS typ dg-attestation+jwt; the receipt over {entryIndex,entryHash,signedAt,resultDigest,logOrigin,includedBy}.
/// </summary>
internal static class SignedAnswers
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public const string LogOrigin = "datagateway.dev/audit";

    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 1, 8, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<CheckResult> DefaultResults() =>
    [
        new CheckResult { Predicate = "tax.paid12mAtLeast", Params = Params(("amountCny", 300000L)), Result = "true" },
        new CheckResult { Predicate = "tax.gradeIn", Params = Params(("grades", new[] { "A", "B" })), Result = "false" },
        new CheckResult { Predicate = "court.notDishonestDebtor", Result = "unknown" },
    ];

    public static VerificationResponse Create(
        EcSigningKey key,
        string id = "vrf_0001",
        string subject = "91110108PDY00001XU",
        long entryIndex = 1234,
        string type = "dg-attestation+jwt",
        string receiptType = "dg-receipt+jwt",
        string issuer = "datagateway")
    {
        var results = DefaultResults();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = issuer,
            id,
            institution = "bank-001",
            subject,
            purpose = "pre-loan",
            issuedAt = IssuedAt,
            asOf = "2026-10-31",
            results,
            consent = "cns_42",
            policyVersion = "pv-7f3a",
        }, Web);
        var attestation = CompactJws.Sign(payload, key, type);
        var entryHash = Base64Url.EncodeToString(SHA256.HashData(BitConverter.GetBytes(entryIndex)));
        var signedAt = IssuedAt.AddMilliseconds(3);
        var includedBy = signedAt.AddSeconds(10);
        var receipt = JsonSerializer.SerializeToUtf8Bytes(new
        {
            entryIndex,
            entryHash,
            signedAt,
            resultDigest = Base64Url.EncodeToString(SHA256.HashData(payload)),
            logOrigin = LogOrigin,
            includedBy,
        }, Web);

        return new VerificationResponse
        {
            Id = id,
            Subject = subject,
            Purpose = "pre-loan",
            IssuedAt = IssuedAt,
            AsOf = "2026-10-31",
            Results = results,
            Consent = "cns_42",
            PolicyVersion = "pv-7f3a",
            Attestation = attestation,
            Receipt = new AuditReceipt
            {
                EntryIndex = entryIndex,
                EntryHash = entryHash,
                SignedAt = signedAt,
                LogOrigin = LogOrigin,
                IncludedBy = includedBy,
                Signature = CompactJws.Sign(receipt, key, receiptType),
            },
        };
    }

    public static JsonWebKeySet KeysOf(params EcSigningKey[] keys) => new([.. keys.Select(k => k.PublicJwk)]);

    public static IReadOnlyDictionary<string, JsonElement> Params(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value), StringComparer.Ordinal);
}
