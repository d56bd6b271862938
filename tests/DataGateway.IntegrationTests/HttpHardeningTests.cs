using System.Text;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md G7 (request smuggling) and G8 (size and time limits), tried with raw bytes against
/// the real gateway in front of an echo node: every malformed request is refused with a 4xx, the
/// connection is closed where a smuggled request could follow, and nothing reaches the node.
/// </summary>
public sealed class HttpHardeningTests : IAsyncLifetime
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);
    private StubNode _stub = null!;
    private GatewayHarness _harness = null!;
    private string _token = null!;

    public async ValueTask InitializeAsync()
    {
        _stub = await StubNode.StartAsync();
        _harness = await GatewayHarness.StartAsync(stub: _stub);
        _token = _harness.TokenFor();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _stub.DisposeAsync();
    }

    /// <summary>A request the gateway would forward if it were ever parsed as a request of its own.</summary>
    private string Smuggled => "POST /v1/verifications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + _token +
        "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

    public static TheoryData<string, string> SmugglingShapes() => new()
    {
        { "content-length and chunked together", "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n{SMUGGLED}" },
        { "two different content-lengths", "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}{SMUGGLED}" },
        { "lone LF in a chunk extension (CVE-2025-55315 shape)", "Transfer-Encoding: chunked\r\n\r\n2;ext\n\r\n{}\r\n0\r\n\r\n{SMUGGLED}" },
        { "bare LF line ending in a chunk size", "Transfer-Encoding: chunked\r\n\r\n2\n{}\r\n0\r\n\r\n{SMUGGLED}" },
        { "obs-fold header", "X-A: 1\r\n x-folded: yes\r\nContent-Length: 2\r\n\r\n{}{SMUGGLED}" },
        { "NUL in a header value", "X-Evil: a\0b\r\nContent-Length: 2\r\n\r\n{}{SMUGGLED}" },
        { "transfer-encoding other than chunked", "Transfer-Encoding: gzip, chunked, identity\r\n\r\n0\r\n\r\n{SMUGGLED}" },
    };

    [Theory]
    [MemberData(nameof(SmugglingShapes))]
    public async Task Smuggling_IsRefusedWith400_ConnectionClosed_NothingReachesTheNode(string shape, string rest)
    {
        Assert.NotEmpty(shape);
        var ct = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(_harness.GatewayAddress, ct);
        // A JSON content type, so that the gateway reads the body and the framing is what decides.
        var head = "POST /v1/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + _token + "\r\nContent-Type: application/json\r\n";
        await raw.SendAsync(head + rest.Replace("{SMUGGLED}", Smuggled, StringComparison.Ordinal), ct);

        var (text, closed) = await raw.ReadUntilClosedAsync(ReadTimeout, ct);

        Assert.Equal([400], RawHttp.StatusCodes(text));
        Assert.True(closed, "the connection must be closed after a framing error, so no smuggled request follows");
        Assert.Empty(_stub.Requests);
    }

    public static TheoryData<string, int> OversizedShapes()
    {
        var manyHeaders = string.Concat(Enumerable.Range(0, 101).Select(i => $"X-H{i}: v\r\n"));
        return new()
        {
            { "X-Big: " + new string('a', 33 * 1024) + "\r\n", 431 },
            { manyHeaders, 431 },
        };
    }

    [Theory]
    [MemberData(nameof(OversizedShapes))]
    public async Task OversizedHeaders_Get431_AndReachNoNode(string headers, int status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(_harness.GatewayAddress, ct);
        await raw.SendAsync("POST /v1/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + _token + "\r\n" + headers + "Content-Length: 2\r\n\r\n{}", ct);

        var (text, _) = await raw.ReadUntilClosedAsync(ReadTimeout, ct);

        Assert.Equal([status], RawHttp.StatusCodes(text));
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task RequestLineOf9KB_Gets414()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(_harness.GatewayAddress, ct);
        await raw.SendAsync("GET /v1/catalog?q=" + new string('a', 9 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", ct);

        var (text, _) = await raw.ReadUntilClosedAsync(ReadTimeout, ct);

        Assert.Equal([414], RawHttp.StatusCodes(text));
    }

    [Fact]
    public async Task BodyAboveTheRouteLimit_Gets413ProblemAndReachesNoNode()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = "{\"subject\":\"" + new string('a', 70 * 1024) + "\"}";
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", body, _token), ct);

        await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task SlowBody_BelowTheMinimumDataRate_IsCutOff_AndNothingIsForwarded()
    {
        // RELIABILITY.md G8: headers complete, then the body trickles at half a byte a second (Kestrel's floor is 240 B/s
        // after a 5 s grace), holding a request slot and a buffer for as long as the client likes unless it is cut.
        var ct = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(_harness.GatewayAddress, ct);
        await raw.SendAsync("POST /v1/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + _token +
            "\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"subject\":", ct);

        var answer = string.Empty;
        var closed = false;
        for (var i = 0; i < 15 && !closed; i++)
        {
            await raw.SendAsync(Encoding.ASCII.GetBytes(" "), ct);
            (var text, closed) = await raw.ReadUntilClosedAsync(TimeSpan.FromSeconds(2), ct);
            answer += text;
        }

        Assert.True(closed, "the slow body kept its connection for 30 s");
        var status = Assert.Single(RawHttp.StatusCodes(answer));
        Assert.InRange(status, 400, 499);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Slowloris_IsDisconnectedWithinTheHeaderTimeout_WhileTheGatewayStaysResponsive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(_harness.GatewayAddress, ct);
        await raw.SendAsync("POST /v1/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\n", ct);

        // One header byte every two seconds, never finishing the header block.
        var closedWithin = TimeSpan.Zero;
        var started = DateTime.UtcNow;
        var probe = _harness.Client.GetAsync("/healthz", ct);
        for (var i = 0; i < 12; i++)
        {
            await raw.SendAsync(Encoding.ASCII.GetBytes("X"), ct);
            var (_, closed) = await raw.ReadUntilClosedAsync(TimeSpan.FromSeconds(2), ct);
            if (closed)
            {
                closedWithin = DateTime.UtcNow - started;
                break;
            }
        }

        using var health = await probe;
        Assert.True(health.IsSuccessStatusCode);
        Assert.NotEqual(TimeSpan.Zero, closedWithin);
        Assert.True(closedWithin < TimeSpan.FromSeconds(20), $"slow client kept its connection for {closedWithin}");
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public void Runtime_IsAboveThePatchedFloor_ForCve2025_55315()
    {
        // The smuggling fix shipped in 8.0.20, 9.0.9 and 10.0.0-rc.1; every 10.0 release carries it.
        Assert.True(Environment.Version >= new Version(10, 0, 0), $"runtime {Environment.Version} is below the patched floor");
    }

    [Fact]
    public async Task AWellFormedRawRequest_StillPassesAdmission()
    {
        // The control: the same raw path with correct framing is answered by the pipeline, so the refusals above are not the socket helper's doing.
        var ct = TestContext.Current.CancellationToken;
        await using var raw = await RawHttp.ConnectAsync(_harness.GatewayAddress, ct);
        await raw.SendAsync("POST /v1/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + _token + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", ct);

        var (text, _) = await raw.ReadUntilClosedAsync(ReadTimeout, ct);

        Assert.Equal([400], RawHttp.StatusCodes(text));
        Assert.Contains("invalid_request", text, StringComparison.Ordinal);
    }
}
