using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DataGateway.Bench;

/// <summary>
/// Drives a route with <c>wrk</c> (Debian package) when it is installed: a C load generator
/// costs the 2-core box far less CPU than an in-process HttpClient loop, so the servers get
/// the machine. The Lua script rotates subjects so per-subject limits and caches do not flatter.
/// </summary>
internal static partial class WrkLoad
{
    public static bool IsAvailable => File.Exists("/usr/bin/wrk") || File.Exists("/usr/local/bin/wrk");

    public static async Task<LoadResult> RunAsync(string name, Uri baseAddress, string token, IReadOnlyList<string> subjects, int connections, TimeSpan warmup, TimeSpan duration, string purpose = "pre-loan")
    {
        var script = Path.Combine(Path.GetTempPath(), "dg-bench-" + Guid.NewGuid().ToString("N")[..8] + ".lua");
        await File.WriteAllTextAsync(script, Script(token, subjects, purpose));
        try
        {
            await RunWrkAsync(baseAddress, script, connections, warmup);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var output = await RunWrkAsync(baseAddress, script, connections, duration);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var result = Parse(name, output, duration);
            return result with { ServerCpuMicros = cpu.TotalMicroseconds / Math.Max(1, result.Requests) };
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string Script(string token, IReadOnlyList<string> subjects, string purpose)
    {
        var lua = new StringBuilder();
        lua.Append("local subjects = {");
        lua.AppendJoin(",", subjects.Take(5000).Select(s => "\"" + s + "\""));
        lua.AppendLine("}");
        lua.AppendLine("local i = math.random(1, #subjects)");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local headers = {{ [\"Content-Type\"] = \"application/json\", [\"Authorization\"] = \"Bearer {token}\" }}");
        lua.AppendLine("request = function()");
        lua.AppendLine("  i = i % #subjects + 1");
        lua.AppendLine(CultureInfo.InvariantCulture, $$$$"""  local body = '{"subject":"' .. subjects[i] .. '","purpose":"{{{{purpose}}}}","checks":[{"predicate":"tax.paid12mAtLeast","params":{"amountCny":300000}},{"predicate":"court.notDishonestDebtor"}]}'""");
        lua.AppendLine("  return wrk.format(\"POST\", \"/v1/verifications\", headers, body)");
        lua.AppendLine("end");
        return lua.ToString();
    }

    private static async Task<string> RunWrkAsync(Uri baseAddress, string script, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk")
        {
            ArgumentList = { "-t2", "-c" + connections.ToString(CultureInfo.InvariantCulture), "-d" + ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s", "--latency", "-s", script, baseAddress.ToString().TrimEnd('/') },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static LoadResult Parse(string name, string output, TimeSpan duration)
    {
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(name + " (wrk)", (long)(rps * duration.TotalSeconds), non2xx, duration, Percentile(output, "50%"), Percentile(output, "99%"));
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
