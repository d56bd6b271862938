using System.Globalization;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Gateway.Apis;

/// <summary>
/// Parses the query strings of the auditor's entry and export endpoints strictly: an unknown or repeated
/// parameter is refused rather than ignored, because a misspelt filter that silently matched everything would
/// show an auditor the wrong evidence (fail closed).
/// </summary>
internal static class AuditRequestParameters
{
    private static readonly HashSet<string> EntryParameters =
        ["from", "to", "institution", "subject", "kind", "decision", "cursor", "limit"];

    private static readonly HashSet<string> ExportParameters = ["from", "to"];

    /// <summary>
    /// Parses <c>GET /v1/audit/entries</c>. <c>from</c>/<c>to</c> are entry indexes when plain decimals and
    /// RFC 3339 timestamps otherwise (with a date, a <c>T</c> and an offset); both are half-open, to exclusive.
    /// </summary>
    public static bool TryParseEntries(IQueryCollection query, out AuditEntryFilter? filter, out string? error)
    {
        filter = null;
        if (!OnlyKnown(query, EntryParameters, out error))
        {
            return false;
        }

        if (!TryBound(query, "from", out var fromIndex, out var fromTime, ref error)
            || !TryBound(query, "to", out var toIndex, out var toTime, ref error))
        {
            return false;
        }

        var result = new AuditEntryFilter { FromIndex = fromIndex, FromTime = fromTime, ToIndex = toIndex, ToTime = toTime };
        if (query.TryGetValue("cursor", out var cursor))
        {
            if (!AuditCursor.TryDecode(cursor.ToString(), out var after))
            {
                error = "cursor is not one this endpoint returned.";
                return false;
            }

            result = result with { AfterIndex = after };
        }

        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                || limit is < 1 or > AuditEntryFilter.MaxLimit)
            {
                error = $"limit is between 1 and {AuditEntryFilter.MaxLimit}.";
                return false;
            }

            result = result with { Limit = limit };
        }

        filter = result with
        {
            Institution = Text(query, "institution"),
            Subject = Text(query, "subject"),
            Kind = Text(query, "kind"),
            Decision = Text(query, "decision"),
        };
        if (new[] { filter.Institution, filter.Subject, filter.Kind, filter.Decision }.Any(v => v is { Length: 0 or > 256 }))
        {
            error = "institution, subject, kind and decision are 1 to 256 characters.";
            filter = null;
            return false;
        }

        return true;
    }

    /// <summary>Parses <c>GET /v1/audit/export</c>: optional entry indexes <c>from</c> (inclusive) and <c>to</c> (exclusive).</summary>
    public static bool TryParseExport(IQueryCollection query, out long from, out long? to, out string? error)
    {
        from = 0;
        to = null;
        if (!OnlyKnown(query, ExportParameters, out error))
        {
            return false;
        }

        if (query.TryGetValue("from", out var fromText) && !TryIndex(fromText.ToString(), out from))
        {
            error = "from is an entry index (a non-negative integer).";
            return false;
        }

        if (query.TryGetValue("to", out var toText))
        {
            if (!TryIndex(toText.ToString(), out var end))
            {
                error = "to is an entry index (a non-negative integer).";
                return false;
            }

            to = end;
        }

        return true;
    }

    private static bool OnlyKnown(IQueryCollection query, HashSet<string> known, out string? error)
    {
        error = null;
        foreach (var (name, values) in query)
        {
            if (!known.Contains(name) || values.Count != 1)
            {
                error = $"Allowed parameters, each at most once: {string.Join(", ", known)}.";
                return false;
            }
        }

        return true;
    }

    private static bool TryBound(IQueryCollection query, string name, out long? index, out DateTimeOffset? time, ref string? error)
    {
        index = null;
        time = null;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        var text = values.ToString();
        if (TryIndex(text, out var i))
        {
            index = i;
            return true;
        }

        // RFC 3339 only: a date, 'T', a time and an explicit offset, so no culture or local zone is ever guessed.
        if (text.Contains('T', StringComparison.Ordinal)
            && (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-'))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            time = t;
            return true;
        }

        error = $"{name} is an entry index or an RFC 3339 timestamp such as 2026-11-01T00:00:00Z.";
        return false;
    }

    private static bool TryIndex(string text, out long index) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.ToString() : null;
}
