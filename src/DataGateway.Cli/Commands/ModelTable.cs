using System.Globalization;
using DataGateway.Client.Models;
using DataGateway.Client.Scoring;

namespace DataGateway.Cli.Commands;

/// <summary>Writes model answers for a person to read.</summary>
internal static class ModelTable
{
    public static void WriteRegistered(TextWriter output, ModelView view)
    {
        output.WriteLine($"registered model {view.Id}: {view.Features.Count} features, scale {view.Scale.ToString("N0", CultureInfo.InvariantCulture)}.");
        output.WriteLine($"  commitment   {view.Commitment ?? "(not reported)"}");
        if (view.PublicKey is { } key)
        {
            output.WriteLine($"  key          {PaillierKeyFile.Fingerprint(key.N)}");
        }

        output.WriteLine("The weights were encrypted here; the gateway holds only ciphertexts.");
    }

    public static void WriteList(TextWriter output, ModelList list)
    {
        if (list.Items.Count == 0)
        {
            output.WriteLine("no models.");
            return;
        }

        var width = Math.Max("ID".Length, list.Items.Max(m => m.Id.Length));
        output.WriteLine($"{"ID".PadRight(width)}  {"FEATURES",8}  {"SCALE",17}  {"REGISTERED",-10}  COMMITMENT");
        foreach (var m in list.Items)
        {
            output.WriteLine($"{m.Id.PadRight(width)}  {m.Features.Count,8}  {m.Scale.ToString("N0", CultureInfo.InvariantCulture),17}  {Date(m.RegisteredAt),-10}  {m.Commitment ?? "-"}");
        }
    }

    public static void WriteOne(TextWriter output, ModelView view)
    {
        output.WriteLine($"model {view.Id}");
        output.WriteLine($"  scale        {view.Scale.ToString("N0", CultureInfo.InvariantCulture)}");
        output.WriteLine($"  registered   {Date(view.RegisteredAt)}");
        output.WriteLine($"  commitment   {view.Commitment ?? "(not reported)"}");
        if (view.PublicKey is { } key)
        {
            output.WriteLine($"  key          {PaillierKeyFile.Fingerprint(key.N)}");
        }

        output.WriteLine($"  features     {view.Features.Count}");
        foreach (var feature in view.Features)
        {
            output.WriteLine($"    {feature}");
        }
    }

    private static string Date(DateTimeOffset? instant) =>
        instant is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
}
