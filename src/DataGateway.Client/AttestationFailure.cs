namespace DataGateway.Client;

/// <summary>Why an attestation was refused: stable codes for <see cref="AttestationCheck.Reason"/>.</summary>
public static class AttestationFailure
{
    /// <summary>The attestation JWS is malformed, not ES256, names an unknown key, or its signature fails.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>The attestation JWS verifies but its <c>typ</c> is not <c>dg-attestation+jwt</c>.</summary>
    public const string WrongType = "wrong_type";

    /// <summary>The signed payload is not an attestation (unreadable JSON, missing members, wrong issuer).</summary>
    public const string InvalidPayload = "invalid_payload";

    /// <summary>A field of the response differs from what the attestation signs.</summary>
    public const string PayloadMismatch = "payload_mismatch";

    /// <summary>The receipt JWS is malformed, has the wrong type, or its signature fails.</summary>
    public const string ReceiptBadSignature = "receipt_bad_signature";

    /// <summary>The receipt does not cover this attestation, or differs from the response's receipt fields.</summary>
    public const string ReceiptMismatch = "receipt_mismatch";
}
