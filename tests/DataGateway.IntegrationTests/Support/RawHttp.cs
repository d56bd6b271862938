using System.Net.Sockets;
using System.Text;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// Raw bytes over a loopback socket (RELIABILITY.md G7, G8): HttpClient refuses to send the
/// malformed requests these tests need, and cannot show whether the server closed the connection.
/// </summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawHttp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttp> ConnectAsync(string baseAddress, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseAddress);
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(uri.Host, uri.Port, cancellationToken);
        return new RawHttp(client);
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) => SendAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    public async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The server may close the connection before it has read everything it was sent.
        }
    }

    /// <summary>
    /// Reads until the server closes the connection or <paramref name="timeout"/> passes. Returns what
    /// arrived and whether the connection was closed (a read returned 0 or the peer reset it).
    /// </summary>
    public async Task<(string Text, bool Closed)> ReadUntilClosedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    return (Encoding.Latin1.GetString(received.ToArray()), true);
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Encoding.Latin1.GetString(received.ToArray()), false);
        }
        catch (IOException)
        {
            return (Encoding.Latin1.GetString(received.ToArray()), true);
        }
    }

    /// <summary>The status codes of every response in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<int> StatusCodes(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"HTTP/1\.1 (\d{3}) ")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
