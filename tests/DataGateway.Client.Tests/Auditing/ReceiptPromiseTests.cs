using DataGateway.Client.Tests.Support;
using DataGateway.Core.Contracts;

namespace DataGateway.Client.Tests.Auditing;

/// <summary>The SDK refuses an answer whose receipt lacks the signed inclusion promise or misstates it.</summary>
public sealed class ReceiptPromiseTests : IDisposable
{
    private readonly ReceiptLog _log = new(3);

    public void Dispose() => _log.Dispose();

    [Theory]
    [InlineData("includedBy")]
    [InlineData("logOrigin")]
    public void Verify_RefusesWithReceiptMismatch_WhenTheResponsesPromiseDiffersFromTheSignedOne(string field)
    {
        var answer = SignedAnswers.Create(_log.ReceiptKey);
        var receipt = field == "includedBy"
            ? answer.Receipt with { IncludedBy = answer.Receipt.IncludedBy!.Value.AddHours(1) }
            : answer.Receipt with { LogOrigin = "evil.example/audit" };

        var check = AttestationVerifier.Verify(answer with { Receipt = receipt }, _log.Keys);

        Assert.Equal((AttestationFailure.ReceiptMismatch, field), (check.Reason, check.Field));
    }

    [Fact]
    public void Verify_AcceptsTheGatewaysReceiptShape_WithThePromise()
    {
        Assert.True(AttestationVerifier.Verify(SignedAnswers.Create(_log.ReceiptKey), _log.Keys).Ok);
    }

    [Fact]
    public void Verify_RefusesAReceiptThatPromisesNothing_OrADeadlineBeforeItWasSigned()
    {
        var answer = SignedAnswers.Create(_log.ReceiptKey);
        var unpromised = Resign(answer, withPromise: false, mmd: TimeSpan.Zero);
        var backdated = Resign(answer, withPromise: true, mmd: TimeSpan.FromSeconds(-1));

        Assert.Equal("logOrigin", AttestationVerifier.Verify(unpromised, _log.Keys).Field);
        Assert.Equal("includedBy", AttestationVerifier.Verify(backdated, _log.Keys).Field);
    }

    // Re-signs the answer's receipt with the same digest but another promise.
    private VerificationResponse Resign(VerificationResponse answer, bool withPromise, TimeSpan mmd)
    {
        var digest = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(
            System.Buffers.Text.Base64Url.DecodeFromChars(answer.Attestation.Split('.')[1])));
        var payload = new ReceiptPayload
        {
            EntryIndex = answer.Receipt.EntryIndex,
            EntryHash = answer.Receipt.EntryHash,
            SignedAt = answer.Receipt.SignedAt,
            ResultDigest = digest,
            LogOrigin = withPromise ? ReceiptLog.Origin : null,
            IncludedBy = withPromise ? answer.Receipt.SignedAt + mmd : null,
        };
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(payload, ClientJson.Options);
        return answer with
        {
            Receipt = answer.Receipt with
            {
                LogOrigin = payload.LogOrigin,
                IncludedBy = payload.IncludedBy,
                Signature = Cryptography.Signing.CompactJws.Sign(bytes, _log.ReceiptKey, ReceiptPayload.JwsType),
            },
        };
    }
}
