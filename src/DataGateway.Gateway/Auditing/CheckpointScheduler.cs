using DataGateway.Core.Problems;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Verification;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Signs a checkpoint every <see cref="CheckpointOptions.Interval"/> when the log grew, through
/// <see cref="CheckpointPublisher"/> so the same guards apply. This is what keeps the receipts' promise
/// (<see cref="CheckpointOptions.MaxMergeDelay"/>); failures feed <see cref="AuditServingState"/>, which refuses
/// queries once they have lasted longer than the grace (RELIABILITY.md A10).
/// </summary>
internal sealed class CheckpointScheduler(
    CheckpointPublisher publisher,
    AuditServingState state,
    IOptions<CheckpointOptions> options,
    TimeProvider time,
    ILogger<CheckpointScheduler> logger) : BackgroundService
{
    private bool _staleAlerted;

    /// <summary>Signs one checkpoint if needed and records the outcome; never throws.</summary>
    /// <remarks>Logs the first failure of a streak, one alert when the grace runs out, and the recovery: not every tick.</remarks>
    public async Task TickAsync()
    {
        var wasFailing = state.FailingSince is not null;
        try
        {
            await publisher.CurrentAsync();
            state.CheckpointSucceeded();
            if (wasFailing)
            {
                GatewayLog.CheckpointRecovered(logger);
                _staleAlerted = false;
            }

            return;
        }
        catch (AdmissionException refusal) when (refusal.Code == ProblemCodes.AuditCorrupt)
        {
            // The publisher already raised the alarm; signing stays refused, so the grace runs out as for any failure.
            state.CheckpointFailed();
        }
#pragma warning disable CA1031 // Any failure (busy store, disk, I/O) is one failed attempt; the next tick retries.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            if (!wasFailing)
            {
                GatewayLog.CheckpointFailed(logger, failure.GetType().Name);
            }

            state.CheckpointFailed();
        }

        if (!_staleAlerted && state.Refusal == ProblemCodes.AuditAnchorStale)
        {
            _staleAlerted = true;
            GatewayLog.CheckpointStale(logger, options.Value.FailureGrace);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
