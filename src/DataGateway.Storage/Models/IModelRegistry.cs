namespace DataGateway.Storage.Models;

/// <summary>
/// The durable registry of institutions' scoring models. Rows are never updated except to mark a model
/// deleted, and never removed: an id names one model forever.
/// </summary>
public interface IModelRegistry : IAsyncDisposable
{
    /// <summary>Stores a new model unless its id was ever used by the institution or the institution is at its cap.</summary>
    /// <param name="model">The model; not deleted.</param>
    /// <param name="maxActiveModels">The most active (not deleted) models the institution may hold.</param>
    /// <param name="ct">Cancels before the write starts.</param>
    /// <exception cref="ModelStoreUnavailableException">The store could not commit it.</exception>
    Task<ModelAddResult> AddAsync(RegisteredModel model, int maxActiveModels, CancellationToken ct);

    /// <summary>Reads one model of an institution, deleted or not.</summary>
    /// <param name="institution">The owning institution.</param>
    /// <param name="id">The model id.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <exception cref="ModelStoreUnavailableException">The store could not be read.</exception>
    Task<RegisteredModel?> FindAsync(string institution, string id, CancellationToken ct);

    /// <summary>The institution's active models in registration order.</summary>
    /// <param name="institution">The owning institution.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <exception cref="ModelStoreUnavailableException">The store could not be read.</exception>
    Task<IReadOnlyList<RegisteredModel>> ListAsync(string institution, CancellationToken ct);

    /// <summary>Marks a model deleted; false when there is no active model with that id.</summary>
    /// <param name="institution">The owning institution.</param>
    /// <param name="id">The model id.</param>
    /// <param name="deletedAt">When.</param>
    /// <param name="ct">Cancels before the write starts.</param>
    /// <exception cref="ModelStoreUnavailableException">The store could not commit it.</exception>
    Task<bool> DeleteAsync(string institution, string id, DateTimeOffset deletedAt, CancellationToken ct);
}
