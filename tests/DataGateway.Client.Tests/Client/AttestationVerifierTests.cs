using System.Text;
using System.Text.Json;
using DataGateway.Client.Tests.Support;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client.Tests.Client;

public sealed class AttestationVerifierTests : IDisposable
{
    private readonly EcSigningKey _key = EcSigningKey.Generate();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Verify_ReturnsOk_WhenTheResponseIsAsSigned()
    {
        var check = AttestationVerifier.Verify(SignedAnswers.Create(_key), SignedAnswers.KeysOf(_key));

        Assert.True(check.Ok, check.Reason + " " + check.Field);
        Assert.Null(check.Reason);
        Assert.Equal("bank-001", check.Institution);
    }

    [Fact]
    public void Verify_ReturnsOk_WhenTheResponseWentThroughJson()
    {
        // What the SDK really holds: the response as deserialised from the wire.
        var json = JsonSerializer.Serialize(SignedAnswers.Create(_key), ClientJson.Options);
        var received = JsonSerializer.Deserialize<VerificationResponse>(json, ClientJson.Options)!;

        Assert.True(AttestationVerifier.Verify(received, SignedAnswers.KeysOf(_key)).Ok);
    }

    public static TheoryData<string> Mutations() =>
    [
        "id", "subject", "purpose", "issuedAt", "asOf", "consent", "consentRemoved", "policyVersion",
        "resultFlipped", "resultUnknownToTrue", "paramChanged", "paramAdded", "paramRemoved", "predicateRenamed",
        "resultDropped", "resultAdded", "resultsReordered",
    ];

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Verify_RefusesWithPayloadMismatch_WhenOneResponseFieldIsChanged(string mutation)
    {
        var signed = SignedAnswers.Create(_key);
        var results = signed.Results.ToList();
        var mutated = mutation switch
        {
            "id" => signed with { Id = "vrf_0002" },
            "subject" => signed with { Subject = "91310115PDY000028D" },
            "purpose" => signed with { Purpose = "post-loan" },
            "issuedAt" => signed with { IssuedAt = signed.IssuedAt.AddSeconds(1) },
            "asOf" => signed with { AsOf = "2026-11-30" },
            "consent" => signed with { Consent = "cns_43" },
            "consentRemoved" => signed with { Consent = null },
            "policyVersion" => signed with { PolicyVersion = "pv-0000" },
            "resultFlipped" => signed with { Results = Replace(results, 1, results[1] with { Result = "true" }) },
            "resultUnknownToTrue" => signed with { Results = Replace(results, 2, results[2] with { Result = "true" }) },
            "paramChanged" => signed with { Results = Replace(results, 0, results[0] with { Params = SignedAnswers.Params(("amountCny", 30000L)) }) },
            "paramAdded" => signed with { Results = Replace(results, 2, results[2] with { Params = SignedAnswers.Params(("years", 1L)) }) },
            "paramRemoved" => signed with { Results = Replace(results, 0, results[0] with { Params = null }) },
            "predicateRenamed" => signed with { Results = Replace(results, 0, results[0] with { Predicate = "tax.paid12mAtLeastX" }) },
            "resultDropped" => signed with { Results = results.Take(2).ToList() },
            "resultAdded" => signed with { Results = [.. results, new CheckResult { Predicate = "ent.active", Result = "true" }] },
            "resultsReordered" => signed with { Results = [results[1], results[0], results[2]] },
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };

        var check = AttestationVerifier.Verify(mutated, SignedAnswers.KeysOf(_key));

        Assert.False(check.Ok);
        Assert.Equal(AttestationFailure.PayloadMismatch, check.Reason);
    }

    [Theory]
    [InlineData("entryIndex")]
    [InlineData("entryHash")]
    [InlineData("signedAt")]
    public void Verify_RefusesWithReceiptMismatch_WhenAReceiptFieldIsChanged(string field)
    {
        var signed = SignedAnswers.Create(_key);
        var receipt = field switch
        {
            "entryIndex" => signed.Receipt with { EntryIndex = signed.Receipt.EntryIndex + 1 },
            "entryHash" => signed.Receipt with { EntryHash = SignedAnswers.Create(_key, entryIndex: 99).Receipt.EntryHash },
            _ => signed.Receipt with { SignedAt = signed.Receipt.SignedAt.AddSeconds(-1) },
        };

        var check = AttestationVerifier.Verify(signed with { Receipt = receipt }, SignedAnswers.KeysOf(_key));

        Assert.False(check.Ok);
        Assert.Equal(AttestationFailure.ReceiptMismatch, check.Reason);
        Assert.Equal(field, check.Field);
    }

    [Fact]
    public void Verify_RefusesWithBadSignature_WhenAnotherKeySigned()
    {
        using var attacker = EcSigningKey.Generate();

        var check = AttestationVerifier.Verify(SignedAnswers.Create(attacker), SignedAnswers.KeysOf(_key));

        Assert.Equal(AttestationFailure.BadSignature, check.Reason);
    }

    [Fact]
    public void Verify_RefusesWithBadSignature_WhenTheAttackerReusesTheGatewayKid()
    {
        // Same kid in the header, different key: selection by kid must not mean trust by kid.
        using var attacker = EcSigningKey.Generate();
        var forged = SignedAnswers.Create(attacker);
        var parts = forged.Attestation.Split('.');
        var header = System.Buffers.Text.Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            $$"""{"alg":"ES256","kid":"{{_key.KeyId}}","typ":"dg-attestation+jwt"}"""));
        var input = header + "." + parts[1];
        var signature = System.Buffers.Text.Base64Url.EncodeToString(attacker.SignData(Encoding.ASCII.GetBytes(input)));

        var check = AttestationVerifier.Verify(forged with { Attestation = input + "." + signature }, SignedAnswers.KeysOf(_key));

        Assert.Equal(AttestationFailure.BadSignature, check.Reason);
    }

    [Fact]
    public void Verify_RefusesWithBadSignature_WhenOneSignatureBitIsFlipped()
    {
        var signed = SignedAnswers.Create(_key);
        var dot = signed.Attestation.LastIndexOf('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(signed.Attestation.AsSpan(dot + 1));
        signature[10] ^= 0x01;
        var tampered = signed.Attestation[..(dot + 1)] + System.Buffers.Text.Base64Url.EncodeToString(signature);

        Assert.Equal(AttestationFailure.BadSignature, AttestationVerifier.Verify(signed with { Attestation = tampered }, SignedAnswers.KeysOf(_key)).Reason);
    }

    [Fact]
    public void Verify_RefusesWithBadSignature_WhenTheAttestationIsUnsigned()
    {
        var signed = SignedAnswers.Create(_key);
        var payload = signed.Attestation.Split('.')[1];
        var none = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","typ":"dg-attestation+jwt"}"""u8) + "." + payload + ".";

        Assert.Equal(AttestationFailure.BadSignature, AttestationVerifier.Verify(signed with { Attestation = none }, SignedAnswers.KeysOf(_key)).Reason);
    }

    [Fact]
    public void Verify_RefusesWithWrongType_WhenTheSignedTokenIsNotAnAttestation()
    {
        var check = AttestationVerifier.Verify(SignedAnswers.Create(_key, type: "dg-receipt+jwt"), SignedAnswers.KeysOf(_key));

        Assert.Equal(AttestationFailure.WrongType, check.Reason);
    }

    [Fact]
    public void Verify_RefusesWithInvalidPayload_WhenTheIssuerIsNotTheGateway()
    {
        var check = AttestationVerifier.Verify(SignedAnswers.Create(_key, issuer: "someone-else"), SignedAnswers.KeysOf(_key));

        Assert.Equal(AttestationFailure.InvalidPayload, check.Reason);
    }

    [Fact]
    public void Verify_RefusesWithInvalidPayload_WhenTheSignedPayloadIsNotJson()
    {
        var signed = SignedAnswers.Create(_key);
        var garbage = CompactJws.Sign("not json"u8, _key, AttestationVerifier.AttestationType);

        Assert.Equal(AttestationFailure.InvalidPayload, AttestationVerifier.Verify(signed with { Attestation = garbage }, SignedAnswers.KeysOf(_key)).Reason);
    }

    [Fact]
    public void Verify_RefusesWithReceiptBadSignature_WhenTheReceiptIsSignedByAnotherKeyOrType()
    {
        using var attacker = EcSigningKey.Generate();
        var signed = SignedAnswers.Create(_key);
        var foreign = signed with { Receipt = signed.Receipt with { Signature = SignedAnswers.Create(attacker).Receipt.Signature } };
        var mistyped = signed with { Receipt = SignedAnswers.Create(_key, receiptType: "dg-attestation+jwt").Receipt };

        Assert.Equal(AttestationFailure.ReceiptBadSignature, AttestationVerifier.Verify(foreign, SignedAnswers.KeysOf(_key)).Reason);
        Assert.Equal(AttestationFailure.ReceiptBadSignature, AttestationVerifier.Verify(mistyped, SignedAnswers.KeysOf(_key)).Reason);
    }

    [Fact]
    public void Verify_RefusesTheReplay_WhenAnAttestationIsMovedToAnotherResponse()
    {
        var original = SignedAnswers.Create(_key, id: "vrf_old", subject: "91310115PDY000028D", entryIndex: 7);
        var fresh = SignedAnswers.Create(_key, id: "vrf_new", entryIndex: 8);

        var replayed = AttestationVerifier.Verify(fresh with { Attestation = original.Attestation }, SignedAnswers.KeysOf(_key));

        Assert.False(replayed.Ok);
        Assert.Equal(AttestationFailure.PayloadMismatch, replayed.Reason);
    }

    [Fact]
    public void Verify_RefusesTheReplay_WhenTheWholeOldAnswerIsShownWithAnotherReceipt()
    {
        // An old answer (attestation and content intact) paired with a newer audit receipt:
        // the receipt's digest covers other bytes, so the pair is refused.
        var old = SignedAnswers.Create(_key, id: "vrf_old", subject: "91310115PDY000028D", entryIndex: 7);
        var newer = SignedAnswers.Create(_key, id: "vrf_new", entryIndex: 8);

        var check = AttestationVerifier.Verify(old with { Receipt = newer.Receipt }, SignedAnswers.KeysOf(_key));

        Assert.Equal(AttestationFailure.ReceiptMismatch, check.Reason);
        Assert.Equal("resultDigest", check.Field);
    }

    [Fact]
    public void Verify_ReturnsOk_WhenTheKeySetHoldsSeveralKeys()
    {
        using var other = EcSigningKey.Generate();

        Assert.True(AttestationVerifier.Verify(SignedAnswers.Create(_key), SignedAnswers.KeysOf(other, _key)).Ok);
    }

    private static List<CheckResult> Replace(List<CheckResult> results, int index, CheckResult replacement)
    {
        var copy = results.ToList();
        copy[index] = replacement;
        return copy;
    }
}
