using System.Globalization;

namespace DataGateway.Cli.Commands;

/// <summary>Writes decoded scores for a person to read.</summary>
internal static class ScoreTable
{
    public static void Write(TextWriter output, string model, IReadOnlyList<ScoreRow> rows)
    {
        output.WriteLine($"model {model}: scores decrypted locally; 600 points at 50:1 good:bad odds, 20 points to double.");
        output.WriteLine($"{"SUBJECT",-18}  {"LINEAR",9}  {"PD",8}  {"SCORE",5}  NOTE");
        foreach (var row in rows)
        {
            var note = row.Problem ?? (row.Overflow ? "overflow: the value is outside the key's signed range" : row.ScoreId);
            output.WriteLine($"{row.Subject,-18}  {Format(row.LinearPredictor, "0.0000"),9}  {Percent(row.Probability),8}  {Format(row.Score, "0"),5}  {note}");
        }

        var scored = rows.Count(r => r.Ok);
        if (scored != rows.Count)
        {
            output.WriteLine($"{scored} of {rows.Count} subjects scored.");
        }
    }

    private static string Format(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-";
}
