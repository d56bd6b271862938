namespace DataGateway.Storage.Audit;

/// <summary>Tuning for <see cref="SqliteAuditLog"/>.</summary>
public sealed class AuditLogOptions
{
    /// <summary>The shortest field cap allowed: room for the truncation marker plus some content.</summary>
    internal const int MinFieldLength = 32;

    /// <summary>Most entries committed in one transaction (one fsync). Default 1024.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>How long a commit waits for a lock held by another connection before failing. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest string field, in UTF-16 code units, kept before truncation. Default 256.</summary>
    public int MaxFieldLength { get; set; } = 256;

    /// <summary>Throws if the options contradict themselves; bad configuration stops the process (STYLE.md).</summary>
    internal void Validate()
    {
        if (MaxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "Must be at least 1.");
        }

        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "Must be positive and at most 10 minutes.");
        }

        if (MaxFieldLength < MinFieldLength)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFieldLength), MaxFieldLength, $"Must be at least {MinFieldLength}.");
        }
    }
}
