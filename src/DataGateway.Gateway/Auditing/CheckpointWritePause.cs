using System.Globalization;
using DataGateway.Storage.Checkpoints;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Crash-test hook (RELIABILITY.md C2): with <c>GATEWAY_TEST_PAUSE_AT=&lt;step&gt;</c> set in a Development process,
/// the checkpoint writer stops at that step, writes the marker file <c>pause-&lt;step&gt;.reached</c> next to the
/// audit database and waits until the file is deleted, so a test can SIGKILL it exactly there.
/// </summary>
/// <remarks>The variable is read once at start and ignored outside Development, so production cannot be paused.</remarks>
internal sealed class CheckpointWritePause
{
    /// <summary>The environment variable naming the step.</summary>
    public const string Variable = "GATEWAY_TEST_PAUSE_AT";

    private readonly CheckpointWriteStep? _step;
    private readonly string _markerDirectory;

    private CheckpointWritePause(CheckpointWriteStep? step, string markerDirectory)
    {
        _step = step;
        _markerDirectory = markerDirectory;
    }

    /// <summary>A hook that never pauses.</summary>
    public static CheckpointWritePause None { get; } = new(null, ".");

    /// <summary>Reads <see cref="Variable"/> once; honoured only when <paramref name="environmentName"/> is Development.</summary>
    /// <exception cref="InvalidOperationException">The variable names no step (a typo must not silently test nothing).</exception>
    public static CheckpointWritePause FromEnvironment(string environmentName, string markerDirectory)
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(value) || !string.Equals(environmentName, "Development", StringComparison.Ordinal))
        {
            return None;
        }

        return Enum.TryParse<CheckpointWriteStep>(value, ignoreCase: true, out var step) && Enum.IsDefined(step)
            ? new CheckpointWritePause(step, markerDirectory)
            : throw new InvalidOperationException($"{Variable} must be one of: {string.Join(", ", Enum.GetNames<CheckpointWriteStep>())}.");
    }

    /// <summary>The marker file written when <paramref name="step"/> is reached.</summary>
    public static string MarkerPath(string markerDirectory, CheckpointWriteStep step) =>
        Path.Combine(markerDirectory, $"pause-{step.ToString().ToLowerInvariant()}.reached");

    /// <summary>Blocks the calling thread at <paramref name="reached"/> if that is the configured step.</summary>
    public void At(CheckpointWriteStep reached)
    {
        if (_step != reached)
        {
            return;
        }

        var marker = MarkerPath(_markerDirectory, reached);
        File.WriteAllText(marker, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        // Blocking is the point: the writer must hold its place (and its locks) until the test kills the process.
        while (File.Exists(marker))
        {
            Thread.Sleep(20);
        }
    }
}
