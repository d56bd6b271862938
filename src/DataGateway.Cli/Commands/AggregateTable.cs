using System.Globalization;
using DataGateway.Core.Contracts;

namespace DataGateway.Cli.Commands;

/// <summary>Writes an aggregate answer for a person to read: one row per group, then the budget.</summary>
internal static class AggregateTable
{
    /// <summary>What a withheld group shows instead of a value.</summary>
    public const string Suppressed = "suppressed";

    public static void Write(TextWriter output, AggregateRequest request, AggregateResponse response)
    {
        var columns = request.GroupBy.ToList();
        var valueHeader = request.Field is null ? request.Metric : $"{request.Metric}({request.Field})";
        var rows = response.Groups
            .Select(g => columns.Select(c => g.Key.TryGetValue(c, out var v) ? v : "-").Append(ValueOf(g)).ToArray())
            .ToList();
        string[] header = [.. columns, valueHeader];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();

        output.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        var suppressed = response.Groups.Count(g => g.Suppressed);
        output.WriteLine();
        output.WriteLine($"{response.Groups.Count} groups, {suppressed} {Suppressed}; mechanism {response.Mechanism}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epsilon spent: {response.EpsilonSpent}{(response.EpsilonSpent == 0 ? " (same query answered before this period: cached answer)" : string.Empty)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"budget remaining: {response.BudgetRemaining}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit entry: #{response.Receipt.EntryIndex}"));
    }

    private static string ValueOf(AggregateGroup group) =>
        group.Suppressed || group.Value is not { } value ? Suppressed : value.ToString(CultureInfo.InvariantCulture);

    // Dimension columns left-aligned, the value right-aligned like numbers in a spreadsheet.
    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
}
