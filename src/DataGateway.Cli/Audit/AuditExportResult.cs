namespace DataGateway.Cli.Audit;

/// <summary>The outcome of verifying an export.</summary>
/// <param name="Reason">Null when verified; otherwise a code from <see cref="AuditExportFailure"/>.</param>
/// <param name="Index">The first bad entry's index, when one entry is to blame.</param>
/// <param name="Detail">A sentence for the auditor.</param>
/// <param name="EntriesVerified">Entries whose leaves were recomputed and matched before the verdict.</param>
internal sealed record AuditExportResult(string? Reason, long? Index, string Detail, long EntriesVerified)
{
    /// <summary>True if every check passed.</summary>
    public bool Ok => Reason is null;

    /// <summary>The one-line verdict, e.g. <c>leaf_mismatch at 1234: …</c>.</summary>
    public override string ToString() =>
        Ok ? Detail : $"{Reason}{(Index is { } i ? $" at {i}" : string.Empty)}: {Detail}";

    /// <summary>A failure naming an entry.</summary>
    public static AuditExportResult At(string reason, long index, string detail, long verified) => new(reason, index, detail, verified);

    /// <summary>A failure of the export as a whole.</summary>
    public static AuditExportResult Fail(string reason, string detail, long verified) => new(reason, null, detail, verified);
}
