using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Cli.Connection;
using DataGateway.Core.Contracts;

namespace DataGateway.Cli.Commands;

/// <summary>
/// <c>dg aggregate</c>: asks for a private statistic and prints every group of the public domain
/// (suppressed ones as <c>suppressed</c>), the epsilon spent and the budget left.
/// </summary>
internal static class AggregateCommand
{
    private static readonly JsonSerializerOptions OutputJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="getEnvironmentVariable">Reads DG_GATEWAY and DG_TOKEN; the process environment by default.</param>
    public static Command Create(Func<string, string?>? getEnvironmentVariable = null)
    {
        var metric = new Option<string>("--metric") { Description = "count, sum or mean.", Required = true };
        metric.AcceptOnlyFromAmong("count", "sum", "mean");
        var field = new Option<string?>("--field") { Description = "The measured field for sum and mean, e.g. tax.paid12m." };
        var groupBy = new Option<string[]>("--group-by")
        {
            Description = "Public dimensions to group by, e.g. registration.province registration.industry.",
            AllowMultipleArgumentsPerToken = true,
        };
        var filter = new Option<string[]>("--filter") { Description = "Keep only these values: dim=v1,v2 (repeatable)." };
        var epsilon = new Option<string>("--epsilon") { Description = "Privacy loss to spend, e.g. 0.5 (at most 6 decimals).", Required = true };
        var purpose = new Option<string?>("--purpose") { Description = "The purpose of the query, if policy asks for one." };
        var gateway = new GatewayOptions(getEnvironmentVariable ?? Environment.GetEnvironmentVariable);
        var command = new Command("aggregate", "Private statistics: noisy counts, sums or means by public dimensions.")
        {
            metric, field, groupBy, filter, epsilon, purpose,
        };
        gateway.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryParseEpsilon(parse.GetValue(epsilon)!, out var amount))
            {
                await stderr.WriteLineAsync("--epsilon: expected a positive decimal number such as 0.5.");
                return ExitCodes.Usage;
            }

            if (!TryParseFilters(parse.GetValue(filter) ?? [], out var filters, out var error))
            {
                await stderr.WriteLineAsync("--filter: " + error);
                return ExitCodes.Usage;
            }

            var request = new AggregateRequest
            {
                Metric = parse.GetValue(metric)!,
                Field = parse.GetValue(field),
                GroupBy = parse.GetValue(groupBy) ?? [],
                Filter = filters.Count > 0 ? filters : null,
                Epsilon = amount,
                Purpose = parse.GetValue(purpose),
            };
            return await InstitutionCall.RunAsync(parse, gateway, async client =>
            {
                var response = await client.AggregateAsync(request, cancellationToken);
                var stdout = parse.InvocationConfiguration.Output;
                if (parse.GetValue(gateway.Json))
                {
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(response, OutputJson));
                }
                else
                {
                    AggregateTable.Write(stdout, request, response);
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>A plain positive decimal; the gateway decides the range and the precision.</summary>
    internal static bool TryParseEpsilon(string text, out decimal epsilon) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out epsilon) && epsilon > 0;

    /// <summary>Parses <c>dim=v1,v2</c> items; a dimension given twice or without values is an error.</summary>
    internal static bool TryParseFilters(string[] items, out Dictionary<string, IReadOnlyList<string>> filters, out string? error)
    {
        filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        error = null;
        foreach (var item in items)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var values = equals > 0 ? item[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            if (values.Length == 0)
            {
                error = $"'{item}' is not dim=v1[,v2...]";
                return false;
            }

            if (!filters.TryAdd(item[..equals].Trim(), values))
            {
                error = $"dimension '{item[..equals].Trim()}' is given twice";
                return false;
            }
        }

        return true;
    }
}
