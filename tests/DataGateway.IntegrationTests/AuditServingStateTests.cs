using DataGateway.Gateway.Auditing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md A10 at unit level: the grace counts from the first failed checkpoint of a failure streak; a success
/// ends it; a clock jump alone never closes the gateway; corruption is final for the process.
/// </summary>
public sealed class AuditServingStateTests
{
    private static readonly CheckpointOptions Settings = new() { FailureGrace = TimeSpan.FromHours(1) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Refusal_IsAnchorStale_OnlyAfterFailuresOutlastTheGrace_AndClearsOnSuccess()
    {
        var state = new AuditServingState(_time, Options.Create(Settings));
        state.CheckpointFailed();
        _time.Advance(TimeSpan.FromMinutes(30));
        state.CheckpointFailed(); // a later failure does not restart the clock
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(state.Refusal); // exactly the grace: still serving

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("audit_anchor_stale", state.Refusal?.Code);

        state.CheckpointSucceeded();
        Assert.Null(state.Refusal);
    }

    [Fact]
    public void Refusal_StaysNull_WhenTimeJumpsWithoutAFailure()
    {
        var state = new AuditServingState(_time, Options.Create(Settings));
        state.CheckpointSucceeded();
        _time.Advance(TimeSpan.FromDays(3));

        Assert.Null(state.Refusal);
    }

    [Fact]
    public void Refusal_IsAuditCorrupt_ForTheLifeOfTheProcess_OnceMarked()
    {
        var state = new AuditServingState(_time, Options.Create(Settings));
        state.MarkCorrupt("leaf_mismatch");
        state.MarkCorrupt("other");
        state.CheckpointSucceeded();

        Assert.Equal(("audit_corrupt", "leaf_mismatch"), (state.Refusal?.Code, state.CorruptReason));
    }

    [Theory]
    [InlineData("00:00:00", "00:00:10", "01:00:00", 1)]
    [InlineData("00:00:10", "00:00:10", "01:00:00", 1)]
    [InlineData("00:00:10", "00:00:20", "00:00:05", 1)]
    [InlineData("00:00:01", "00:00:10", "01:00:00", 0)]
    public void Validator_RefusesContradictorySettings(string interval, string maxMergeDelay, string grace, int selfCheckWindow)
    {
        var options = new CheckpointOptions
        {
            Interval = TimeSpan.Parse(interval),
            MaxMergeDelay = TimeSpan.Parse(maxMergeDelay),
            FailureGrace = TimeSpan.Parse(grace),
            SelfCheckWindow = selfCheckWindow,
        };

        Assert.True(new CheckpointOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Validator_AcceptsTheDefaults()
    {
        Assert.True(new CheckpointOptionsValidator().Validate(null, new CheckpointOptions()).Succeeded);
    }
}
