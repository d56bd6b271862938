using Microsoft.Extensions.Options;

namespace DataGateway.Gateway.Auditing;

/// <summary>Refuses contradictory checkpoint settings at start (STYLE.md: bad configuration stops the process).</summary>
internal sealed class CheckpointOptionsValidator : IValidateOptions<CheckpointOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CheckpointOptions options)
    {
        var errors = new List<string>();
        if (options.Interval <= TimeSpan.Zero)
        {
            errors.Add("Audit:Checkpoints:Interval must be positive.");
        }

        // A promise shorter than the schedule would be broken by design.
        if (options.MaxMergeDelay <= options.Interval)
        {
            errors.Add("Audit:Checkpoints:MaxMergeDelay must be longer than Interval.");
        }

        if (options.FailureGrace < options.Interval)
        {
            errors.Add("Audit:Checkpoints:FailureGrace must be at least Interval.");
        }

        if (options.SelfCheckWindow < 1)
        {
            errors.Add("Audit:Checkpoints:SelfCheckWindow must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
