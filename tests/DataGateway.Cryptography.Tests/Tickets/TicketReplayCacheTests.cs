using DataGateway.Cryptography.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Cryptography.Tests.Tickets;

public sealed class TicketReplayCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAdd_ReturnsFalse_ForTheSecondAddOfTheSameId()
    {
        var cache = new TicketReplayCache(_time);
        var expiry = _time.GetUtcNow().AddSeconds(30);

        Assert.True(cache.TryAdd("tkt_1", expiry));
        Assert.False(cache.TryAdd("tkt_1", expiry));
        Assert.True(cache.TryAdd("tkt_2", expiry));
    }

    [Fact]
    public void TryAdd_StillRefusesTheId_AfterTicketExpiryWithinTheGrace()
    {
        var cache = new TicketReplayCache(_time);
        var expiry = _time.GetUtcNow().AddSeconds(30);
        cache.TryAdd("tkt_1", expiry);

        _time.Advance(TimeSpan.FromSeconds(45));

        Assert.False(cache.TryAdd("tkt_1", expiry));
    }

    [Fact]
    public void TryAdd_AcceptsTheIdAgain_AfterItExpiredAndWasSwept()
    {
        var cache = new TicketReplayCache(_time);
        var expiry = _time.GetUtcNow().AddSeconds(30);
        cache.TryAdd("tkt_1", expiry);

        _time.Advance(TimeSpan.FromSeconds(30) + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(6));

        Assert.True(cache.TryAdd("tkt_1", _time.GetUtcNow().AddSeconds(30)));
        Assert.False(cache.TryAdd("tkt_1", _time.GetUtcNow().AddSeconds(30)));
    }

    [Fact]
    public void TryAdd_AcceptsExactlyOnce_WhenManyThreadsRaceOnOneId()
    {
        var cache = new TicketReplayCache(_time);
        var expiry = _time.GetUtcNow().AddSeconds(30);
        var accepted = 0;

        Parallel.For(0, 64, _ =>
        {
            if (cache.TryAdd("tkt_race", expiry))
            {
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.Equal(1, accepted);
    }
}
