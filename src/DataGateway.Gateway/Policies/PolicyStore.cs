using Microsoft.Extensions.Logging;
using DataGateway.Gateway.Diagnostics;

namespace DataGateway.Gateway.Policies;

/// <summary>
/// Holds the policy in force. A bad policy at start stops the process (every error listed);
/// a bad edit while running is rejected and the last good policy stays in force.
/// </summary>
internal sealed class PolicyStore : IDisposable
{
    private readonly string _directory;
    private readonly ILogger<PolicyStore> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Lock _reloadLock = new();
    private GatewayPolicy _current;
    private Timer? _debounce;

    private PolicyStore(string directory, GatewayPolicy initial, ILogger<PolicyStore> logger, bool watch)
    {
        _directory = directory;
        _current = initial;
        _logger = logger;
        if (watch)
        {
            _watcher = new FileSystemWatcher(directory, "*.yaml") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Deleted += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The policy in force.</summary>
    public GatewayPolicy Current => Volatile.Read(ref _current);

    /// <summary>Reload attempts so far, good or bad (tests wait on it).</summary>
    public int ReloadAttempts { get; private set; }

    /// <summary>Errors of the last rejected reload, empty when the last reload succeeded.</summary>
    public IReadOnlyList<string> LastReloadErrors { get; private set; } = [];

    /// <summary>Loads the directory; throws listing every error if it is not a valid policy.</summary>
    public static PolicyStore Open(string directory, ILogger<PolicyStore> logger, bool watch)
    {
        var result = PolicyLoader.Load(directory);
        if (result.Policy is null)
        {
            throw new InvalidPolicyException(result.Errors);
        }

        return new PolicyStore(directory, result.Policy, logger, watch);
    }

    /// <summary>Reloads now; keeps the current policy when the files are invalid.</summary>
    public PolicyLoadResult Reload()
    {
        lock (_reloadLock)
        {
            var result = PolicyLoader.Load(_directory);
            if (result.Policy is { } policy)
            {
                Volatile.Write(ref _current, policy);
                LastReloadErrors = [];
                GatewayLog.PolicyReloaded(_logger, policy.Version);
            }
            else
            {
                LastReloadErrors = result.Errors;
                GatewayLog.PolicyReloadRejected(_logger, Current.Version, string.Join("; ", result.Errors));
            }

            ReloadAttempts++;
            return result;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    // Editors write a file in several steps; wait for the burst to settle before reading.
    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        var timer = new Timer(_ => Reload(), null, TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _debounce, timer)?.Dispose();
    }
}

/// <summary>The policy directory is not a valid policy; the message lists every error.</summary>
public sealed class InvalidPolicyException(IReadOnlyList<string> errors)
    : Exception("The policy is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors))
{
    /// <summary>Every error found.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
