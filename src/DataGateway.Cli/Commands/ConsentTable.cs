using System.Globalization;
using DataGateway.Core.Contracts;

namespace DataGateway.Cli.Commands;

/// <summary>Writes consent answers for a person to read.</summary>
internal static class ConsentTable
{
    public static void Write(TextWriter output, object result)
    {
        switch (result)
        {
            case ConsentView view:
                WriteOne(output, view);
                break;
            case ConsentList list when list.Items.Count == 0:
                output.WriteLine("no consents.");
                break;
            case ConsentList list:
                output.WriteLine($"{"ID",-26}  {"INSTITUTION",-12}  {"STATUS",-8}  {"EXPIRES",-10}  PURPOSES / CATEGORIES");
                foreach (var v in list.Items)
                {
                    output.WriteLine($"{v.Id,-26}  {v.Institution,-12}  {v.Status,-8}  {Date(v.ExpiresAt),-10}  {string.Join(',', v.Purposes)} / {string.Join(',', v.Categories)}");
                }

                break;
            case AccessLogPage page:
                output.WriteLine($"{"#",-7}  {"WHEN (UTC)",-19}  {"INSTITUTION",-12}  {"KIND",-14}  {"PURPOSE",-10}  {"DECISION",-8}  REASON  CONSENT");
                foreach (var e in page.Items)
                {
                    output.WriteLine($"{e.Index,-7}  {e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19}  {e.Institution ?? "-",-12}  {e.Kind,-14}  {e.Purpose ?? "-",-10}  {e.Decision,-8}  {e.Reason}  {e.ConsentId ?? "-"}");
                }

                output.WriteLine(page.NextCursor is null ? "(end of history)" : $"more: dg consent history --cursor {page.NextCursor}");
                break;
        }
    }

    private static void WriteOne(TextWriter output, ConsentView v)
    {
        output.WriteLine($"consent {v.Id}  {v.Status}");
        output.WriteLine($"  enterprise   {v.Subject}");
        output.WriteLine($"  institution  {v.Institution}");
        output.WriteLine($"  purposes     {string.Join(", ", v.Purposes)}");
        output.WriteLine($"  scopes       {string.Join(", ", v.Scopes)}");
        output.WriteLine($"  categories   {string.Join(", ", v.Categories)}");
        output.WriteLine($"  term         {Date(v.ValidFrom)} to {Date(v.ExpiresAt)}" + (v.MaxQueries is { } max ? $", at most {max} queries" : string.Empty));
        output.WriteLine($"  granted      {v.GrantedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} by {v.GrantedBy}");
        if (v.RevokedAt is { } revokedAt)
        {
            output.WriteLine($"  revoked      {revokedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} by {v.RevokedBy}" + (v.RevokeReason is null ? string.Empty : $": {v.RevokeReason}"));
        }

        if (v.Receipt is not null)
        {
            output.WriteLine("  receipt verified against the gateway's JWKS.");
        }
    }

    private static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
