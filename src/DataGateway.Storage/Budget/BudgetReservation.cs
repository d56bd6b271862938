namespace DataGateway.Storage.Budget;

/// <summary>The outcome of one reservation attempt.</summary>
/// <param name="Reserved">Whether the epsilon was reserved (durably, before anything is computed).</param>
/// <param name="SpentMicro">What the period has spent after the attempt, in micro-epsilon.</param>
public readonly record struct BudgetReservation(bool Reserved, long SpentMicro);
