namespace DataGateway.IntegrationTests.Support;

/// <summary>The JSON log files a host wrote under a harness's log directory (read after the host stopped and flushed them).</summary>
public static class HostLogs
{
    /// <summary>Every file of <paramref name="component"/> (<c>gateway</c> or <c>node</c>), concatenated.</summary>
    public static async Task<string> ReadAsync(string directory, string component, CancellationToken ct)
    {
        var texts = new List<string>();
        foreach (var file in Directory.GetFiles(directory, component + "-*.json"))
        {
            texts.Add(await File.ReadAllTextAsync(file, ct));
        }

        return string.Join('\n', texts);
    }
}
