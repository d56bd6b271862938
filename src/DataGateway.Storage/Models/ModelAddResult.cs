namespace DataGateway.Storage.Models;

/// <summary>The outcome of registering a model.</summary>
public enum ModelAddResult
{
    /// <summary>Stored durably.</summary>
    Added,

    /// <summary>The institution already has (or had) a model with this id; nothing was stored.</summary>
    Exists,

    /// <summary>The institution is at its model cap; nothing was stored.</summary>
    LimitReached,
}
