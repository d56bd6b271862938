using System.Text;

namespace DataGateway.Storage.Audit;

/// <summary>
/// Makes an entry safe to hash and store: lone surrogates become U+FFFD (they cannot survive UTF-8) and fields past
/// the cap are truncated and marked (RELIABILITY.md A11). Control characters stay: the length-prefixed encoding and
/// parameterised SQL make them inert.
/// </summary>
internal static class AuditEntryNormalizer
{
    internal const string TruncationMarker = "…[truncated]";

    public static AuditEntry Normalize(AuditEntry entry, int maxFieldLength)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Actor is null || entry.Role is null || entry.Kind is null || entry.Decision is null || entry.Reason is null)
        {
            throw new ArgumentException("Actor, Role, Kind, Decision and Reason are required.", nameof(entry));
        }

        var predicates = entry.Predicates ?? [];
        // The list is capped like a string so that one entry cannot grow without bound.
        var count = Math.Min(predicates.Count, maxFieldLength);
        var cappedPredicates = new string[count];
        for (var i = 0; i < count; i++)
        {
            cappedPredicates[i] = Cap(predicates[i] ?? throw new ArgumentException("A predicate name is null.", nameof(entry)), maxFieldLength);
        }

        return entry with
        {
            Actor = Cap(entry.Actor, maxFieldLength),
            Role = Cap(entry.Role, maxFieldLength),
            Institution = CapOrNull(entry.Institution, maxFieldLength),
            Subject = CapOrNull(entry.Subject, maxFieldLength),
            Purpose = CapOrNull(entry.Purpose, maxFieldLength),
            Kind = Cap(entry.Kind, maxFieldLength),
            QueryHash = CapOrNull(entry.QueryHash, maxFieldLength),
            Decision = Cap(entry.Decision, maxFieldLength),
            Reason = Cap(entry.Reason, maxFieldLength),
            ConsentId = CapOrNull(entry.ConsentId, maxFieldLength),
            PolicyVersion = CapOrNull(entry.PolicyVersion, maxFieldLength),
            ResultDigest = CapOrNull(entry.ResultDigest, maxFieldLength),
            Node = CapOrNull(entry.Node, maxFieldLength),
            ClientRequestId = CapOrNull(entry.ClientRequestId, maxFieldLength),
            Predicates = cappedPredicates,
        };
    }

    private static string? CapOrNull(string? value, int maxFieldLength) => value is null ? null : Cap(value, maxFieldLength);

    internal static string Cap(string value, int maxFieldLength)
    {
        if (value.Length > maxFieldLength)
        {
            var cut = maxFieldLength - TruncationMarker.Length;
            // Never split a surrogate pair: cut before its high half.
            if (char.IsHighSurrogate(value[cut - 1]))
            {
                cut--;
            }

            value = string.Concat(value.AsSpan(0, cut), TruncationMarker);
        }

        return ReplaceLoneSurrogates(value);
    }

    private static string ReplaceLoneSurrogates(string value)
    {
        StringBuilder? fixedUp = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pairStart = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pairStart)
            {
                fixedUp?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                fixedUp ??= new StringBuilder(value, 0, i, value.Length);
                fixedUp.Append('\uFFFD');
                continue;
            }

            fixedUp?.Append(c);
        }

        return fixedUp?.ToString() ?? value;
    }
}
