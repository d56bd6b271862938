namespace DataGateway.Dataset.Storage;

/// <summary>How far a dataset build has come.</summary>
/// <param name="Done">Enterprises written so far.</param>
/// <param name="Total">Enterprises to write.</param>
public readonly record struct DatasetProgress(long Done, long Total);
