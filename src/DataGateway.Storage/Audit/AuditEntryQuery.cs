using System.Text;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Audit;

/// <summary>
/// Turns an <see cref="AuditEntryFilter"/> into one parameterised SQL clause over <c>audit_entries</c>, always in
/// index order and always bounded by the filter's limit, so a page costs one short read snapshot (RELIABILITY.md C6).
/// </summary>
/// <remarks>
/// The subject filter is served by <c>ix_audit_entries_subject (subject, seq)</c> and the time range by
/// <c>ix_audit_entries_ts</c>; institution, kind and decision filter a primary-key scan in seq order, which
/// stops at the limit. Those three get no index on purpose: every index is one more B-tree write per append, and
/// appends are the log's hot path (20,000 entries/s target).
/// </remarks>
internal static class AuditEntryQuery
{
    /// <summary>Builds the <c>WHERE … ORDER BY seq LIMIT …</c> clause and its parameters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1 to <see cref="AuditEntryFilter.MaxLimit"/>.</exception>
    public static (string Clause, SqliteParameter[] Parameters) Build(AuditEntryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Limit, AuditEntryFilter.MaxLimit);

        var conditions = new List<string>();
        var parameters = new List<SqliteParameter>();
        void Add(string condition, string name, object? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                parameters.Add(new SqliteParameter(name, value));
            }
        }

        Add("seq >= $fromIndex", "$fromIndex", filter.FromIndex);
        Add("seq < $toIndex", "$toIndex", filter.ToIndex);
        Add("seq > $after", "$after", filter.AfterIndex);
        Add("ts >= $fromTime", "$fromTime", filter.FromTime?.ToUnixTimeMilliseconds());
        Add("ts < $toTime", "$toTime", filter.ToTime?.ToUnixTimeMilliseconds());
        Add("institution = $institution", "$institution", filter.Institution);
        Add("subject = $subject", "$subject", filter.Subject);
        Add("kind = $kind", "$kind", filter.Kind);
        Add("decision = $decision", "$decision", filter.Decision);
        parameters.Add(new SqliteParameter("$limit", filter.Limit));

        var clause = new StringBuilder();
        if (conditions.Count > 0)
        {
            clause.Append("WHERE ").AppendJoin(" AND ", conditions).Append(' ');
        }

        clause.Append("ORDER BY seq LIMIT $limit");
        return (clause.ToString(), [.. parameters]);
    }
}
