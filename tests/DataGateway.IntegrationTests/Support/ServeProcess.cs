using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// `dg serve` as a child process, as an operator runs it, so tests can SIGKILL it
/// (RELIABILITY.md §4.1 crash harness).
/// </summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static async Task<ServeProcess> StartAsync(string workDirectory, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dg = Path.Combine(AppContext.BaseDirectory, "dg.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dg, "serve", "--urls", "http://127.0.0.1:0",
                "--data", Path.Combine(workDirectory, "data"),
                "--certs", Path.Combine(workDirectory, "certs"),
                "--policies", Path.Combine(workDirectory, "policies"),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dg did not start");
        process.ErrorDataReceived += (_, _) => { }; // drain stderr so the child never blocks on a full pipe
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                var serve = new ServeProcess(process, match.Groups[1].Value);
                _ = DrainAsync(process.StandardOutput);
                return serve;
            }
        }

        throw new InvalidOperationException("dg serve exited before listening");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushes (what a power-cut-free crash looks like).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM, as systemd or Kubernetes stop a service (.NET's Process.Kill always sends SIGKILL), then
    /// waits for the exit. Returns the exit code, or null if the process outlived <paramref name="timeout"/>.
    /// </summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"^DataGateway listening on (http://\S+)$")]
    private static partial Regex ListeningLine();
}
