using System.Buffers.Text;
using System.Security.Cryptography;
using DataGateway.Cryptography.Signing;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataGateway.Bench;

/// <summary>
/// The bare YARP route plus only the work the design demands of every answer, and nothing else:
/// a durable audit intent before forwarding (RELIABILITY.md consequence 1), one ES256 signature
/// over the answer (the attestation), and a durable outcome entry before release (invariant 2).
/// </summary>
/// <remarks>
/// No authentication, admission, consent, limits, ticket, node computation, egress guard or
/// receipt signature. Its throughput is therefore an upper bound for ANY full pipeline on this
/// machine: if this route stays under half of the bare route, the throughput ratio cannot
/// be reached without changing what the design asks.
/// </remarks>
internal sealed class MandatedFloorRoute : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqliteAuditLog _log;
    private readonly EcSigningKey _key;

    private MandatedFloorRoute(WebApplication app, SqliteAuditLog log, EcSigningKey key)
    {
        _app = app;
        _log = log;
        _key = key;
    }

    public string Url => _app.Urls.First();

    public static async Task<MandatedFloorRoute> StartAsync(string destination, string auditDatabasePath)
    {
        var log = await SqliteAuditLog.OpenAsync(auditDatabasePath, TimeProvider.System, NullLogger<SqliteAuditLog>.Instance);
        var key = EcSigningKey.Generate();
        var app = BareProxy.Build(destination);
        var requests = 0;
        app.MapReverseProxy(proxy => proxy.Use(async (context, next) =>
        {
            var i = Interlocked.Increment(ref requests);
            await log.AppendAsync(AuditAppendBench.Entry(i) with { ResultDigest = null }, context.RequestAborted);

            var released = context.Response.Body;
            using var answer = new MemoryStream();
            context.Response.Body = answer;
            await next();
            context.Response.Body = released;

            var attestation = CompactJws.Sign(answer.GetBuffer().AsSpan(0, (int)answer.Length), key, "dg-attestation+jws");
            var digest = Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(attestation)));
            await log.AppendAsync(AuditAppendBench.Entry(i) with { ResultDigest = digest }, context.RequestAborted);
            context.Response.ContentLength = answer.Length;
            await released.WriteAsync(answer.GetBuffer().AsMemory(0, (int)answer.Length), context.RequestAborted);
        }));
        await app.StartAsync();
        return new MandatedFloorRoute(app, log, key);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _log.DisposeAsync();
        _key.Dispose();
    }
}
