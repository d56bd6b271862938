namespace DataGateway.Client;

/// <summary>The outcome of <see cref="AttestationVerifier.Verify"/>.</summary>
/// <param name="Ok">True when the attestation and the receipt verify and match the response.</param>
/// <param name="Reason">Null when <paramref name="Ok"/>; else one of the <see cref="AttestationFailure"/> codes.</param>
/// <param name="Field">For mismatches: the name of the first field that differs (never its value).</param>
/// <param name="Institution">When <paramref name="Ok"/>: the institution the attestation was issued to.</param>
public sealed record AttestationCheck(bool Ok, string? Reason, string? Field = null, string? Institution = null)
{
    internal static AttestationCheck Success(string institution) => new(true, null, null, institution);

    internal static AttestationCheck Failure(string reason, string? field = null) => new(false, reason, field);
}
