namespace DataGateway.Storage.Consent;

/// <summary>
/// The durable record of consent grants. Every read sees every committed write, on this
/// process or any other sharing the store: no implementation may cache grants, because a
/// revocation applies to every query that starts after it (ARCHITECTURE.md invariant 4).
/// </summary>
public interface IConsentRegistry : IAsyncDisposable
{
    /// <summary>Stores a new grant durably.</summary>
    /// <param name="grant">The grant; its id must be new.</param>
    /// <param name="ct">Cancels before the write starts.</param>
    /// <returns>A task that completes once the grant is committed.</returns>
    /// <exception cref="ConsentStoreUnavailableException">The store could not commit it.</exception>
    Task AddAsync(ConsentGrant grant, CancellationToken ct);

    /// <summary>Reads one grant.</summary>
    /// <param name="id">The consent id.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The grant, or null if there is none with that id.</returns>
    Task<ConsentGrant?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every grant an enterprise gave one institution, in any status, newest first (the query-time check).</summary>
    /// <param name="subject">The enterprise's USCC.</param>
    /// <param name="institution">The institution id.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The grants.</returns>
    Task<IReadOnlyList<ConsentGrant>> FindForAsync(string subject, string institution, CancellationToken ct);

    /// <summary>Every grant an enterprise gave, newest first.</summary>
    /// <param name="subject">The enterprise's USCC.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The grants.</returns>
    Task<IReadOnlyList<ConsentGrant>> ListBySubjectAsync(string subject, CancellationToken ct);

    /// <summary>Every grant given to an institution, newest first.</summary>
    /// <param name="institution">The institution id.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The grants.</returns>
    Task<IReadOnlyList<ConsentGrant>> ListByInstitutionAsync(string institution, CancellationToken ct);

    /// <summary>Records a revocation durably; a grant already revoked keeps its first revocation.</summary>
    /// <param name="id">The consent id.</param>
    /// <param name="revokedAt">The revocation instant.</param>
    /// <param name="revokedBy">Who revoked.</param>
    /// <param name="reason">Why, if given.</param>
    /// <param name="ct">Cancels before the write starts.</param>
    /// <returns>The grant after the call, or null if there is none with that id.</returns>
    /// <exception cref="ConsentStoreUnavailableException">The store could not commit it.</exception>
    Task<ConsentGrant?> RevokeAsync(string id, DateTimeOffset revokedAt, string revokedBy, string? reason, CancellationToken ct);

    /// <summary>Counts one query against a grant's maximum, atomically; false when none is left.</summary>
    /// <param name="id">The consent id.</param>
    /// <param name="ct">Cancels before the write starts.</param>
    /// <returns>Whether a use was counted.</returns>
    /// <exception cref="ConsentStoreUnavailableException">The store could not commit it.</exception>
    Task<bool> TryUseAsync(string id, CancellationToken ct);
}
