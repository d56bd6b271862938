namespace DataGateway.Client.Auditing;

/// <summary>The outcome of <see cref="ReceiptInclusion.Verify"/>.</summary>
/// <param name="Ok">True when the entry is proven to be in the checkpoint.</param>
/// <param name="Reason">Null when <paramref name="Ok"/>; else one of the <see cref="ReceiptInclusionFailure"/> codes.</param>
/// <param name="OnTime">When <paramref name="Ok"/>: the checkpoint was signed no later than the promised deadline.</param>
public sealed record ReceiptInclusionCheck(bool Ok, string? Reason, bool OnTime = false)
{
    /// <summary>A refusal with one of the <see cref="ReceiptInclusionFailure"/> codes.</summary>
    internal static ReceiptInclusionCheck Failure(string reason) => new(false, reason);
}
