namespace DataGateway.Storage.Budget;

/// <summary>The privacy ledger's tables and statements.</summary>
/// <remarks>
/// Amounts are integer micro-epsilon; periods are keyed by their start in Unix milliseconds.
/// There is no statement that lowers <c>spent_micro</c> or deletes a row: a reservation is
/// never refunded (issue 6, RELIABILITY.md C3), and a cached answer stays the answer to its
/// query for the whole period (D8).
/// </remarks>
internal static class BudgetSchema
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS budget_spent (
            institution TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            spent_micro INTEGER NOT NULL DEFAULT 0 CHECK (spent_micro >= 0),
            PRIMARY KEY (institution, period_start)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS budget_reservations (
            id TEXT PRIMARY KEY,
            institution TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            epsilon_micro INTEGER NOT NULL CHECK (epsilon_micro > 0),
            query_hash TEXT NOT NULL,
            reserved_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS answer_cache (
            institution TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            query_hash TEXT NOT NULL,
            answer TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (institution, period_start, query_hash)
        ) WITHOUT ROWID;
        """;

    public const string EnsureRow =
        "INSERT OR IGNORE INTO budget_spent (institution, period_start, spent_micro) VALUES ($institution, $period, 0)";

    // The whole admission decision is this one statement: SQLite runs it atomically, so concurrent
    // reservations can never together pass the cap. Written as spent <= cap - e so nothing overflows.
    public const string Reserve =
        "UPDATE budget_spent SET spent_micro = spent_micro + $epsilon " +
        "WHERE institution = $institution AND period_start = $period AND spent_micro <= $cap - $epsilon";

    public const string InsertReservation =
        "INSERT INTO budget_reservations (id, institution, period_start, epsilon_micro, query_hash, reserved_at) " +
        "VALUES ($id, $institution, $period, $epsilon, $hash, $at)";

    public const string SelectSpent =
        "SELECT spent_micro FROM budget_spent WHERE institution = $institution AND period_start = $period";

    public const string SelectAnswer =
        "SELECT answer FROM answer_cache WHERE institution = $institution AND period_start = $period AND query_hash = $hash";

    // First writer wins: two identical queries that both paid get the same (first) answer back.
    public const string InsertAnswer =
        "INSERT OR IGNORE INTO answer_cache (institution, period_start, query_hash, answer, created_at) " +
        "VALUES ($institution, $period, $hash, $answer, $at)";
}
